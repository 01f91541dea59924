package dev.opskit.cost.recommend;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.costexplorer.model.AccountScope;
import software.amazon.awssdk.services.costexplorer.model.LookbackPeriodInDays;
import software.amazon.awssdk.services.costexplorer.model.PaymentOption;
import software.amazon.awssdk.services.costexplorer.model.SupportedSavingsPlansType;
import software.amazon.awssdk.services.costexplorer.model.TermInYears;

/**
 * A {@code GetSavingsPlansPurchaseRecommendation} query.
 *
 * @param type {@code COMPUTE_SP}, {@code EC2_INSTANCE_SP}, {@code SAGEMAKER_SP} or {@code DATABASE_SP}
 * @param term the term
 * @param paymentOption the payment option
 * @param accountScope {@code PAYER} or {@code LINKED}
 * @param lookback the usage looked at
 * @param pageSize recommendations per page (each page a paid request), or null for AWS's default
 */
public record SavingsPlansRecommendationQuery(SupportedSavingsPlansType type, TermInYears term,
    PaymentOption paymentOption, AccountScope accountScope, LookbackPeriodInDays lookback, @Nullable Integer pageSize) {
  /**
   * Validates.
   *
   * @param type the plan type
   * @param term the term
   * @param paymentOption the payment option
   * @param accountScope the scope
   * @param lookback the lookback
   * @param pageSize 1 to 1,000, or null
   * @throws dev.opskit.core.ValidationException for a missing or unknown value
   */
  public SavingsPlansRecommendationQuery {
    Checks.require(type != null && type != SupportedSavingsPlansType.UNKNOWN_TO_SDK_VERSION, "type", type,
        "COMPUTE_SP, EC2_INSTANCE_SP, SAGEMAKER_SP or DATABASE_SP");
    Checks.require(term != null && term != TermInYears.UNKNOWN_TO_SDK_VERSION, "term", term, "ONE_YEAR or THREE_YEARS");
    Checks.require(paymentOption != null && paymentOption != PaymentOption.UNKNOWN_TO_SDK_VERSION, "paymentOption",
        paymentOption, "NO_UPFRONT, PARTIAL_UPFRONT or ALL_UPFRONT");
    Checks.require(accountScope != null && accountScope != AccountScope.UNKNOWN_TO_SDK_VERSION, "accountScope",
        accountScope, "PAYER or LINKED");
    Checks.require(lookback != null && lookback != LookbackPeriodInDays.UNKNOWN_TO_SDK_VERSION, "lookback", lookback,
        "SEVEN_DAYS, THIRTY_DAYS or SIXTY_DAYS");
    if (pageSize != null) {
      Checks.range("pageSize", pageSize, 1, 1000, "1 to 1000 recommendations per page");
    }
  }

  /**
   * Compute Savings Plans, one year, no upfront, payer scope, 30 days of usage.
   *
   * @return the query
   */
  public static SavingsPlansRecommendationQuery compute() {
    return new SavingsPlansRecommendationQuery(SupportedSavingsPlansType.COMPUTE_SP, TermInYears.ONE_YEAR,
        PaymentOption.NO_UPFRONT, AccountScope.PAYER, LookbackPeriodInDays.THIRTY_DAYS, null);
  }
}
