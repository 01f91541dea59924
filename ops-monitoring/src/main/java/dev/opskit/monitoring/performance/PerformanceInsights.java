package dev.opskit.monitoring.performance;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.monitoring.performance.internal.PerformanceInsightsImpl;
import java.util.Collection;
import java.util.List;

/**
 * Performance Insights for RDS instances named as users name them ({@code prod-database}); the
 * {@code DbiResourceId} PI needs is looked up (DescribeDBInstances) for each call.
 *
 * <pre>{@code
 * PerformanceInsights pi = PerformanceInsights.using(ctx);
 * pi.enable(DbInstanceId.of("prod-database"), PiRetention.FREE_TIER);
 * List<MetricSeries> load = pi.dbLoad(DbInstanceId.of("prod-database"), DimensionGroup.WAITS, range);
 * List<TopSql> top = pi.topSql(DbInstanceId.of("prod-database"), range, 10);
 * }</pre>
 */
public interface PerformanceInsights extends DesiredState<PiSettings> {
  /** The most metric queries GetResourceMetrics takes in one call. */
  int MAX_QUERIES_PER_CALL = 15;

  /**
   * The operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static PerformanceInsights using(OpsContext ctx) {
    return PerformanceInsightsImpl.of(ctx);
  }

  /**
   * Compares the settings with the live instances: one update per instance whose {@code PerformanceInsightsEnabled}
   * or {@code PerformanceInsightsRetentionPeriod} differs, made by one ModifyDBInstance (applied immediately,
   * retried while the instance is busy).
   *
   * @param definitions the settings, one per instance
   * @return the plan
   * @throws dev.opskit.core.ResourceNotFoundException when an instance does not exist
   */
  @Override
  Plan plan(Collection<? extends PiSettings> definitions);

  /**
   * Makes exactly the plan's changes through the gate.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done
   */
  @Override
  ApplyResult apply(Plan plan);

  /**
   * The guide's {@code modify-db-instance --enable-performance-insights --performance-insights-retention-period}:
   * plans and applies; nothing is sent when PI is already enabled with that retention.
   *
   * @param instance the instance
   * @param retention the retention
   * @return what was done
   */
  default ApplyResult enable(DbInstanceId instance, PiRetention retention) {
    return apply(plan(List.of(new PiSettings(instance, retention))));
  }

  /**
   * The guide's enable, the instance given by name.
   *
   * @param instance such as {@code prod-database}
   * @param retention the retention
   * @return what was done
   * @throws dev.opskit.core.ValidationException when the name is not a valid DB instance identifier, before any call
   */
  default ApplyResult enable(String instance, PiRetention retention) {
    return enable(DbInstanceId.of(instance), retention);
  }

  /**
   * The {@code DbiResourceId} of an instance given by name.
   *
   * @param instance such as {@code prod-database}
   * @return its resource id
   * @throws dev.opskit.core.ValidationException when the name is not a valid DB instance identifier, before any call
   */
  default DbiResourceId resourceId(String instance) {
    return resourceId(DbInstanceId.of(instance));
  }

  /**
   * The instance's {@code DbiResourceId}, the identifier PI takes.
   *
   * @param instance the instance name
   * @return its resource id
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such instance
   */
  DbiResourceId resourceId(DbInstanceId instance);

  /**
   * Runs metric queries (GetResourceMetrics): at most {@value #MAX_QUERIES_PER_CALL} queries per call, as many calls
   * as needed, every page of each; the series of a query come back in the order of the queries.
   *
   * @param instance the instance
   * @param queries the queries, at least one
   * @param range the time range and period
   * @return one series per metric and item, in query order
   */
  List<MetricSeries> metrics(DbInstanceId instance, List<PiMetricQuery> queries, PiRange range);

  /**
   * DB load ({@code db.load.avg}) over time, grouped by a dimension group: the total series first, then one series
   * per item of the group (such as each wait event).
   *
   * @param instance the instance
   * @param group such as {@link DimensionGroup#WAITS}, {@link DimensionGroup#SQL}, {@link DimensionGroup#USERS},
   *     {@link DimensionGroup#HOSTS}
   * @param range the time range and period
   * @return the total and the per-item series
   */
  List<MetricSeries> dbLoad(DbInstanceId instance, DimensionGroup group, PiRange range);

  /**
   * The SQL digests with the most load over a range (DescribeDimensionKeys grouped by {@code db.sql_tokenized},
   * partitioned by wait event, every page), heaviest first; a statement PI cut at 500 bytes is expanded with
   * GetDimensionKeyDetails.
   *
   * @param instance the instance
   * @param range the time range (its period is PI's to choose when it is not one PI aggregates by)
   * @param limit how many digests, 1 to 25
   * @return the digests, heaviest first
   */
  List<TopSql> topSql(DbInstanceId instance, PiRange range, int limit);
}
