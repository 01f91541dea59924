package dev.opskit.monitoring;

import static dev.opskit.monitoring.Hostile.durations;
import static dev.opskit.monitoring.Hostile.ints;
import static dev.opskit.monitoring.Hostile.outcome;
import static dev.opskit.monitoring.Hostile.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.monitoring.health.HealthTarget;
import dev.opskit.monitoring.logs.InsightsQuery;
import dev.opskit.monitoring.logs.InsightsRow;
import dev.opskit.monitoring.logs.LogGroupDefinition;
import dev.opskit.monitoring.logs.Retention;
import dev.opskit.monitoring.metrics.SeriesQuery;
import dev.opskit.monitoring.metrics.Stat;
import dev.opskit.monitoring.metrics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at every public entry of metrics, logs and health: only {@code ValidationException} may come out,
 * what is accepted parses back to itself, and row parsing accepts everything.
 */
class MonitoringPart2FuzzTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final TimeRange HOUR = TimeRange.last(Duration.ofHours(1), NOW);

  @Test
  void statisticsParseOrAreRejectedAndRoundTrip() {
    qt().withExamples(500).forAll(strings("Average", "p99", "p99.9", "p100", "SampleCount")).checkAssert(text ->
        outcome(text, () -> Stat.of(text)).ifPresent(s -> assertThat(Stat.of(s.toString())).isEqualTo(s)));
  }

  @Test
  void metricQueriesBuildOrAreRejected() {
    qt().withExamples(300).forAll(strings("AWS/Lambda", ":x"), strings("Duration", "FunctionName"),
        strings("api-handler", "errors / calls"), durations()).checkAssert((namespace, name, value, period) -> {
          String key = name;
          outcome(namespace + name, () -> {
            Map<String, String> dims = new HashMap<>();
            if (key != null) {
              dims.put(key, value);
            }
            return SeriesQuery.metric(namespace, name, Stat.AVERAGE, period, dims);
          });
          outcome(name, () -> SeriesQuery.expression(key, name, period));
          outcome(value, () -> SeriesQuery.metric("AWS/Lambda", "Errors", Stat.SUM, Duration.ofMinutes(5), Map.of())
              .withId(value));
        });
  }

  @Test
  void logInputsAreAcceptedOrRejected() {
    qt().withExamples(300).forAll(strings("/aws/ecs/api-service", "/aws/lambda/data-processor"),
        strings("fields @timestamp, @message | sort @timestamp desc"), ints()).checkAssert((group, text, days) -> {
          outcome(group, () -> LogGroupDefinition.of(group, days));
          outcome(days, () -> Retention.days(days));
          outcome(text, () -> InsightsQuery.of(text, HOUR, group));
          outcome(group, () -> HealthTarget.ecs(group, text));
          outcome(group, () -> TimeRange.last(Duration.ofMinutes(days == null ? 1 : Math.floorMod(days, 100) + 1),
              NOW));
        });
  }

  @Test
  void timeRangesOfHostileDurationsAreAcceptedOrRejected() {
    qt().withExamples(200).forAll(durations()).checkAssert(d -> outcome(d, () -> TimeRange.last(d, NOW)));
  }

  @Test
  void rowParsingAcceptsEveryText() {
    qt().withExamples(500).forAll(strings("2026-11-26 11:58:00.123", "12", "1796125095476"),
        strings("@timestamp", "count()", "bin(5m)")).checkAssert((value, field) -> {
          Map<String, String> raw = new HashMap<>();
          raw.put(field, value);
          assertThat(outcome(value, () -> InsightsRow.parse(raw))).isPresent();
        });
  }
}
