package dev.opskit.monitoring.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ThrottledException;
import dev.opskit.monitoring.TestTime;
import dev.opskit.monitoring.metrics.TimeRange;
import dev.opskit.monitoring.logs.internal.QuerySlots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Logs Insights at the HTTP level: CloudWatch Logs speaks AWS JSON 1.1 ({@code X-Amz-Target: Logs_20140328.X}),
 * answered with the shapes of the API reference (StartQuery {@code queryId}; GetQueryResults {@code status},
 * {@code results} as lists of {@code field}/{@code value}, {@code statistics}), which moto does not produce for
 * real queries: statuses, the 10,000-row limit, LimitExceededException and StopQuery.
 */
class InsightsHttpTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final String JSON = "application/x-amz-json-1.1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The synthetic log: the event times (epoch seconds) StartQuery windows are answered from. */
  private static volatile LongUnaryOperator eventAt = i -> i;
  private static volatile long events = 0;

  private final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(new WindowedLog()));
  private final TestTime time = new TestTime(NOW);
  private OpsContext ctx;

  @BeforeEach
  void start() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(1))
        .clock(time).sleeper(time.sleeper())
        .defaultWaitTimeout(Duration.ofMinutes(10))
        .build();
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  private InsightsRunner runner(InsightsSettings settings) {
    return Logs.using(ctx).insights(settings);
  }

  private static InsightsQuery query(Instant start, Instant end) {
    return InsightsQuery.of("fields @timestamp, @message | sort @timestamp desc", TimeRange.of(start, end),
        "/aws/ecs/api-service");
  }

  private void answer(String action, String scenarioState, String nextState, int status, String body) {
    var response = aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
    var mapping = post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + action));
    if (scenarioState == null) {
      server.stubFor(mapping.willReturn(response));
      return;
    }
    var scenario = mapping.inScenario(action).whenScenarioStateIs(scenarioState);
    server.stubFor((nextState == null ? scenario : scenario.willSetStateTo(nextState)).willReturn(response));
  }

  private List<LoggedRequest> requests(String action) {
    return server.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("Logs_20140328." + action)));
  }

  private static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Nested
  class TerminalStates {
    @ParameterizedTest
    @CsvSource({"Complete,Complete", "Failed,Failed", "Cancelled,Cancelled", "Timeout,TimedOut", "Unknown,Unknown",
        "SomethingNew,Unknown"})
    void eachTerminalStateMapsToItsTypedOutcome(String status, String outcome) {
      answer("StartQuery", null, null, 200, "{\"queryId\":\"q-1\"}");
      answer("GetQueryResults", Scenario.STARTED, "running", 200, "{\"status\":\"Scheduled\",\"results\":[]}");
      answer("GetQueryResults", "running", "done", 200, "{\"status\":\"Running\",\"results\":[]}");
      answer("GetQueryResults", "done", null, 200, "{\"status\":\"" + status + "\",\"results\":[[{\"field\":"
          + "\"@timestamp\",\"value\":\"2026-11-26 11:58:00.123\"},{\"field\":\"@message\",\"value\":\"ERROR boom\"},"
          + "{\"field\":\"@ptr\",\"value\":\"CmAKJwoj\"}]],\"statistics\":{\"recordsMatched\":1.0,"
          + "\"recordsScanned\":40.0,\"bytesScanned\":5120.0}}");

      QueryOutcome result = runner(InsightsSettings.DEFAULTS).run(query(NOW.minusSeconds(3600), NOW));

      assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
      assertThat(result.queryIds()).containsExactly("q-1");
      assertThat(requests("GetQueryResults")).hasSize(3);
      assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1500));
      if (result instanceof QueryOutcome.Complete c) {
        assertThat(c.rows()).hasSize(1);
        InsightsRow row = c.rows().get(0);
        assertThat(row.timestamp()).contains(Instant.parse("2026-11-26T11:58:00.123Z"));
        assertThat(row.text("@message")).contains("ERROR boom");
        assertThat(row.fields()).doesNotContainKey("@ptr");
        assertThat(c.statistics()).isEqualTo(new QueryStatistics(1, 40, 5120));
      } else {
        assertThatThrownBy(result::rowsOrThrow)
            .isInstanceOfAny(ResourceStateException.class, OperationTimeoutException.class);
      }
      if (result instanceof QueryOutcome.TimedOut t) {
        assertThat(t.byAws()).isTrue();
        assertThat(requests("StopQuery")).isEmpty();
      }
    }

    @Test
    void startQueryCarriesTheGroupsRangeAndText() {
      answer("StartQuery", null, null, 200, "{\"queryId\":\"q-1\"}");
      answer("GetQueryResults", null, null, 200, "{\"status\":\"Complete\",\"results\":[]}");

      runner(InsightsSettings.DEFAULTS).run(InsightsQuery.of("fields @message", TimeRange.of(
          Instant.parse("2026-11-26T11:00:00Z"), Instant.parse("2026-11-26T12:00:00Z")),
          "/aws/ecs/api-service", "/aws/lambda/data-processor"));

      JsonNode body = json(requests("StartQuery").get(0).getBodyAsString());
      assertThat(body.get("logGroupNames").toString()).isEqualTo("[\"/aws/ecs/api-service\",\"/aws/lambda/data-processor\"]");
      assertThat(body.get("startTime").asLong()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z").getEpochSecond());
      assertThat(body.get("endTime").asLong()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z").getEpochSecond());
      assertThat(body.get("queryString").asText()).isEqualTo("fields @message");
    }

    @Test
    void theGuideQueriesReturnTypedRows() {
      answer("StartQuery", null, null, 200, "{\"queryId\":\"q-1\"}");
      answer("GetQueryResults", null, null, 200, "{\"status\":\"Complete\",\"results\":["
          + "[{\"field\":\"bin(5m)\",\"value\":\"2026-11-26 11:50:00.000\"},{\"field\":\"count()\",\"value\":\"12\"}],"
          + "[{\"field\":\"bin(5m)\",\"value\":\"2026-11-26 11:55:00.000\"},{\"field\":\"count()\",\"value\":\"3\"}]]}");

      List<GuideQueries.CountPerBin> rows = runner(InsightsSettings.DEFAULTS).run(GuideQueries.ERROR_PATTERNS,
          TimeRange.last(Duration.ofHours(1), NOW), "/aws/ecs/api-service");

      assertThat(rows).containsExactly(
          new GuideQueries.CountPerBin(Instant.parse("2026-11-26T11:50:00Z"), 12),
          new GuideQueries.CountPerBin(Instant.parse("2026-11-26T11:55:00Z"), 3));
      assertThat(json(requests("StartQuery").get(0).getBodyAsString()).get("queryString").asText())
          .isEqualTo("fields @timestamp, @message\n| filter @message like /ERROR/\n| stats count() by bin(5m)");
    }

    @Test
    void responseTimesAreTypedToo() {
      answer("StartQuery", null, null, 200, "{\"queryId\":\"q-1\"}");
      answer("GetQueryResults", null, null, 200, "{\"status\":\"Complete\",\"results\":["
          + "[{\"field\":\"bin(5m)\",\"value\":\"2026-11-26 11:55:00.000\"},{\"field\":\"avg(@duration)\",\"value\":"
          + "\"120.5\"},{\"field\":\"max(@duration)\",\"value\":\"900\"},{\"field\":\"min(@duration)\",\"value\":\"2.25\"}]]}");

      List<GuideQueries.ResponseTimes> rows = runner(InsightsSettings.DEFAULTS).run(GuideQueries.API_RESPONSE_TIMES,
          TimeRange.last(Duration.ofHours(1), NOW), "/aws/lambda/data-processor");

      assertThat(rows).containsExactly(
          new GuideQueries.ResponseTimes(Instant.parse("2026-11-26T11:55:00Z"), 120.5, 900, 2.25));
    }
  }

  @Nested
  class Splitting {
    @Test
    void a25000RowResultIsFetchedCompletelyBySplittingTheRange() {
      long from = NOW.minusSeconds(25_000).getEpochSecond();
      eventAt = i -> from + i;
      events = 25_000;
      server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(WindowedLog.NAME)));

      QueryOutcome result = runner(InsightsSettings.DEFAULTS).run(query(Instant.ofEpochSecond(from), NOW));

      assertThat(result).isInstanceOf(QueryOutcome.Complete.class);
      QueryOutcome.Complete complete = (QueryOutcome.Complete) result;
      assertThat(complete.rows()).hasSize(25_000);
      Set<String> messages = new HashSet<>();
      complete.rows().forEach(r -> messages.add(r.text("@message").orElseThrow()));
      assertThat(messages).hasSize(25_000);
      // the whole range and both halves hit the limit; the four quarters (6,250 rows each) did not
      assertThat(complete.windows()).isEqualTo(4);
      assertThat(requests("StartQuery")).hasSize(7);
      assertThat(complete.queryIds()).hasSize(7);
      assertThat(complete.rows().get(0).timestamp()).contains(Instant.ofEpochSecond(from));
    }

    @Test
    void aSingleSecondOverTheLimitIsRefusedClearly() {
      long second = NOW.minusSeconds(10).getEpochSecond();
      eventAt = i -> second;
      events = 10_001;
      server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(WindowedLog.NAME)));

      assertThatThrownBy(() -> runner(InsightsSettings.DEFAULTS).run(query(NOW.minusSeconds(60), NOW)))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("the second " + Instant.ofEpochSecond(second) + " alone holds 10000 or more matching"
              + " rows, the most one Logs Insights result returns, so not every row can be fetched");
    }

    @Test
    void withSplittingOffTheFirstWindowIsReturnedAsIs() {
      long from = NOW.minusSeconds(25_000).getEpochSecond();
      eventAt = i -> from + i;
      events = 25_000;
      server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(WindowedLog.NAME)));

      QueryOutcome result = runner(InsightsSettings.DEFAULTS.withSplitOnRowLimit(false))
          .run(query(Instant.ofEpochSecond(from), NOW));

      assertThat(result.rowsOrThrow()).hasSize(10_000);
      assertThat(requests("StartQuery")).hasSize(1);
    }
  }

  @Nested
  class BackPressure {
    private static final String LIMIT_EXCEEDED =
        "{\"__type\":\"LimitExceededException\",\"message\":\"Account maximum query concurrency limit of [30] reached.\"}";

    @Test
    void limitExceededBacksOffAndSucceeds() {
      answer("StartQuery", Scenario.STARTED, "second", 400, LIMIT_EXCEEDED);
      answer("StartQuery", "second", "third", 400, LIMIT_EXCEEDED);
      answer("StartQuery", "third", null, 200, "{\"queryId\":\"q-3\"}");
      answer("GetQueryResults", null, null, 200, "{\"status\":\"Complete\",\"results\":[]}");

      QueryOutcome result = runner(InsightsSettings.DEFAULTS).run(query(NOW.minusSeconds(3600), NOW));

      assertThat(result).isInstanceOf(QueryOutcome.Complete.class);
      assertThat(result.queryIds()).containsExactly("q-3");
      assertThat(requests("StartQuery")).hasSize(3);
      assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void limitExceededUntilTheTimeoutIsAThrottledException() {
      answer("StartQuery", null, null, 400, LIMIT_EXCEEDED);

      assertThatThrownBy(() -> runner(InsightsSettings.DEFAULTS.withTimeout(Duration.ofSeconds(20)))
          .run(query(NOW.minusSeconds(3600), NOW)))
          .isInstanceOf(ThrottledException.class)
          .hasMessageContaining("Logs Insights answered LimitExceededException (too many concurrent queries in the"
              + " account) 5 times; no query could start within the timeout PT20S");
      // 1 + 2 + 4 + 8 = 15 s of pauses; the next pause (16 s) would pass the 20 s timeout
      assertThat(requests("StartQuery")).hasSize(5);
      assertThat(time.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
          Duration.ofSeconds(8));
    }

    @Test
    void noFreeSlotOfTheContextWithinTheTimeoutIsATimedOutOutcome() throws InterruptedException {
      InsightsRunner runner = runner(InsightsSettings.DEFAULTS.withMaxConcurrentQueries(1)
          .withTimeout(Duration.ofSeconds(1)));
      QuerySlots slots = QuerySlots.of(ctx, 1);
      assertThat(slots.acquire(Duration.ofSeconds(1))).isTrue();
      try {
        // the test clock does not move while waiting for a slot, so the wait is the real second of the timeout
        QueryOutcome result = runner.run(query(NOW.minusSeconds(3600), NOW));
        assertThat(result).isInstanceOf(QueryOutcome.TimedOut.class);
        assertThat(((QueryOutcome.TimedOut) result).reason()).contains("no Logs Insights query slot of this context"
            + " came free within the timeout PT1S (1 queries at once)");
        assertThat(requests("StartQuery")).isEmpty();
      } finally {
        slots.release();
      }
    }
  }

  @Nested
  class Stopping {
    @Test
    void aTimeoutCallsStopQuery() {
      answer("StartQuery", null, null, 200, "{\"queryId\":\"q-slow\"}");
      answer("GetQueryResults", null, null, 200, "{\"status\":\"Running\",\"results\":[]}");
      answer("StopQuery", null, null, 200, "{\"success\":true}");

      QueryOutcome result = runner(InsightsSettings.DEFAULTS.withTimeout(Duration.ofSeconds(30)))
          .run(query(NOW.minusSeconds(3600), NOW));

      assertThat(result).isInstanceOf(QueryOutcome.TimedOut.class);
      QueryOutcome.TimedOut timedOut = (QueryOutcome.TimedOut) result;
      assertThat(timedOut.byAws()).isFalse();
      assertThat(timedOut.reason()).isEqualTo("the Logs Insights query did not finish within the timeout PT30S;"
          + " StopQuery sent");
      List<LoggedRequest> stops = requests("StopQuery");
      assertThat(stops).hasSize(1);
      assertThat(json(stops.get(0).getBodyAsString()).get("queryId").asText()).isEqualTo("q-slow");
    }

    @Test
    void anInterruptedWaitStopsTheQueryAndPropagates() {
      answer("StartQuery", null, null, 200, "{\"queryId\":\"q-cancel\"}");
      answer("GetQueryResults", null, null, 200, "{\"status\":\"Running\",\"results\":[]}");
      answer("StopQuery", null, null, 200, "{\"success\":true}");
      OpsContext cancelling = ctx.toString().isEmpty() ? ctx : OpsContext.builder().region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
          .endpointOverride(URI.create(server.baseUrl()))
          .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(1))
          .clock(time)
          .sleeper(d -> {
            throw new OperationTimeoutException("interrupted while waiting", null, null, null);
          })
          .build();
      try {
        assertThatThrownBy(() -> Logs.using(cancelling).insights().run(query(NOW.minusSeconds(3600), NOW)))
            .isInstanceOf(OperationTimeoutException.class).hasMessageContaining("interrupted while waiting");
        List<LoggedRequest> stops = requests("StopQuery");
        assertThat(stops).hasSize(1);
        assertThat(json(stops.get(0).getBodyAsString()).get("queryId").asText()).isEqualTo("q-cancel");
      } finally {
        cancelling.close();
      }
    }
  }

  /**
   * Answers StartQuery with a query id naming its window and GetQueryResults with the events of that window, at
   * most 10,000 rows (what GetQueryResults returns with this SDK), as AWS would.
   */
  static final class WindowedLog implements ResponseDefinitionTransformerV2 {
    static final String NAME = "windowed-log";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String target = event.getRequest().getHeader("X-Amz-Target");
      JsonNode body = json(event.getRequest().getBodyAsString());
      String out;
      if (target.endsWith(".StartQuery")) {
        out = "{\"queryId\":\"w-" + body.get("startTime").asLong() + "-" + body.get("endTime").asLong() + "\"}";
      } else if (target.endsWith(".GetQueryResults")) {
        String id = body.get("queryId").asText();
        long from = Long.parseLong(id.substring(2, id.lastIndexOf('-')));
        long to = Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        StringBuilder rows = new StringBuilder();
        int n = 0;
        long matched = 0;
        for (long i = 0; i < events; i++) {
          long at = eventAt.applyAsLong(i);
          if (at < from || at > to) {
            continue;
          }
          matched++;
          if (n == 10_000) {
            continue;
          }
          rows.append(n++ == 0 ? "" : ",").append("[{\"field\":\"@timestamp\",\"value\":\"")
              .append(Instant.ofEpochSecond(at).toString().replace('T', ' ').replace("Z", ".000"))
              .append("\"},{\"field\":\"@message\",\"value\":\"event ").append(i).append("\"}]");
        }
        out = "{\"status\":\"Complete\",\"results\":[" + rows + "],\"statistics\":{\"recordsMatched\":" + matched
            + ",\"recordsScanned\":" + events + ",\"bytesScanned\":" + events * 100 + "}}";
      } else {
        out = "{}";
      }
      return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", JSON)
          .withBody(out).build();
    }
  }
}
