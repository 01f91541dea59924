package dev.opskit.cost.waste;

import dev.opskit.core.OpsContext;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.waste.internal.WasteImpl;
import java.util.List;

/**
 * The waste finder of the context's account and region: unattached EBS volumes, unassociated Elastic IPs, load
 * balancers without healthy targets, old EBS snapshots no AMI uses, manual RDS snapshots of deleted instances and
 * idle EC2 instances, each with an estimated monthly cost and where its price came from. Reads only; removing waste
 * is the {@link Cleanup} cycle's job.
 *
 * <pre>{@code
 * List<Finding> waste = Waste.using(ctx).find();
 * BigDecimal monthly = waste.stream().map(f -> f.estimate().monthlyUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
 * }</pre>
 */
public interface Waste {
  /**
   * The finder, pricing through the AWS Price List API (answers cached 24 hours).
   *
   * @param ctx the context
   * @return the finder
   */
  static Waste using(OpsContext ctx) {
    Checks.present("ctx", ctx, "an OpsContext");
    return new WasteImpl(ctx, Prices.priceList(ctx));
  }

  /**
   * The finder with a price source of the caller's ({@link Prices#table}, or a table then the Price List API).
   *
   * @param ctx the context
   * @param prices the price source
   * @return the finder
   */
  static Waste using(OpsContext ctx, Prices prices) {
    Checks.present("ctx", ctx, "an OpsContext");
    Checks.present("prices", prices, "a Prices source");
    return new WasteImpl(ctx, prices);
  }

  /**
   * Finds waste of every kind with thrifty's thresholds.
   *
   * @return the findings, by kind, then resource id
   */
  default List<Finding> find() {
    return find(WasteCriteria.defaults());
  }

  /**
   * Finds waste by the criteria (every page of every listing is read).
   *
   * @param criteria kinds and thresholds
   * @return the findings, by kind, then resource id
   * @throws dev.opskit.core.ValidationException when the criteria are missing
   */
  List<Finding> find(WasteCriteria criteria);

  /**
   * The cleanup cycle of this finder's account and region.
   *
   * @param policy grace, re-check criteria and notify hook
   * @return the cycle
   * @throws dev.opskit.core.ValidationException when the policy is missing
   */
  Cleanup cleanup(CleanupPolicy policy);
}
