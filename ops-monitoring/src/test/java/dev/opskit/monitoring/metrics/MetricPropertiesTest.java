package dev.opskit.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.opskit.monitoring.metrics.internal.MetricBatches;
import dev.opskit.monitoring.metrics.internal.MetricIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of GetMetricData ids and batches, for any mix of given and generated ids. */
class MetricPropertiesTest {
  /** Ids a caller may give, several of them what the generator would make. */
  private static final List<String> GIVEN = List.of("m0", "m1", "m2", "m7", "m10", "m499", "errors", "calls", "a", "x_1");

  private static List<SeriesQuery> queries(List<Integer> picks) {
    Set<String> used = new HashSet<>();
    List<SeriesQuery> out = new ArrayList<>();
    for (int pick : picks) {
      SeriesQuery q = SeriesQuery.metric("OpsKit/Test", "Latency", Stat.AVERAGE, Duration.ofHours(1), Map.of());
      // a pick below the pool size gives that id (once), anything else leaves the id to be generated
      if (pick < GIVEN.size() && used.add(GIVEN.get(pick))) {
        q = q.withId(GIVEN.get(pick));
      }
      out.add(q);
    }
    return out;
  }

  @Test
  void generatedIdsAreAlwaysValidAndUnique() {
    qt().withExamples(200).forAll(lists().of(integers().between(0, 30)).ofSizeBetween(0, 1200)).checkAssert(picks -> {
      List<SeriesQuery> queries = queries(picks);
      List<String> ids = MetricIds.assign(queries);

      assertThat(ids).hasSize(queries.size()).doesNotHaveDuplicates()
          .allMatch(id -> SeriesQuery.ID.matcher(id).matches());
      for (int i = 0; i < queries.size(); i++) {
        if (queries.get(i).id() != null) {
          assertThat(ids.get(i)).isEqualTo(queries.get(i).id());
        }
      }
    });
  }

  @Test
  void batchesHoldEveryQueryExactlyOnceWithinTheLimits() {
    TimeRange day = TimeRange.last(Duration.ofDays(1), Instant.parse("2026-11-26T12:00:00Z"));
    qt().withExamples(200).forAll(lists().of(integers().between(0, 30)).ofSizeBetween(1, 1600)).checkAssert(picks -> {
      List<SeriesQuery> queries = queries(picks);
      List<String> ids = MetricIds.assign(queries);

      List<List<Integer>> calls = MetricBatches.plan(queries, ids, day);

      List<Integer> all = calls.stream().flatMap(List::stream).sorted().toList();
      assertThat(all).hasSize(queries.size()).doesNotHaveDuplicates();
      assertThat(calls).allSatisfy(c -> assertThat(c).hasSizeBetween(1, Metrics.MAX_QUERIES_PER_CALL));
      assertThat(calls).hasSize((queries.size() + 499) / 500);
    });
  }
}
