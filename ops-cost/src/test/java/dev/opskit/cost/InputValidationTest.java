package dev.opskit.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.CostFilter;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.CostQuery;
import dev.opskit.cost.explorer.DateWindows;
import dev.opskit.cost.explorer.Granularity;
import dev.opskit.cost.explorer.GroupBy;
import dev.opskit.cost.explorer.RequestBudget;
import dev.opskit.cost.explorer.TimePeriod;
import dev.opskit.cost.purchase.PurchaseConfirmation;
import dev.opskit.cost.recommend.ForecastQuery;
import dev.opskit.cost.recommend.ReservationRecommendationQuery;
import dev.opskit.cost.recommend.RightsizingQuery;
import dev.opskit.cost.report.ReportSpec;
import dev.opskit.cost.report.Thresholds;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Bad input of every public entry point is a ValidationException naming the field, never an NPE, before any call. */
class InputValidationTest {
  /** Nothing listens here: a call that reached AWS would fail with a connection error, not a ValidationException. */
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
      .endpointOverride(URI.create("http://127.0.0.1:9")).build();

  @AfterEach
  void close() {
    ctx.close();
  }

  static Stream<Arguments> bad() {
    TimePeriod november = TimePeriod.parse("2026-11-01", "2026-11-04");
    return Stream.of(
        Arguments.of("timePeriod.start", (Executable) () -> TimePeriod.parse(null, "2026-01-01")),
        Arguments.of("timePeriod.start", (Executable) () -> TimePeriod.parse("01/01/2026", "2026-01-02")),
        Arguments.of("timePeriod.end", (Executable) () -> TimePeriod.of(november.start(), null)),
        Arguments.of("metric", (Executable) () -> CostMetric.of(null)),
        Arguments.of("metrics", (Executable) () -> CostQuery.builder().metrics((CostMetric[]) null)),
        Arguments.of("metrics", (Executable) () -> CostQuery.builder().metrics(CostMetric.BLENDED_COST, null)),
        Arguments.of("groupBy", (Executable) () -> CostQuery.builder().groupBy(null)),
        Arguments.of("groupBy.key", (Executable) () -> GroupBy.tag(null)),
        Arguments.of("groupBy.key", (Executable) () -> GroupBy.dimension(null)),
        Arguments.of("timePeriod", (Executable) () -> CostQuery.builder().metrics(CostMetric.BLENDED_COST).build()),
        Arguments.of("filter.tags.key", (Executable) () -> CostFilter.tag(null, "a")),
        Arguments.of("filter.not", (Executable) () -> CostFilter.not(null)),
        Arguments.of("filter.or", (Executable) () -> CostFilter.or((CostFilter[]) null)),
        Arguments.of("filter.costCategories.values", (Executable) () -> CostFilter.costCategory("team", "x".repeat(1025))),
        Arguments.of("amount", (Executable) () -> Amount.usd(null)),
        Arguments.of("amount", (Executable) () -> Amount.usd(BigDecimal.ONE).plus(null)),
        Arguments.of("unit", (Executable) () -> Amount.usd(BigDecimal.ONE).plus(new Amount(BigDecimal.ONE, "Hrs"))),
        Arguments.of("requestBudget", (Executable) () -> RequestBudget.of(-1)),
        Arguments.of("cacheTtl", (Executable) () -> CostOptions.builder().cacheTtl(Duration.ofDays(8))),
        Arguments.of("timePeriod", (Executable) () -> DateWindows.check(null, Granularity.DAILY, false,
            november.start())),
        Arguments.of("granularity", (Executable) () -> DateWindows.allowed(null, false, november.start())),
        Arguments.of("predictionIntervalLevel", (Executable) () -> ForecastQuery.of(november, Granularity.DAILY,
            CostMetric.UNBLENDED_COST).withPredictionIntervalLevel(50)),
        Arguments.of("granularity", (Executable) () -> ForecastQuery.of(november, Granularity.HOURLY,
            CostMetric.UNBLENDED_COST)),
        Arguments.of("service", (Executable) () -> RightsizingQuery.forService(null)),
        Arguments.of("pageSize", (Executable) () -> RightsizingQuery.ec2().withPageSize(0)),
        Arguments.of("service", (Executable) () -> ReservationRecommendationQuery.forService("EC2")),
        Arguments.of("period", (Executable) () -> ReportSpec.of(null).build()),
        Arguments.of("top", (Executable) () -> ReportSpec.of(november).top(21).build()),
        Arguments.of("metric", (Executable) () -> ReportSpec.of(november).metric(CostMetric.USAGE_QUANTITY).build()),
        Arguments.of("thresholds.percent", (Executable) () -> new Thresholds(BigDecimal.ONE, BigDecimal.valueOf(-1))),
        Arguments.of("confirmation.offeringId", (Executable) () -> PurchaseConfirmation.of(null, 1, "1.00")),
        Arguments.of("confirmation.expectedTotal", (Executable) () -> PurchaseConfirmation.of("o-1", 1, "about 5")),
        Arguments.of("confirmation.instanceCount", (Executable) () -> PurchaseConfirmation.of("o-1", 0, "1.00")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void badInputIsAValidationExceptionNamingTheField(String field, Executable call) {
    assertThatThrownBy(call::execute)
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid " + field + ": ")
        .extracting(e -> ((ValidationException) e).field()).isEqualTo(field);
  }

  @Test
  void theOperationsRefuseMissingInputBeforeAnyCall() {
    Costs costs = Costs.using(ctx);
    List<Executable> calls = List.of(
        () -> costs.explorer().query(null),
        () -> costs.explorer().stream(null),
        () -> costs.explorer().requestsAtLeast(null),
        () -> costs.report(null),
        () -> costs.forecasts().cost(null),
        () -> costs.recommendations().rightsizing(null),
        () -> costs.recommendations().hub((String[]) null),
        () -> costs.reservedInstances().quote(null, 1),
        () -> costs.reservedInstances().purchase(null, null));
    for (Executable call : calls) {
      assertThatThrownBy(call::execute).isInstanceOf(ValidationException.class);
    }
    assertThat(costs.explorer().budget().used()).isZero();
  }
}
