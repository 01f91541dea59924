package dev.opskit.cost.recommend;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.costexplorer.model.AccountScope;
import software.amazon.awssdk.services.costexplorer.model.LookbackPeriodInDays;
import software.amazon.awssdk.services.costexplorer.model.PaymentOption;
import software.amazon.awssdk.services.costexplorer.model.TermInYears;

/**
 * A {@code GetReservationPurchaseRecommendation} query. The guide's {@code --service EC2-Instance} is not a value
 * AWS accepts either: {@link #forService} maps it to {@code Amazon Elastic Compute Cloud - Compute}.
 *
 * @param service the service, as Cost Explorer names it
 * @param accountScope {@code PAYER} (the guide's) or {@code LINKED}
 * @param lookback the usage looked at
 * @param term the reservation term
 * @param paymentOption the payment option
 * @param pageSize recommendations per page (each page a paid request), or null for AWS's default
 */
public record ReservationRecommendationQuery(String service, AccountScope accountScope, LookbackPeriodInDays lookback,
    TermInYears term, PaymentOption paymentOption, @Nullable Integer pageSize) {
  /** The services AWS recommends reservations for. */
  public static final List<String> SERVICES = List.of("Amazon Elastic Compute Cloud - Compute",
      "Amazon Relational Database Service", "Amazon Redshift", "Amazon ElastiCache", "Amazon OpenSearch Service",
      "Amazon MemoryDB Service", "Amazon DynamoDB Service");
  /** The guide's value for EC2, mapped to {@code Amazon Elastic Compute Cloud - Compute}. */
  public static final String GUIDE_EC2_INSTANCE = "EC2-Instance";

  /**
   * Validates.
   *
   * @param service one of {@link #SERVICES}
   * @param accountScope the scope
   * @param lookback the lookback
   * @param term the term
   * @param paymentOption the payment option
   * @param pageSize 1 to 1,000, or null
   * @throws ValidationException for another service, an unknown enum value or page size
   */
  public ReservationRecommendationQuery {
    if (!SERVICES.contains(service)) {
      throw ValidationException.of("service", service, String.join(", ", SERVICES)
          + " (the guide's EC2-Instance is mapped to Amazon Elastic Compute Cloud - Compute by forService)");
    }
    Checks.require(accountScope != null && accountScope != AccountScope.UNKNOWN_TO_SDK_VERSION, "accountScope",
        accountScope, "PAYER or LINKED");
    Checks.require(lookback != null && lookback != LookbackPeriodInDays.UNKNOWN_TO_SDK_VERSION, "lookback", lookback,
        "SEVEN_DAYS, THIRTY_DAYS or SIXTY_DAYS");
    Checks.require(term != null && term != TermInYears.UNKNOWN_TO_SDK_VERSION, "term", term, "ONE_YEAR or THREE_YEARS");
    Checks.require(paymentOption != null && paymentOption != PaymentOption.UNKNOWN_TO_SDK_VERSION, "paymentOption",
        paymentOption, "NO_UPFRONT, PARTIAL_UPFRONT or ALL_UPFRONT");
    if (pageSize != null) {
      Checks.range("pageSize", pageSize, 1, 1000, "1 to 1000 recommendations per page");
    }
  }

  /**
   * The guide's query for a service: {@code --account-scope PAYER}, AWS's defaults otherwise (30 days, one year,
   * partial upfront).
   *
   * @param service a value of {@link #SERVICES}, or the guide's {@code EC2-Instance}
   * @return the query
   * @throws ValidationException for an unknown service
   */
  public static ReservationRecommendationQuery forService(@Nullable String service) {
    String name = GUIDE_EC2_INSTANCE.equals(service) ? SERVICES.get(0)
        : Checks.present("service", service, String.join(", ", SERVICES));
    return new ReservationRecommendationQuery(name, AccountScope.PAYER, LookbackPeriodInDays.THIRTY_DAYS,
        TermInYears.ONE_YEAR, PaymentOption.PARTIAL_UPFRONT, null);
  }

  /**
   * The same query with a page size.
   *
   * @param value 1 to 1,000
   * @return the query
   */
  public ReservationRecommendationQuery withPageSize(int value) {
    return new ReservationRecommendationQuery(service, accountScope, lookback, term, paymentOption, value);
  }
}
