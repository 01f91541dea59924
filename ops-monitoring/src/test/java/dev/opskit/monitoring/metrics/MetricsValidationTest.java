package dev.opskit.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.opskit.core.ValidationException;
import dev.opskit.monitoring.metrics.internal.MetricsImpl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** Bad metric input is refused with a {@link ValidationException} naming it, before any call. */
class MetricsValidationTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final CloudWatchClient cloudWatch = mock(CloudWatchClient.class);
  private final Metrics metrics = new MetricsImpl(cloudWatch, Clock.fixed(NOW, ZoneOffset.UTC));

  private void assertInvalid(ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    verifyNoInteractions(cloudWatch);
  }

  private static SeriesQuery latency(Duration period) {
    return SeriesQuery.metric("OpsKit/Test", "Latency", Stat.AVERAGE, period, Map.of());
  }

  @Nested
  class Statistics {
    @ParameterizedTest
    @ValueSource(strings = {"Mean", "average", "p", "p101", "p100.01", "p-1", "p99.999", "tm99", ""})
    void anUnknownStatisticOrAPercentileOutside0To100IsRefused(String text) {
      assertThatThrownBy(() -> Stat.of(text)).isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid statistic: '" + text + "'");
    }

    @Test
    void percentilesFrom0To100AreAccepted() {
      assertThat(Stat.of("p0").isPercentile()).isTrue();
      assertThat(Stat.of("p100").value()).isEqualTo("p100");
      assertThat(Stat.percentile(99.9)).isEqualTo(Stat.of("p99.9"));
      assertThat(Stat.of("SampleCount").isPercentile()).isFalse();
    }

    @Test
    void aPercentileNumberOutsideTheRangeIsRefused() {
      assertThatThrownBy(() -> Stat.percentile(100.5)).isInstanceOf(ValidationException.class)
          .hasMessage("Invalid percentile: '100.5'. Allowed: 0 to 100");
      assertThatThrownBy(() -> Stat.percentile(Double.NaN)).isInstanceOf(ValidationException.class)
          .hasMessage("Invalid percentile: 'NaN'. Allowed: 0 to 100");
    }
  }

  @Nested
  class Ranges {
    @Test
    void anEndBeforeTheStartIsRefused() {
      assertThatThrownBy(() -> TimeRange.of(NOW, NOW.minusSeconds(60))).isInstanceOf(ValidationException.class)
          .hasMessage("Invalid end: '2026-11-26T11:59:00Z'. Allowed: an end time after the start time"
              + " (2026-11-26T12:00:00Z)");
      assertThatThrownBy(() -> TimeRange.of(NOW, NOW)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aOneMinutePeriodForARangeStartingTwentyDaysAgoIsRefused() {
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofDays(20)), NOW);
      assertInvalid(() -> metrics.data(List.of(latency(Duration.ofMinutes(1))), range), "queries[0].period",
          "Invalid queries[0].period: '60s'. Allowed: a multiple of 300 seconds for a range starting 20 days 0 hours"
              + " ago (CloudWatch keeps 1-minute data 15 days, 5-minute data 63 days)");
    }

    @Test
    void aFiveMinutePeriodForARangeStartingSeventyDaysAgoIsRefused() {
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofDays(70)), NOW.minus(Duration.ofDays(69)));
      assertInvalid(() -> metrics.statistics(latency(Duration.ofMinutes(5)), range), "query.period",
          "a multiple of 3600 seconds for a range starting 70 days 0 hours ago");
    }

    @Test
    void aRangeOlderThan455DaysIsRefused() {
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofDays(500)), NOW.minus(Duration.ofDays(499)));
      assertInvalid(() -> metrics.statistics(latency(Duration.ofHours(1)), range), "range.start",
          "a start within the last 455 days");
    }

    @Test
    void aHighResolutionPeriodOlderThanThreeHoursIsRefused() {
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofHours(4)), NOW);
      assertInvalid(() -> metrics.data(List.of(latency(Duration.ofSeconds(10))), range), "queries[0].period",
          "at least 60 seconds for a range starting 0 days 4 hours ago");
    }

    @Test
    void periodsTheAgeAllowsPass() {
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofDays(20)), NOW);
      assertThat(metrics.batches(List.of(latency(Duration.ofMinutes(5))), range)).containsExactly(List.of("m0"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 45, 90, -60})
    void aPeriodCloudWatchDoesNotTakeIsRefused(int seconds) {
      assertThatThrownBy(() -> latency(Duration.ofSeconds(seconds))).isInstanceOf(ValidationException.class)
          .hasMessageEndingWith("Allowed: 1, 5, 10 or 30 seconds, or a multiple of 60 seconds");
    }
  }

  @Nested
  class Datapoints {
    @Test
    void queriesArePlannedIntoCallsOfAtMost100800Datapoints() {
      // 14 days at one minute: 20,160 datapoints each; five fit in one call, the sixth starts the next.
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofDays(14)), NOW);
      List<SeriesQuery> queries = IntStream.range(0, 6).mapToObj(i -> latency(Duration.ofMinutes(1))).toList();

      assertThat(metrics.batches(queries, range))
          .containsExactly(List.of("m0", "m1", "m2", "m3", "m4"), List.of("m5"));
    }

    @Test
    void oneQueryOverTheDatapointLimitIsRefused() {
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(100)));
      assertInvalid(() -> metrics.data(List.of(latency(Duration.ofMinutes(1))), range), "queries",
          "Invalid queries: 'm0: 144060 datapoints'. Allowed: at most 100800 datapoints per GetMetricData call");
    }

    @Test
    void getMetricStatisticsOverItsDatapointLimitIsRefused() {
      TimeRange range = TimeRange.of(NOW.minus(Duration.ofDays(2)), NOW);
      assertInvalid(() -> metrics.statistics(latency(Duration.ofMinutes(1)), range), "range",
          "(2880 datapoints)'. Allowed: at most 1440 datapoints per GetMetricStatistics call");
    }

    @Test
    void anExpressionAndItsInputsStayInOneCallAcrossThe500Boundary() {
      List<SeriesQuery> queries = new ArrayList<>(MetricsHttpTest.latencyQueries(499));
      queries.add(latency(Duration.ofHours(1)).withId("a"));
      queries.add(latency(Duration.ofHours(1)).withId("b"));
      queries.add(SeriesQuery.expression("ratio", "a / b", Duration.ofHours(1)));
      TimeRange range = TimeRange.last(Duration.ofDays(1), NOW);

      List<List<String>> calls = metrics.batches(queries, range);

      assertThat(calls).hasSize(2);
      assertThat(calls.get(0)).hasSize(499);
      assertThat(calls.get(1)).containsExactly("a", "b", "ratio");
    }
  }

  @Nested
  class Ids {
    @Test
    void aMalformedIdIsRefused() {
      assertThatThrownBy(() -> latency(Duration.ofMinutes(1)).withId("Bad-Id")).isInstanceOf(ValidationException.class)
          .hasMessage("Invalid id: 'Bad-Id'. Allowed: a lowercase letter then letters, digits or '_'"
              + " (^[a-z][a-zA-Z0-9_]*$)");
    }

    @Test
    void twoQueriesWithOneIdAreRefused() {
      List<SeriesQuery> queries = List.of(latency(Duration.ofMinutes(1)).withId("a"),
          latency(Duration.ofMinutes(1)).withId("a"));
      assertInvalid(() -> metrics.data(queries, TimeRange.last(Duration.ofHours(1), NOW)), "queries[1].id",
          "Invalid queries[1].id: 'a'. Allowed: an id no other query of the call uses");
    }

    @Test
    void anExpressionGroupOfMoreThan500QueriesIsRefused() {
      // q0..q300 chained by x0..x299 (x_i = q_i + q_i+1): 601 queries that must share one call
      List<SeriesQuery> queries = new ArrayList<>();
      for (int i = 0; i <= 300; i++) {
        queries.add(latency(Duration.ofHours(1)).withId("q" + i));
      }
      for (int i = 0; i < 300; i++) {
        queries.add(SeriesQuery.expression("x" + i, "q" + i + " + q" + (i + 1), Duration.ofHours(1)));
      }
      assertInvalid(() -> metrics.data(queries, TimeRange.last(Duration.ofDays(1), NOW)), "queries",
          "Invalid queries: 'q0 and 600 more'. Allowed: at most 500 queries that refer to each other");
    }
  }
}
