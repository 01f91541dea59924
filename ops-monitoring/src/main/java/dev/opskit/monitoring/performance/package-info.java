/**
 * Performance Insights, the guide's "RDS Performance Optimization": enabling it with a retention as desired state
 * ({@link dev.opskit.monitoring.performance.PiSettings}), instance names resolved to the {@code DbiResourceId} PI
 * needs, DB load series grouped by a {@link dev.opskit.monitoring.performance.DimensionGroup}, top SQL with its
 * waits and the full text of truncated statements, and typed metric queries
 * ({@link dev.opskit.monitoring.performance.PiMetricQuery}) that refuse a dimension where a group belongs.
 */
@NullMarked
package dev.opskit.monitoring.performance;

import org.jspecify.annotations.NullMarked;
