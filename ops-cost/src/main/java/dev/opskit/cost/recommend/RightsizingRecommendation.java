package dev.opskit.cost.recommend;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import org.jspecify.annotations.Nullable;

/**
 * One EC2 rightsizing recommendation.
 *
 * @param accountId the account
 * @param resourceId the instance id
 * @param currentInstanceType its instance type now
 * @param action {@code MODIFY} or {@code TERMINATE} as AWS sent it (an open set)
 * @param targetInstanceType the recommended type (AWS's default target), or null for a termination
 * @param currentMonthlyCost what the instance costs a month now
 * @param estimatedMonthlySavings what acting on it saves a month
 */
public record RightsizingRecommendation(String accountId, String resourceId, String currentInstanceType, String action,
    @Nullable String targetInstanceType, Amount currentMonthlyCost, Amount estimatedMonthlySavings) {
  /**
   * Validates.
   *
   * @param accountId the account
   * @param resourceId the instance
   * @param currentInstanceType its type
   * @param action the action
   * @param targetInstanceType the target, or null
   * @param currentMonthlyCost its monthly cost
   * @param estimatedMonthlySavings the savings
   */
  public RightsizingRecommendation {
    Checks.present("accountId", accountId, "an account id");
    Checks.present("resourceId", resourceId, "an instance id");
    Checks.present("currentInstanceType", currentInstanceType, "an instance type");
    Checks.present("action", action, "MODIFY or TERMINATE");
    Checks.present("currentMonthlyCost", currentMonthlyCost, "an amount");
    Checks.present("estimatedMonthlySavings", estimatedMonthlySavings, "an amount");
  }
}
