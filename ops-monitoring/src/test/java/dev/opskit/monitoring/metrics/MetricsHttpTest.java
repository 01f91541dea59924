package dev.opskit.monitoring.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RetryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * GetMetricData and GetMetricStatistics at the HTTP level (the SDK's CloudWatch client speaks the AWS query
 * protocol: form-encoded requests, XML answers as in the API reference), counting requests.
 */
class MetricsHttpTest {
  static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final TimeRange LAST_DAY = TimeRange.last(Duration.ofDays(1), NOW);

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private OpsContext ctx;
  private Metrics metrics;

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(1))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
    metrics = Metrics.using(ctx);
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  static List<SeriesQuery> latencyQueries(int n) {
    return IntStream.range(0, n).mapToObj(i -> SeriesQuery.metric("OpsKit/Test", "Latency", Stat.AVERAGE,
        Duration.ofHours(1), Map.of("Shard", "s" + i))).toList();
  }

  /** The ids a GetMetricData request carries, in order. */
  static List<String> ids(String body) {
    Matcher m = Pattern.compile("MetricDataQueries\\.member\\.\\d+\\.Id=([^&]+)").matcher(body);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static String result(String id, String timestamp, double value, String status, String message) {
    return "<member><Id>" + id + "</Id><Label>Latency</Label>"
        + "<Timestamps><member>" + timestamp + "</member></Timestamps>"
        + "<Values><member>" + value + "</member></Values>"
        + "<StatusCode>" + status + "</StatusCode>"
        + (message == null ? "<Messages/>" : "<Messages><member><Code>MaxQueryTimeRangeExceed</Code><Value>" + message
            + "</Value></member></Messages>")
        + "</member>";
  }

  static String getMetricData(List<String> results, String nextToken) {
    return "<GetMetricDataResponse xmlns=\"" + NS + "\"><GetMetricDataResult><MetricDataResults>"
        + String.join("", results) + "</MetricDataResults>"
        + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
        + "<Messages/></GetMetricDataResult>"
        + "<ResponseMetadata><RequestId>5a1b0000-0000-4000-8000-000000000001</RequestId></ResponseMetadata>"
        + "</GetMetricDataResponse>";
  }

  private void answerPage(String firstId, boolean followUp, String body) {
    server.stubFor(post(urlEqualTo("/"))
        .withRequestBody(containing("Action=GetMetricData"))
        .withRequestBody(containing("MetricDataQueries.member.1.Id=" + firstId + "&"))
        .withRequestBody(followUp ? containing("NextToken=") : notContaining("NextToken="))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
  }

  private List<String> requests(String action) {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action))).stream()
        .map(LoggedRequest::getBodyAsString).map(b -> URLDecoder.decode(b, StandardCharsets.UTF_8)).toList();
  }

  @Nested
  class Batching {
    @Test
    void twelveHundredQueriesTakeExactlyThreeCallsOfAtMost500() {
      for (int first : List.of(0, 500, 1000)) {
        List<String> results = IntStream.range(first, Math.min(first + 500, 1200))
            .mapToObj(i -> result("m" + i, "2026-11-26T11:00:00Z", i, "Complete", null)).toList();
        answerPage("m" + first, false, getMetricData(results, null));
      }

      List<MetricSeries> series = metrics.data(latencyQueries(1200), LAST_DAY);

      List<String> calls = requests("GetMetricData");
      assertThat(calls).hasSize(3);
      assertThat(calls).extracting(b -> ids(b).size()).containsExactly(500, 500, 200);
      assertThat(calls.stream().flatMap(b -> ids(b).stream()).distinct().count()).isEqualTo(1200);
      assertThat(series).hasSize(1200);
      assertThat(series.get(1199).id()).isEqualTo("m1199");
      assertThat(series.get(1199).values()).containsExactly(1199.0);
      assertThat(series).allMatch(MetricSeries::isComplete);
    }

    @Test
    void everyNextTokenPageIsMergedIntoItsSeries() {
      for (int first : List.of(0, 500, 1000)) {
        List<Integer> ids = IntStream.range(first, Math.min(first + 500, 1200)).boxed().toList();
        answerPage("m" + first, false, getMetricData(ids.stream()
            .map(i -> result("m" + i, "2026-11-26T10:00:00Z", 1, "PartialData", null)).toList(), "page-2-of-" + first));
        answerPage("m" + first, true, getMetricData(ids.stream()
            .map(i -> result("m" + i, "2026-11-26T11:00:00Z", 2, "Complete", null)).toList(), null));
      }

      List<MetricSeries> series = metrics.data(latencyQueries(1200), LAST_DAY);

      List<String> calls = requests("GetMetricData");
      assertThat(calls.stream().filter(b -> !b.contains("NextToken=")).count()).isEqualTo(3);
      assertThat(calls.stream().filter(b -> b.contains("NextToken=page-2-of-")).count()).isEqualTo(3);
      assertThat(calls).hasSize(6);
      assertThat(series).hasSize(1200).allSatisfy(s -> {
        assertThat(s.points()).extracting(Datapoint::timestamp)
            .containsExactly(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(s.values()).containsExactly(1.0, 2.0);
        assertThat(s.status()).isEqualTo(SeriesStatus.COMPLETE);
      });
    }

    @Test
    void partialDataForbiddenAndMissingResultsAreSurfacedOnTheirSeries() {
      answerPage("m0", false, getMetricData(List.of(
          result("m0", "2026-11-26T11:00:00Z", 5, "PartialData", "The query time range exceeds the retention"),
          result("m1", "2026-11-26T11:00:00Z", 6, "Forbidden", null)), null));

      List<MetricSeries> series = metrics.data(latencyQueries(3), LAST_DAY);

      assertThat(series).extracting(MetricSeries::status)
          .containsExactly(SeriesStatus.PARTIAL_DATA, SeriesStatus.FORBIDDEN, SeriesStatus.of("Unknown"));
      assertThat(series.get(0).messages())
          .containsExactly("MaxQueryTimeRangeExceed: The query time range exceeds the retention");
      assertThat(series.get(0).isComplete()).isFalse();
      assertThat(series.get(2).messages()).containsExactly("GetMetricData returned no result for this query");
    }

    @Test
    void metricMathIsSentAsAnExpressionWithItsInputsInTheSameCall() {
      answerPage("errors", false, getMetricData(List.of(
          result("rate", "2026-11-26T11:00:00Z", 2.5, "Complete", null)), null));
      SeriesQuery errors = GuideMetrics.lambda("api-handler", "Errors", Stat.SUM, Duration.ofMinutes(5))
          .withId("errors").withReturnData(false);
      SeriesQuery calls = GuideMetrics.lambda("api-handler", "Invocations", Stat.SUM, Duration.ofMinutes(5))
          .withId("calls").withReturnData(false);
      SeriesQuery rate = SeriesQuery.expression("rate", "100 * errors / calls", Duration.ofMinutes(5));

      List<MetricSeries> series = metrics.data(List.of(errors, calls, rate), TimeRange.last(Duration.ofHours(1), NOW));

      assertThat(series).extracting(MetricSeries::id).containsExactly("rate");
      assertThat(series.get(0).values()).containsExactly(2.5);
      String body = requests("GetMetricData").get(0);
      assertThat(body).contains("MetricDataQueries.member.3.Expression=100 * errors / calls")
          .contains("MetricDataQueries.member.1.ReturnData=false")
          .contains("MetricDataQueries.member.1.MetricStat.Metric.MetricName=Errors")
          .contains("ScanBy=TimestampAscending");
    }
  }

  @Nested
  class GuideStatistics {
    private void answerStatistics(String metric, String datapoints) {
      server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricStatistics"))
          .withRequestBody(containing("MetricName=" + metric))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
              "<GetMetricStatisticsResponse xmlns=\"" + NS + "\"><GetMetricStatisticsResult><Label>" + metric
                  + "</Label><Datapoints>" + datapoints + "</Datapoints></GetMetricStatisticsResult>"
                  + "<ResponseMetadata><RequestId>5a1b0000-0000-4000-8000-000000000002</RequestId></ResponseMetadata>"
                  + "</GetMetricStatisticsResponse>")));
    }

    @Test
    void lambdaDurationOfApiHandlerIsOneLineAndComesBackInTimeOrderWithItsUnit() {
      answerStatistics("Duration",
          "<member><Timestamp>2026-11-26T11:00:00Z</Timestamp><Average>180.5</Average><Unit>Milliseconds</Unit></member>"
              + "<member><Timestamp>2026-11-26T10:00:00Z</Timestamp><Average>120.0</Average><Unit>Milliseconds</Unit></member>");

      MetricSeries duration = metrics.statistics(GuideMetrics.lambdaDuration("api-handler"), LAST_DAY);

      assertThat(duration.values()).containsExactly(120.0, 180.5);
      assertThat(duration.unit()).isEqualTo("Milliseconds");
      assertThat(duration.label()).isEqualTo("Duration");
      assertThat(requests("GetMetricStatistics").get(0)).contains("Namespace=AWS/Lambda")
          .contains("Dimensions.member.1.Name=FunctionName").contains("Dimensions.member.1.Value=api-handler")
          .contains("Period=3600").contains("Statistics.member.1=Average")
          .contains("StartTime=2026-11-25T12:00:00Z").contains("EndTime=2026-11-26T12:00:00Z");
    }

    @Test
    void dynamoDbConsumedReadsAndRdsCpuAreOneLineEach() {
      answerStatistics("ConsumedReadCapacityUnits",
          "<member><Timestamp>2026-11-26T11:55:00Z</Timestamp><Sum>1500</Sum><Unit>Count</Unit></member>");
      answerStatistics("CPUUtilization",
          "<member><Timestamp>2026-11-26T11:55:00Z</Timestamp><Average>42.0</Average><Unit>Percent</Unit></member>");
      TimeRange hour = TimeRange.last(Duration.ofHours(1), NOW);

      MetricSeries reads = metrics.statistics(GuideMetrics.dynamoDbConsumedReads("user-sessions"), hour);
      MetricSeries cpu = metrics.statistics(GuideMetrics.rdsCpu("prod-database"), hour);

      assertThat(reads.values()).containsExactly(1500.0);
      assertThat(reads.unit()).isEqualTo("Count");
      assertThat(cpu.values()).containsExactly(42.0);
      assertThat(requests("GetMetricStatistics")).anySatisfy(b -> assertThat(b)
          .contains("Dimensions.member.1.Value=user-sessions").contains("Statistics.member.1=Sum"));
      assertThat(requests("GetMetricStatistics")).anySatisfy(b -> assertThat(b)
          .contains("Dimensions.member.1.Name=DBInstanceIdentifier").contains("Dimensions.member.1.Value=prod-database"));
    }

    @Test
    void aPercentileIsSentAsAnExtendedStatistic() {
      answerStatistics("Duration",
          "<member><Timestamp>2026-11-26T11:00:00Z</Timestamp><ExtendedStatistics><entry><key>p99</key>"
              + "<value>950.0</value></entry></ExtendedStatistics><Unit>Milliseconds</Unit></member>");
      SeriesQuery p99 = GuideMetrics.lambda("api-handler", "Duration", Stat.percentile(99), Duration.ofHours(1));

      MetricSeries series = metrics.statistics(p99, LAST_DAY);

      assertThat(series.values()).containsExactly(950.0);
      assertThat(requests("GetMetricStatistics").get(0)).contains("ExtendedStatistics.member.1=p99")
          .doesNotContain("&Statistics.member.1=");
    }
  }

  static String joined(List<String> parts) {
    return parts.stream().collect(Collectors.joining());
  }
}
