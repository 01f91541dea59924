package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * What a price is asked for: a product and its variant (the volume type, the instance type, the load
 * balancer type).
 *
 * @param product the product
 * @param variant the variant, such as {@code gp2}, {@code m5.large} or {@code application}
 */
public record PriceKey(Product product, String variant) {
  private static final Pattern VARIANT = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

  /** The products the waste finder prices, each with the unit AWS bills it in. */
  public enum Product {
    /** EBS volume storage, per GB-month; the variant is the volume type (gp2, gp3, io1, io2, st1, sc1, standard). */
    EBS_VOLUME(PriceUnit.GB_MONTH),
    /** EBS snapshot storage (standard tier), per GB-month; the variant is {@code standard}. */
    EBS_SNAPSHOT(PriceUnit.GB_MONTH),
    /** An idle public IPv4 address (an Elastic IP associated with nothing), per hour; the variant is {@code idle}. */
    ELASTIC_IP(PriceUnit.HOUR),
    /** A load balancer's hourly charge (capacity units not included); the variant is its type. */
    LOAD_BALANCER(PriceUnit.HOUR),
    /** An on-demand Linux EC2 instance on shared tenancy, per hour; the variant is the instance type. */
    EC2_INSTANCE(PriceUnit.HOUR),
    /** RDS snapshot storage beyond the free allowance, per GB-month; the variant is {@code standard}. */
    RDS_SNAPSHOT(PriceUnit.GB_MONTH);

    private final PriceUnit unit;

    Product(PriceUnit unit) {
      this.unit = unit;
    }

    /** {@return the unit this product is billed in} */
    public PriceUnit unit() {
      return unit;
    }
  }

  /**
   * Validates the key.
   *
   * @param product the product
   * @param variant the variant, such as {@code gp2}, {@code m5.large} or {@code application}
   * @throws dev.opskit.core.ValidationException when the product is missing or the variant is not lower-case
   *     letters, digits, dots and dashes (1 to 64)
   */
  public PriceKey {
    Checks.present("product", product, "one of " + java.util.Arrays.toString(Product.values()));
    Checks.present("variant", variant, "a variant such as gp2, m5.large or application");
    Checks.require(variant.length() <= 64 && VARIANT.matcher(variant).matches(), "variant", variant,
        "1 to 64 lower-case letters, digits, dots and dashes, such as gp2, m5.large or application");
  }

  /**
   * EBS volume storage of a volume type.
   *
   * @param volumeType the volume type, such as {@code gp2}
   * @return the key
   */
  public static PriceKey ebsVolume(String volumeType) {
    return new PriceKey(Product.EBS_VOLUME, volumeType);
  }

  /** {@return EBS snapshot storage (standard tier)} */
  public static PriceKey ebsSnapshot() {
    return new PriceKey(Product.EBS_SNAPSHOT, "standard");
  }

  /** {@return an idle Elastic IP address} */
  public static PriceKey elasticIp() {
    return new PriceKey(Product.ELASTIC_IP, "idle");
  }

  /**
   * A load balancer of a type.
   *
   * @param type {@code application}, {@code network} or {@code gateway}
   * @return the key
   */
  public static PriceKey loadBalancer(String type) {
    return new PriceKey(Product.LOAD_BALANCER, type);
  }

  /**
   * An on-demand Linux instance of an instance type.
   *
   * @param instanceType the instance type, such as {@code m5.large}
   * @return the key
   */
  public static PriceKey instance(String instanceType) {
    return new PriceKey(Product.EC2_INSTANCE, instanceType);
  }

  /** {@return RDS snapshot storage} */
  public static PriceKey dbSnapshot() {
    return new PriceKey(Product.RDS_SNAPSHOT, "standard");
  }

  @Override
  public String toString() {
    return product + "/" + variant;
  }
}
