package dev.opskit.cost.waste.internal;

import dev.opskit.cost.waste.PriceKey;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * How a {@link PriceKey} is asked of the Price List API: the service code, the {@code TERM_MATCH} filters, and the
 * ending of the product's {@code usagetype} that picks the one product among those the filters match (usage types
 * carry a region prefix, so they cannot be matched exactly in a filter).
 *
 * @param serviceCode AmazonEC2, AWSELB or AmazonRDS
 * @param filters attribute name to value
 * @param usageTypeSuffix the ending of the product's usagetype, or empty for any
 * @param unit the price dimension's unit (Hrs, GB-Mo)
 */
record PriceQuery(String serviceCode, Map<String, String> filters, String usageTypeSuffix, String unit) {
  PriceQuery {
    filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
  }

  static PriceQuery of(PriceKey key, Region region) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("regionCode", region.id());
    return switch (key.product()) {
      case EBS_VOLUME -> {
        f.put("productFamily", "Storage");
        f.put("volumeApiName", key.variant());
        yield new PriceQuery("AmazonEC2", f, "", "GB-Mo");
      }
      case EBS_SNAPSHOT -> {
        f.put("productFamily", "Storage Snapshot");
        yield new PriceQuery("AmazonEC2", f, "EBS:SnapshotUsage", "GB-Mo");
      }
      case ELASTIC_IP -> {
        f.put("productFamily", "IP Address");
        yield new PriceQuery("AmazonVPC", f, "PublicIPv4:IdleAddress", "Hrs");
      }
      case LOAD_BALANCER -> {
        String family = "Load Balancer-" + key.variant().substring(0, 1).toUpperCase(Locale.ROOT)
            + key.variant().substring(1);
        f.put("productFamily", family);
        yield new PriceQuery("AWSELB", f, "LoadBalancerUsage", "Hrs");
      }
      case EC2_INSTANCE -> {
        f.put("instanceType", key.variant());
        f.put("operatingSystem", "Linux");
        f.put("tenancy", "Shared");
        f.put("preInstalledSw", "NA");
        f.put("capacitystatus", "Used");
        f.put("licenseModel", "No License required");
        yield new PriceQuery("AmazonEC2", f, "", "Hrs");
      }
      case RDS_SNAPSHOT -> {
        f.put("productFamily", "Storage Snapshot");
        yield new PriceQuery("AmazonRDS", f, "ChargedBackupUsage", "GB-Mo");
      }
    };
  }
}
