package dev.opskit.cost.lifecycle.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.internal.JsonFields;
import dev.opskit.core.value.BucketName;
import dev.opskit.cost.lifecycle.AccessTier;
import dev.opskit.cost.lifecycle.IntelligentTieringDefinition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The JSON form of {@link IntelligentTieringDefinition}: S3's IntelligentTieringConfiguration members plus Bucket. */
public final class TieringJson {
  private static final Set<String> FIELDS = Set.of("Bucket", "Id", "Status", "Filter", "Tierings");

  private TieringJson() {}

  /**
   * Writes a definition.
   *
   * @param d the definition
   * @return the JSON text
   */
  public static String write(IntelligentTieringDefinition d) {
    ObjectNode root = Json.object();
    root.put("Bucket", d.bucket().value());
    root.put("Id", d.id());
    root.put("Status", d.enabled() ? "Enabled" : "Disabled");
    if (d.prefix() != null || !d.tags().isEmpty()) {
      ObjectNode filter = root.putObject("Filter");
      if (d.prefix() != null) {
        filter.put("Prefix", d.prefix());
      }
      if (!d.tags().isEmpty()) {
        filter.set("Tags", JsonFields.pairsNode(d.tags(), "Key", "Value"));
      }
    }
    ArrayNode tierings = root.putArray("Tierings");
    d.tierings().forEach((tier, days) -> tierings.addObject().put("AccessTier", tier.name()).put("Days", days));
    return Json.write(root);
  }

  /**
   * Reads a definition.
   *
   * @param json the text
   * @return the definition
   * @throws ValidationException when the text is not a definition
   */
  public static IntelligentTieringDefinition read(String json) {
    JsonFields root = JsonFields.parse(json, "intelligent-tiering JSON");
    root.onlyKnown(FIELDS);
    String status = root.requiredText("Status");
    if (!status.equals("Enabled") && !status.equals("Disabled")) {
      throw ValidationException.of("Status", status, "Enabled or Disabled");
    }
    String prefix = null;
    Map<String, String> tags = Map.of();
    if (root.has("Filter")) {
      JsonFields filter = root.object("Filter");
      filter.onlyKnown(Set.of("Prefix", "Tags"));
      prefix = filter.text("Prefix");
      tags = filter.pairs("Tags", "Key", "Value");
    }
    Map<AccessTier, Integer> tierings = new LinkedHashMap<>();
    for (JsonNode node : root.array("Tierings")) {
      JsonFields t = JsonFields.of(node, "Tierings", "Tierings.");
      t.onlyKnown(Set.of("AccessTier", "Days"));
      String tier = t.requiredText("AccessTier");
      AccessTier parsed = Arrays.stream(AccessTier.values()).filter(a -> a.name().equals(tier)).findFirst()
          .orElseThrow(() -> ValidationException.of("Tierings.AccessTier", tier, "ARCHIVE_ACCESS or DEEP_ARCHIVE_ACCESS"));
      Integer days = t.integer("Days");
      if (days == null) {
        throw ValidationException.of("Tierings.Days", null, "a whole number of days");
      }
      if (tierings.put(parsed, days) != null) {
        throw ValidationException.of("Tierings.AccessTier", tier, "each tier once");
      }
    }
    return new IntelligentTieringDefinition(BucketName.of(root.requiredText("Bucket")), root.requiredText("Id"),
        status.equals("Enabled"), prefix, tags, tierings);
  }
}
