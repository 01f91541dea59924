package dev.opskit.cost.recommend;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A {@code GetRightsizingRecommendation} query. AWS accepts one service, {@code AmazonEC2}. The guide passes
 * {@code --service EC2-Instance}, which AWS rejects; {@link #forService} maps that value to {@code AmazonEC2}
 * (documented mapping, so the guide's command works) and refuses anything else naming the one valid value.
 *
 * @param service always {@code AmazonEC2}
 * @param crossInstanceFamily whether targets may be in other instance families ({@code CROSS_INSTANCE_FAMILY})
 *     rather than the same one ({@code SAME_INSTANCE_FAMILY}, AWS's default)
 * @param benefitsConsidered whether savings count Reserved Instance and Savings Plans discounts (AWS's default: yes)
 * @param pageSize recommendations per page (each page a paid request), or null for AWS's default
 */
public record RightsizingQuery(String service, boolean crossInstanceFamily, boolean benefitsConsidered,
    @Nullable Integer pageSize) {
  /** The only service rightsizing accepts. */
  public static final String AMAZON_EC2 = "AmazonEC2";
  /** The guide's value, mapped to {@link #AMAZON_EC2}. */
  public static final String GUIDE_EC2_INSTANCE = "EC2-Instance";

  /**
   * Validates.
   *
   * @param service {@code AmazonEC2}
   * @param crossInstanceFamily across families
   * @param benefitsConsidered with RI and SP benefits
   * @param pageSize 1 to 1,000, or null
   * @throws ValidationException for another service or page size
   */
  public RightsizingQuery {
    if (!AMAZON_EC2.equals(service)) {
      throw ValidationException.of("service", service, AMAZON_EC2 + " (the only service rightsizing covers)");
    }
    if (pageSize != null) {
      Checks.range("pageSize", pageSize, 1, 1000, "1 to 1000 recommendations per page");
    }
  }

  /** {@return EC2 rightsizing within the same family, benefits considered, AWS's page size} */
  public static RightsizingQuery ec2() {
    return new RightsizingQuery(AMAZON_EC2, false, true, null);
  }

  /**
   * A query for a service as the CLI names it: {@code AmazonEC2}, or the guide's {@code EC2-Instance} (mapped to
   * {@code AmazonEC2}).
   *
   * @param service the service
   * @return the query
   * @throws ValidationException for any other value, naming {@code AmazonEC2}
   */
  public static RightsizingQuery forService(@Nullable String service) {
    if (GUIDE_EC2_INSTANCE.equals(service)) {
      return ec2();
    }
    return new RightsizingQuery(Checks.present("service", service, AMAZON_EC2), false, true, null);
  }

  /**
   * The same query across instance families.
   *
   * @param value whether targets may be in other families
   * @return the query
   */
  public RightsizingQuery withCrossInstanceFamily(boolean value) {
    return new RightsizingQuery(service, value, benefitsConsidered, pageSize);
  }

  /**
   * The same query with a page size.
   *
   * @param value 1 to 1,000
   * @return the query
   */
  public RightsizingQuery withPageSize(int value) {
    return new RightsizingQuery(service, crossInstanceFamily, benefitsConsidered, value);
  }
}
