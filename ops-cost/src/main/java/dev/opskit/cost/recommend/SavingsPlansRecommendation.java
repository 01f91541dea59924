package dev.opskit.cost.recommend;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One Savings Plans purchase recommendation.
 *
 * @param accountId the account
 * @param region the plan's region (EC2 Instance Savings Plans), or empty
 * @param instanceFamily the plan's instance family (EC2 Instance Savings Plans), or empty
 * @param offeringId the Savings Plans offering, or empty
 * @param hourlyCommitment the commitment per hour to buy
 * @param upfrontCost the upfront payment
 * @param estimatedMonthlySavings the monthly savings
 * @param estimatedSavingsPercent the savings in percent of the on-demand cost, or null when AWS does not say
 */
public record SavingsPlansRecommendation(String accountId, String region, String instanceFamily, String offeringId,
    Amount hourlyCommitment, Amount upfrontCost, Amount estimatedMonthlySavings, @Nullable BigDecimal estimatedSavingsPercent) {
  /**
   * Validates.
   *
   * @param accountId the account
   * @param region the region
   * @param instanceFamily the family
   * @param offeringId the offering
   * @param hourlyCommitment the commitment
   * @param upfrontCost the upfront cost
   * @param estimatedMonthlySavings the savings
   * @param estimatedSavingsPercent the savings percentage, or null
   */
  public SavingsPlansRecommendation {
    Checks.present("accountId", accountId, "an account id");
    Checks.present("region", region, "a region");
    Checks.present("instanceFamily", instanceFamily, "a family");
    Checks.present("offeringId", offeringId, "an offering id");
    Checks.present("hourlyCommitment", hourlyCommitment, "an amount");
    Checks.present("upfrontCost", upfrontCost, "an amount");
    Checks.present("estimatedMonthlySavings", estimatedMonthlySavings, "an amount");
  }
}
