/**
 * Cost Explorer as typed, paginated, cost-aware queries: {@link dev.opskit.cost.explorer.CostQuery} (time period,
 * granularity, {@link dev.opskit.cost.explorer.CostMetric metrics}, {@link dev.opskit.cost.explorer.GroupBy group-by}
 * keys, {@link dev.opskit.cost.explorer.CostFilter filter expressions}) validated against the date windows AWS
 * serves ({@link dev.opskit.cost.explorer.DateWindows}) before any call, every {@code NextPageToken} page followed,
 * each request (USD 0.01) counted into a {@link dev.opskit.cost.explorer.RequestBudget}, identical requests served
 * from a time-limited cache.
 */
@NullMarked
package dev.opskit.cost.explorer;

import org.jspecify.annotations.NullMarked;
