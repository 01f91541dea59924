/**
 * CloudWatch metric queries: typed {@link dev.opskit.monitoring.metrics.SeriesQuery} values (namespace, name,
 * dimensions, statistic or percentile, period, or a metric-math expression), a {@link
 * dev.opskit.monitoring.metrics.TimeRange}, and the {@link dev.opskit.monitoring.metrics.Metrics} operations that
 * return typed {@link dev.opskit.monitoring.metrics.MetricSeries} (GetMetricStatistics for one series,
 * GetMetricData batched for many). Reads only.
 */
@NullMarked
package dev.opskit.monitoring.metrics;

import org.jspecify.annotations.NullMarked;
