package dev.opskit.monitoring.metrics;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.metrics.internal.MetricsImpl;
import java.util.Collection;
import java.util.List;

/**
 * Reads CloudWatch metrics as typed series. {@link #statistics} is one series through GetMetricStatistics (the
 * guide's {@code aws cloudwatch get-metric-statistics} calls, see {@link GuideMetrics}); {@link #data} is many
 * series, metric math included, through GetMetricData: at most 500 queries and 100,800 datapoints per call, ids
 * generated where none is given, every {@code NextToken} page merged into its series, and each series' status
 * ({@code PartialData}, {@code InternalError}, {@code Forbidden}) and messages kept on it.
 *
 * <pre>{@code
 * Metrics metrics = Metrics.using(ctx);
 * MetricSeries duration = metrics.statistics(GuideMetrics.lambdaDuration("api-handler"), TimeRange.of(start, end));
 * }</pre>
 *
 * <p>Validated before any call: the range (start before end), the period for the range's age (CloudWatch keeps
 * periods under 60 s for 3 hours, 1-minute data 15 days, 5-minute data 63 days, 1-hour data 455 days), and the
 * datapoints a call would return.
 */
public interface Metrics {

  /** At most this many queries go in one GetMetricData call. */
  int MAX_QUERIES_PER_CALL = 500;

  /** At most this many datapoints come back from one GetMetricData call. */
  int MAX_DATAPOINTS_PER_CALL = 100_800;

  /** At most this many datapoints come back from one GetMetricStatistics call. */
  int MAX_STATISTICS_DATAPOINTS = 1_440;

  /**
   * The metric operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static Metrics using(OpsContext ctx) {
    return MetricsImpl.of(ctx);
  }

  /**
   * One metric series through GetMetricStatistics (a percentile is sent as an extended statistic).
   *
   * @param query a metric query (not an expression)
   * @param range the time range
   * @return the series, oldest first, with the unit CloudWatch reports
   * @throws dev.opskit.core.ValidationException for an expression, a period the range's age does not keep, or
   *     more than 1,440 datapoints, before any call
   */
  MetricSeries statistics(SeriesQuery query, TimeRange range);

  /**
   * Many series through GetMetricData, batched.
   *
   * @param queries the queries; an expression and the queries it refers to always share a call
   * @param range the time range
   * @return one series per query that returns data, in the order of the queries
   * @throws dev.opskit.core.ValidationException for duplicate or invalid ids, an expression group of more than
   *     500 queries, a period the range's age does not keep, or a query over 100,800 datapoints, before any call
   */
  List<MetricSeries> data(Collection<SeriesQuery> queries, TimeRange range);

  /**
   * How {@link #data} would split the queries into GetMetricData calls (no call is made).
   *
   * @param queries the queries
   * @param range the time range
   * @return per call, the ids of its queries
   * @throws dev.opskit.core.ValidationException as {@link #data} does
   */
  List<List<String>> batches(Collection<SeriesQuery> queries, TimeRange range);
}
