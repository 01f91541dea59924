package dev.opskit.cost.recommend;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One Cost Optimization Hub recommendation ({@code ListRecommendations}): the broadest source where the hub is
 * enabled (rightsizing, stop, upgrade, Graviton, Savings Plans and Reserved Instances purchases, delete, scale-in).
 * The hub sends amounts as JSON numbers read as {@code double}; they are kept as the shortest decimal that reads back
 * as the same number.
 *
 * @param recommendationId the recommendation
 * @param accountId the account
 * @param region the region
 * @param resourceId the resource
 * @param resourceArn the resource's ARN, or empty
 * @param actionType such as {@code Rightsize}, {@code Stop}, {@code PurchaseSavingsPlans} (an open set)
 * @param currentResourceType such as {@code Ec2Instance}
 * @param recommendedResourceType the recommended type, or empty
 * @param estimatedMonthlySavings the monthly savings
 * @param estimatedSavingsPercent the savings in percent, or null
 * @param implementationEffort such as {@code VeryLow} (an open set), or empty
 * @param restartNeeded whether acting on it restarts the resource
 * @param rollbackPossible whether it can be rolled back
 */
public record HubRecommendation(String recommendationId, String accountId, String region, String resourceId,
    String resourceArn, String actionType, String currentResourceType, String recommendedResourceType,
    Amount estimatedMonthlySavings, @Nullable BigDecimal estimatedSavingsPercent, String implementationEffort,
    boolean restartNeeded, boolean rollbackPossible) {
  /**
   * Validates.
   *
   * @param recommendationId the id
   * @param accountId the account
   * @param region the region
   * @param resourceId the resource
   * @param resourceArn the ARN
   * @param actionType the action
   * @param currentResourceType the current type
   * @param recommendedResourceType the recommended type
   * @param estimatedMonthlySavings the savings
   * @param estimatedSavingsPercent the percentage, or null
   * @param implementationEffort the effort
   * @param restartNeeded whether a restart is needed
   * @param rollbackPossible whether a rollback is possible
   */
  public HubRecommendation {
    Checks.present("recommendationId", recommendationId, "an id");
    Checks.present("accountId", accountId, "an account id");
    Checks.present("region", region, "a region");
    Checks.present("resourceId", resourceId, "a resource id");
    Checks.present("resourceArn", resourceArn, "an ARN");
    Checks.present("actionType", actionType, "an action type");
    Checks.present("currentResourceType", currentResourceType, "a resource type");
    Checks.present("recommendedResourceType", recommendedResourceType, "a resource type");
    Checks.present("estimatedMonthlySavings", estimatedMonthlySavings, "an amount");
    Checks.present("implementationEffort", implementationEffort, "an effort");
  }
}
