package dev.opskit.cost.recommend;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One Reserved Instance purchase recommendation.
 *
 * @param accountId the account
 * @param instanceType the EC2 instance type (empty for other services)
 * @param region the region (empty for other services)
 * @param instancesToPurchase how many instances to reserve
 * @param estimatedMonthlySavings the monthly savings
 * @param upfrontCost the upfront payment
 * @param recurringMonthlyCost the monthly recurring charge
 * @param breakEvenMonths when the reservation has paid for itself, or null when AWS does not say
 */
public record ReservationRecommendation(String accountId, String instanceType, String region,
    BigDecimal instancesToPurchase, Amount estimatedMonthlySavings, Amount upfrontCost, Amount recurringMonthlyCost,
    @Nullable BigDecimal breakEvenMonths) {
  /**
   * Validates.
   *
   * @param accountId the account
   * @param instanceType the type
   * @param region the region
   * @param instancesToPurchase how many
   * @param estimatedMonthlySavings the savings
   * @param upfrontCost the upfront cost
   * @param recurringMonthlyCost the recurring cost
   * @param breakEvenMonths the break-even, or null
   */
  public ReservationRecommendation {
    Checks.present("accountId", accountId, "an account id");
    Checks.present("instanceType", instanceType, "an instance type");
    Checks.present("region", region, "a region");
    Checks.present("instancesToPurchase", instancesToPurchase, "a count");
    Checks.present("estimatedMonthlySavings", estimatedMonthlySavings, "an amount");
    Checks.present("upfrontCost", upfrontCost, "an amount");
    Checks.present("recurringMonthlyCost", recurringMonthlyCost, "an amount");
  }
}
