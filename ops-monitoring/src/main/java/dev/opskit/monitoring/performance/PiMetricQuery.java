package dev.opskit.monitoring.performance;

import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.performance.internal.PiJson;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One PI metric query (GetResourceMetrics' {@code MetricQuery}): a metric with its statistic, optionally grouped
 * by a dimension group, optionally filtered by dimensions.
 *
 * <p>The guide's slow-query check, {@code {"Metric": "db.SQL.Select.Avg_timer_wait.avg", "GroupBy": {"Group":
 * "db.sql_tokenized.statement"}}}, names a dimension where a group belongs; in the typed API it is
 * {@link #guideSlowSelects()}, grouped by {@code db.sql_tokenized} returning its {@code statement} dimension, and
 * {@link #listFromJson} refuses the guide's JSON saying what to write instead.
 *
 * @param metric such as {@code db.load.avg}: a metric name and a statistic ({@code .avg}, {@code .min},
 *     {@code .max}, {@code .sum})
 * @param groupBy how to group, or null for the metric as a whole
 * @param filter dimension filters (dimension name to value), each of the grouping's group; may be empty
 */
public record PiMetricQuery(String metric, @Nullable GroupBy groupBy, Map<String, String> filter) {
  /** The DB load metric: average active sessions. */
  public static final String DB_LOAD = "db.load.avg";
  private static final Pattern METRIC = Pattern.compile("(db|os)(\\.[A-Za-z0-9_]+)+\\.(avg|min|max|sum)");

  /**
   * Validates and copies.
   *
   * @param metric such as {@code db.load.avg}
   * @param groupBy how to group, or null
   * @param filter dimension filters; may be empty
   */
  public PiMetricQuery {
    Checks.length("Metric", metric, 1, 256);
    Checks.matches(METRIC, "Metric", metric,
        "a PI metric and statistic, such as db.load.avg or db.SQL.Select.Avg_timer_wait.avg (ending .avg, .min, .max or .sum)");
    filter = Checks.map("Filter", filter, "dimension name to value");
  }

  /**
   * A metric as a whole.
   *
   * @param metric such as {@code db.load.avg}
   * @return the query
   */
  public static PiMetricQuery of(String metric) {
    return new PiMetricQuery(metric, null, Map.of());
  }

  /**
   * DB load grouped by a dimension group.
   *
   * @param group such as {@link DimensionGroup#WAITS}
   * @return the query
   */
  public static PiMetricQuery dbLoadBy(DimensionGroup group) {
    return new PiMetricQuery(DB_LOAD, Checks.present("group", group, "a dimension group").all(), Map.of());
  }

  /**
   * The guide's slow-query metric as it should be written: {@code db.SQL.Select.Avg_timer_wait.avg} grouped by
   * {@code db.sql_tokenized}, returning its {@code db.sql_tokenized.statement} dimension.
   *
   * @return the query
   */
  public static PiMetricQuery guideSlowSelects() {
    return of("db.SQL.Select.Avg_timer_wait.avg").groupedBy(DimensionGroup.SQL.dimensions("db.sql_tokenized.statement"));
  }

  /**
   * The same metric grouped.
   *
   * @param grouping the grouping
   * @return the query
   */
  public PiMetricQuery groupedBy(GroupBy grouping) {
    return new PiMetricQuery(metric, grouping, filter);
  }

  /**
   * The same query with a filter.
   *
   * @param dimension such as {@code db.sql_tokenized.id}
   * @param value its value
   * @return the query
   */
  public PiMetricQuery filtered(String dimension, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(filter);
    more.put(Checks.length("Filter", dimension, 1, 256), Checks.length("Filter." + dimension, value, 1, 4096));
    return new PiMetricQuery(metric, groupBy, more);
  }

  /**
   * Reads the {@code --metric-queries} JSON array of {@code aws pi get-resource-metrics}:
   * {@code [{"Metric": ..., "GroupBy": {"Group": ..., "Dimensions": [...], "Limit": n}, "Filter": {...}}]}.
   *
   * @param json the text
   * @return the queries
   * @throws dev.opskit.core.ValidationException when it is not such an array, or a group is a dimension (the
   *     guide's {@code db.sql_tokenized.statement}), saying what to write instead
   */
  public static List<PiMetricQuery> listFromJson(@Nullable String json) {
    return PiJson.readQueries(json);
  }

  @Override
  public String toString() {
    return metric + (groupBy == null ? "" : " by " + groupBy.group()) + (filter.isEmpty() ? "" : " where " + filter);
  }
}
