package dev.opskit.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ValidationException;
import dev.opskit.cost.explorer.Amount;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.Granularity;
import dev.opskit.cost.explorer.RequestBudgetExceededException;
import dev.opskit.cost.explorer.TimePeriod;
import dev.opskit.cost.recommend.Forecast;
import dev.opskit.cost.recommend.ForecastQuery;
import dev.opskit.cost.recommend.HubRecommendation;
import dev.opskit.cost.recommend.ReservationRecommendation;
import dev.opskit.cost.recommend.ReservationRecommendationQuery;
import dev.opskit.cost.recommend.RightsizingQuery;
import dev.opskit.cost.recommend.RightsizingRecommendation;
import dev.opskit.cost.recommend.SavingsPlansRecommendation;
import dev.opskit.cost.recommend.SavingsPlansRecommendationQuery;
import dev.opskit.cost.report.CostReport;
import dev.opskit.cost.report.ReportSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The Cost Explorer calls moto lacks, and Cost Optimization Hub, at the HTTP level: WireMock answers in AWS's JSON
 * 1.1 shapes ({@code X-Amz-Target: AWSInsightsIndexService.*}, {@code CostOptimizationHubService.*}).
 */
class CostExplorerHttpTest {
  private static final Instant NOW = Instant.parse("2026-12-10T10:00:00Z");

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private OpsContext ctx;

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  private static MappingBuilder target(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
  }

  private void answer(MappingBuilder request, String json) {
    server.stubFor(request.willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(json)));
  }

  private List<String> bodies(String target) {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))).stream()
        .map(LoggedRequest::getBodyAsString).toList();
  }

  @Nested
  class Cache {
    private static final String TARGET = "AWSInsightsIndexService.GetCostAndUsage";
    private final MutableClock clock = new MutableClock(NOW);
    private OpsContext timed;

    @BeforeEach
    void context() {
      timed = OpsContext.builder().region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
          .endpointOverride(URI.create(server.baseUrl())).clock(clock).build();
      answer(target(TARGET), "{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-12-09\",\"End\":\"2026-12-10\"},"
          + "\"Total\":{},\"Groups\":[{\"Keys\":[\"AWS Lambda\"],\"Metrics\":{\"BlendedCost\":{\"Amount\":\"1.5\","
          + "\"Unit\":\"USD\"}}}],\"Estimated\":true}]}");
    }

    @AfterEach
    void close() {
      timed.close();
    }

    @Test
    void estimatedDaysAreServedFromTheCacheForTheConfiguredTimeAndNeverPastIt() {
      Costs costs = Costs.using(timed, CostOptions.builder().cacheTtl(Duration.ofMinutes(30)).build());
      dev.opskit.cost.explorer.CostQuery query = dev.opskit.cost.explorer.CostQuery.dailyByService(
          TimePeriod.parse("2026-12-09", "2026-12-10"));

      assertThat(costs.explorer().query(query).rows()).singleElement().satisfies(r -> assertThat(r.estimated()).isTrue());
      clock.advance(Duration.ofMinutes(29));
      assertThat(costs.explorer().query(query).fromCache()).isTrue();
      clock.advance(Duration.ofMinutes(1));
      assertThat(costs.explorer().query(query).fromCache()).as("30 minutes on").isFalse();

      assertThat(bodies(TARGET)).hasSize(2);
      assertThat(costs.explorer().budget().used()).isEqualTo(2);
    }

    @Test
    void aZeroCacheTimeAsksEveryTime() {
      Costs costs = Costs.using(timed, CostOptions.builder().cacheTtl(Duration.ZERO).build());
      dev.opskit.cost.explorer.CostQuery query = dev.opskit.cost.explorer.CostQuery.dailyByService(
          TimePeriod.parse("2026-12-09", "2026-12-10"));

      costs.explorer().query(query);
      costs.explorer().query(query);

      assertThat(bodies(TARGET)).hasSize(2);
    }
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Nested
  class Rightsizing {
    private static final String TARGET = "AWSInsightsIndexService.GetRightsizingRecommendation";

    @Test
    void theGuidesEc2InstanceIsMappedToAmazonEc2AndEveryPageIsReadAndCharged() {
      answer(target(TARGET).withRequestBody(notContaining("NextPageToken")), page("i-1", "m5.xlarge", "m5.large",
          "40.5", "p2"));
      answer(target(TARGET).withRequestBody(containing("\"NextPageToken\":\"p2\"")), page("i-2", "c5.2xlarge",
          "c5.xlarge", "70.25", null));
      Costs costs = Costs.using(ctx);

      List<RightsizingRecommendation> all = costs.recommendations().rightsizing(RightsizingQuery.forService("EC2-Instance"))
          .toList();

      assertThat(all).extracting(RightsizingRecommendation::resourceId).containsExactly("i-1", "i-2");
      assertThat(all.get(0)).isEqualTo(new RightsizingRecommendation("123456789012", "i-1", "m5.xlarge", "MODIFY",
          "m5.large", Amount.usd(new BigDecimal("140.16")), Amount.usd(new BigDecimal("40.5"))));
      assertThat(bodies(TARGET)).hasSize(2).allSatisfy(b -> assertThat(b).contains("\"Service\":\"AmazonEC2\""));
      assertThat(costs.explorer().budget().used()).isEqualTo(2);
    }

    @Test
    void anyOtherServiceIsRefusedNamingTheOneAwsAccepts() {
      assertThatThrownBy(() -> RightsizingQuery.forService("AmazonRDS"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid service: 'AmazonRDS'. Allowed: AmazonEC2 (the only service rightsizing covers)");
    }

    private static String page(String id, String from, String to, String savings, String next) {
      return "{\"Metadata\":{\"RecommendationId\":\"r\",\"LookbackPeriodInDays\":\"FOURTEEN_DAYS\"},"
          + "\"RightsizingRecommendations\":[{\"AccountId\":\"123456789012\",\"CurrentInstance\":{\"ResourceId\":\"" + id
          + "\",\"InstanceName\":\"api\",\"ResourceDetails\":{\"EC2ResourceDetails\":{\"InstanceType\":\"" + from
          + "\",\"Region\":\"US East (N. Virginia)\"}},\"MonthlyCost\":\"140.16\",\"CurrencyCode\":\"USD\"},"
          + "\"RightsizingType\":\"MODIFY\",\"ModifyRecommendationDetail\":{\"TargetInstances\":[{"
          + "\"EstimatedMonthlyCost\":\"99.66\",\"EstimatedMonthlySavings\":\"" + savings + "\",\"CurrencyCode\":\"USD\","
          + "\"DefaultTargetInstance\":true,\"ResourceDetails\":{\"EC2ResourceDetails\":{\"InstanceType\":\"" + to
          + "\"}}}]}}]" + (next == null ? "" : ",\"NextPageToken\":\"" + next + "\"") + "}";
    }
  }

  @Nested
  class PurchaseRecommendations {
    @Test
    void reservationsForTheGuidesEc2InstanceAtPayerScopeEveryPage() {
      String target = "AWSInsightsIndexService.GetReservationPurchaseRecommendation";
      answer(target(target).withRequestBody(notContaining("NextPageToken")), reservations("m5.large", "3", "p2"));
      answer(target(target).withRequestBody(containing("\"NextPageToken\":\"p2\"")), reservations("r5.xlarge", "1", null));

      List<ReservationRecommendation> all = Costs.using(ctx).recommendations()
          .reservations(ReservationRecommendationQuery.forService("EC2-Instance")).toList();

      assertThat(all).extracting(ReservationRecommendation::instanceType).containsExactly("m5.large", "r5.xlarge");
      assertThat(all.get(0).instancesToPurchase()).isEqualByComparingTo("3");
      assertThat(all.get(0).estimatedMonthlySavings()).isEqualTo(Amount.usd(new BigDecimal("55.1234")));
      assertThat(all.get(0).breakEvenMonths()).isEqualByComparingTo("7.5");
      assertThat(bodies(target).get(0)).contains("\"Service\":\"Amazon Elastic Compute Cloud - Compute\"",
          "\"AccountScope\":\"PAYER\"");
    }

    @Test
    void savingsPlansEveryPage() {
      String target = "AWSInsightsIndexService.GetSavingsPlansPurchaseRecommendation";
      answer(target(target).withRequestBody(notContaining("NextPageToken")), savingsPlans("1.25", "p2"));
      answer(target(target).withRequestBody(containing("\"NextPageToken\":\"p2\"")), savingsPlans("0.5", null));

      List<SavingsPlansRecommendation> all = Costs.using(ctx).recommendations()
          .savingsPlans(SavingsPlansRecommendationQuery.compute()).toList();

      assertThat(all).extracting(r -> r.hourlyCommitment().value().toPlainString()).containsExactly("1.25", "0.5");
      assertThat(all.get(0).estimatedSavingsPercent()).isEqualByComparingTo("21.5");
      assertThat(bodies(target).get(0)).contains("\"SavingsPlansType\":\"COMPUTE_SP\"", "\"TermInYears\":\"ONE_YEAR\"");
    }

    @Test
    void aDryRunSendsNothing() {
      assertThat(Costs.using(ctx.withDryRun(true)).recommendations()
          .reservations(ReservationRecommendationQuery.forService("EC2-Instance")).toList()).isEmpty();
      assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void theBudgetRefusesThePageBeyondIt() {
      String target = "AWSInsightsIndexService.GetReservationPurchaseRecommendation";
      answer(target(target).withRequestBody(notContaining("NextPageToken")), reservations("m5.large", "3", "p2"));
      Costs costs = Costs.using(ctx, CostOptions.builder().requestBudget(1).build());

      assertThatThrownBy(() -> costs.recommendations()
          .reservations(ReservationRecommendationQuery.forService("EC2-Instance")).toList())
          .isInstanceOf(RequestBudgetExceededException.class)
          .hasMessageStartingWith("Refused ce:GetReservationPurchaseRecommendation: the Cost Explorer request budget of"
              + " 1 request(s) (USD 0.01) for this run is used up; nothing was sent.");
      assertThat(bodies(target)).hasSize(1);
    }

    private static String reservations(String type, String count, String next) {
      return "{\"Metadata\":{\"RecommendationId\":\"r\"},\"Recommendations\":[{\"AccountScope\":\"PAYER\","
          + "\"LookbackPeriodInDays\":\"THIRTY_DAYS\",\"TermInYears\":\"ONE_YEAR\",\"PaymentOption\":\"PARTIAL_UPFRONT\","
          + "\"RecommendationDetails\":[{\"AccountId\":\"123456789012\",\"InstanceDetails\":{\"EC2InstanceDetails\":{"
          + "\"InstanceType\":\"" + type + "\",\"Region\":\"us-east-1\",\"Platform\":\"Linux/UNIX\"}},"
          + "\"RecommendedNumberOfInstancesToPurchase\":\"" + count + "\",\"EstimatedBreakEvenInMonths\":\"7.5\","
          + "\"CurrencyCode\":\"USD\",\"EstimatedMonthlySavingsAmount\":\"55.1234\",\"UpfrontCost\":\"300\","
          + "\"RecurringStandardMonthlyCost\":\"20.44\"}]}]" + (next == null ? "" : ",\"NextPageToken\":\"" + next + "\"")
          + "}";
    }

    private static String savingsPlans(String commitment, String next) {
      return "{\"Metadata\":{\"RecommendationId\":\"r\"},\"SavingsPlansPurchaseRecommendation\":{\"AccountScope\":\"PAYER\","
          + "\"SavingsPlansType\":\"COMPUTE_SP\",\"TermInYears\":\"ONE_YEAR\",\"PaymentOption\":\"NO_UPFRONT\","
          + "\"SavingsPlansPurchaseRecommendationDetails\":[{\"AccountId\":\"123456789012\",\"SavingsPlansDetails\":{"
          + "\"Region\":\"\",\"InstanceFamily\":\"\",\"OfferingId\":\"o-1\"},\"UpfrontCost\":\"0\",\"CurrencyCode\":\"USD\","
          + "\"HourlyCommitmentToPurchase\":\"" + commitment + "\",\"EstimatedMonthlySavingsAmount\":\"200.5\","
          + "\"EstimatedSavingsPercentage\":\"21.5\"}]}" + (next == null ? "" : ",\"NextPageToken\":\"" + next + "\"") + "}";
    }
  }

  @Nested
  class Hub {
    @Test
    void listRecommendationsReadsEveryPage() {
      String target = "CostOptimizationHubService.ListRecommendations";
      answer(target(target).withRequestBody(notContaining("nextToken")), hub("rec-1", "Rightsize", 40.5, "t2"));
      answer(target(target).withRequestBody(containing("\"nextToken\":\"t2\"")), hub("rec-2", "Stop", 12.25, null));

      List<HubRecommendation> all = Costs.using(ctx).recommendations().hub("Rightsize", "Stop").toList();

      assertThat(all).extracting(HubRecommendation::recommendationId).containsExactly("rec-1", "rec-2");
      assertThat(all.get(0).estimatedMonthlySavings()).isEqualTo(Amount.usd(new BigDecimal("40.5")));
      assertThat(bodies(target).get(0)).contains("\"actionTypes\":[\"Rightsize\",\"Stop\"]");
    }

    @Test
    void anUnknownActionTypeIsRefused() {
      assertThatThrownBy(() -> Costs.using(ctx).recommendations().hub("Shrink"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid actionTypes: 'Shrink'. Allowed: ")
          .hasMessageContaining("Rightsize");
    }

    private static String hub(String id, String action, double savings, String next) {
      return "{\"items\":[{\"recommendationId\":\"" + id + "\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\","
          + "\"resourceId\":\"i-1\",\"resourceArn\":\"arn:aws:ec2:us-east-1:123456789012:instance/i-1\","
          + "\"currentResourceType\":\"Ec2Instance\",\"recommendedResourceType\":\"Ec2Instance\","
          + "\"estimatedMonthlySavings\":" + savings + ",\"estimatedSavingsPercentage\":30.0,\"currencyCode\":\"USD\","
          + "\"implementationEffort\":\"VeryLow\",\"restartNeeded\":true,\"actionType\":\"" + action + "\","
          + "\"rollbackPossible\":true}]" + (next == null ? "" : ",\"nextToken\":\"" + next + "\"") + "}";
    }
  }

  @Nested
  class Forecasts {
    private static final String TARGET = "AWSInsightsIndexService.GetCostForecast";

    @Test
    void aCostForecastHasItsPredictionInterval() {
      answer(target(TARGET), "{\"Total\":{\"Amount\":\"1234.5678\",\"Unit\":\"USD\"},\"ForecastResultsByTime\":[{"
          + "\"TimePeriod\":{\"Start\":\"2026-12-10\",\"End\":\"2027-01-01\"},\"MeanValue\":\"1234.5678\","
          + "\"PredictionIntervalLowerBound\":\"1100.1\",\"PredictionIntervalUpperBound\":\"1350.9\"}]}");

      Forecast f = Costs.using(ctx).forecasts().cost(ForecastQuery.of(TimePeriod.parse("2026-12-10", "2027-01-01"),
          Granularity.MONTHLY, CostMetric.UNBLENDED_COST));

      assertThat(f.total()).isEqualTo(Amount.usd(new BigDecimal("1234.5678")));
      assertThat(f.points()).singleElement().satisfies(p -> {
        assertThat(p.lower()).isEqualTo(Amount.usd(new BigDecimal("1100.1")));
        assertThat(p.upper()).isEqualTo(Amount.usd(new BigDecimal("1350.9")));
      });
      assertThat(bodies(TARGET).get(0)).contains("\"Metric\":\"UNBLENDED_COST\"", "\"PredictionIntervalLevel\":80");
    }

    @Test
    void theGuidesUsageForecastWindowIsHistoryAndWindowsAreCheckedBeforeAnyCall() {
      assertThatThrownBy(() -> Costs.using(ctx).forecasts().usage(ForecastQuery.of(
          TimePeriod.parse("2024-01-01", "2024-02-01"), Granularity.MONTHLY, CostMetric.USAGE_QUANTITY)))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid timePeriod.start: '2024-01-01'. Allowed: MONTHLY forecasts from today 2026-12-10"
              + " (inclusive) to 2028-06-10 (exclusive): 18 months ahead; today is 2026-12-10 by the context clock");
      assertThatThrownBy(() -> Costs.using(ctx).forecasts().cost(ForecastQuery.of(
          TimePeriod.parse("2026-12-10", "2027-03-11"), Granularity.DAILY, CostMetric.UNBLENDED_COST)))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid timePeriod.end: '2027-03-11'. Allowed: DAILY forecasts from today 2026-12-10"
              + " (inclusive) to 2027-03-10 (exclusive): 3 months ahead");
      assertThatThrownBy(() -> Costs.using(ctx).forecasts().cost(ForecastQuery.of(
          TimePeriod.parse("2026-12-10", "2027-01-01"), Granularity.MONTHLY, CostMetric.USAGE_QUANTITY)))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid metric: 'UsageQuantity'. Allowed: a cost metric for a cost forecast");
      assertThat(server.getAllServeEvents()).isEmpty();
    }
  }

  @Nested
  class Report {
    @Test
    void theReportExcludesCreditsAndRefundsComparesForecastsAndCountsItsRequests() {
      answer(target("AWSInsightsIndexService.GetCostAndUsage").withRequestBody(containing("\"GroupBy\":[{")),
          "{\"ResultsByTime\":[" + day("2026-12-01", "10", "5") + "," + day("2026-12-02", "30", "5") + "]}");
      answer(target("AWSInsightsIndexService.GetCostAndUsage").withRequestBody(notContaining("\"GroupBy\":[{")),
          "{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-29\",\"End\":\"2026-11-30\"},"
              + "\"Total\":{\"UnblendedCost\":{\"Amount\":\"40\",\"Unit\":\"USD\"}},\"Groups\":[],\"Estimated\":false}]}");
      answer(target("AWSInsightsIndexService.GetCostForecast"), "{\"Total\":{\"Amount\":\"600\",\"Unit\":\"USD\"},"
          + "\"ForecastResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-12-10\",\"End\":\"2027-01-01\"},"
          + "\"MeanValue\":\"600\",\"PredictionIntervalLowerBound\":\"550\",\"PredictionIntervalUpperBound\":\"650\"}]}");

      CostReport report = Costs.using(ctx).report(ReportSpec.of(TimePeriod.parse("2026-12-01", "2026-12-03")).build());

      assertThat(report.total()).isEqualTo(Amount.usd(new BigDecimal("50")));
      assertThat(report.periodChange().orElseThrow().delta()).isEqualByComparingTo("10");
      assertThat(report.forecast().orElseThrow().mean()).isEqualTo(Amount.usd(new BigDecimal("600")));
      assertThat(report.flaggedDays()).singleElement().satisfies(d -> assertThat(d.delta()).isEqualByComparingTo("20"));
      assertThat(report.requests()).isEqualTo(3);
      assertThat(report.requestCost()).isEqualTo(Amount.usd(new BigDecimal("0.03")));
      String noCredits = "\"Filter\":{\"Not\":{\"Dimensions\":{\"Key\":\"RECORD_TYPE\",\"Values\":[\"Credit\",\"Refund\"]}}}";
      assertThat(bodies("AWSInsightsIndexService.GetCostAndUsage")).hasSize(2)
          .allSatisfy(b -> assertThat(b).contains(noCredits));
      assertThat(bodies("AWSInsightsIndexService.GetCostForecast")).singleElement()
          .satisfies(b -> assertThat(b).contains(noCredits, "\"Start\":\"2026-12-10\",\"End\":\"2027-01-01\""));
    }

    @Test
    void aDryRunReportSendsNothingAndSaysHowManyRequestsAtLeast() {
      CostReport report = Costs.using(ctx.withDryRun(true))
          .report(ReportSpec.of(TimePeriod.parse("2026-12-01", "2026-12-03")).build());

      assertThat(report.dryRun()).isTrue();
      assertThat(report.requestsAtLeast()).isEqualTo(3);
      assertThat(report.text()).contains("Dry run: nothing was sent; the report would make at least 3 Cost Explorer"
          + " request(s) (at least USD 0.03).");
      assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static String day(String start, String ec2, String s3) {
      String end = java.time.LocalDate.parse(start).plusDays(1).toString();
      return "{\"TimePeriod\":{\"Start\":\"" + start + "\",\"End\":\"" + end + "\"},\"Total\":{},\"Groups\":["
          + "{\"Keys\":[\"Amazon Elastic Compute Cloud - Compute\"],\"Metrics\":{\"UnblendedCost\":{\"Amount\":\"" + ec2
          + "\",\"Unit\":\"USD\"}}},{\"Keys\":[\"Amazon Simple Storage Service\"],\"Metrics\":{\"UnblendedCost\":"
          + "{\"Amount\":\"" + s3 + "\",\"Unit\":\"USD\"}}}],\"Estimated\":true}";
    }
  }
}
