package dev.opskit.monitoring.metrics;

import java.time.Duration;
import java.util.Map;

/**
 * The guide's {@code aws cloudwatch get-metric-statistics} calls as queries, one line each with
 * {@link Metrics#statistics}:
 *
 * <pre>{@code
 * metrics.statistics(GuideMetrics.lambdaDuration("api-handler"), range);            // AWS/Lambda Duration, Average, 1 h
 * metrics.statistics(GuideMetrics.dynamoDbConsumedReads("user-sessions"), range);  // ConsumedReadCapacityUnits, Sum, 5 min
 * metrics.statistics(GuideMetrics.rdsCpu("prod-database"), range);                 // AWS/RDS CPUUtilization, Average, 5 min
 * }</pre>
 */
public final class GuideMetrics {
  private GuideMetrics() {}

  /**
   * Lambda {@code Duration} of a function, average per hour (the guide's {@code --period 3600 --statistics
   * Average}).
   *
   * @param functionName such as {@code api-handler}
   * @return the query
   * @throws dev.opskit.core.ValidationException for a bad name
   */
  public static SeriesQuery lambdaDuration(String functionName) {
    return SeriesQuery.metric("AWS/Lambda", "Duration", Stat.AVERAGE, Duration.ofHours(1),
        Map.of("FunctionName", functionName));
  }

  /**
   * A Lambda metric of a function ({@code Errors}, {@code Throttles}, {@code Invocations}...).
   *
   * @param functionName the function
   * @param metricName the metric
   * @param stat the statistic
   * @param period the period
   * @return the query
   * @throws dev.opskit.core.ValidationException for a bad part
   */
  public static SeriesQuery lambda(String functionName, String metricName, Stat stat, Duration period) {
    return SeriesQuery.metric("AWS/Lambda", metricName, stat, period, Map.of("FunctionName", functionName));
  }

  /**
   * DynamoDB {@code ConsumedReadCapacityUnits} of a table, summed per 5 minutes (the guide gives no statistic or
   * period; the sum over a period divided by its seconds is the consumed units per second).
   *
   * @param tableName such as {@code user-sessions}
   * @return the query
   * @throws dev.opskit.core.ValidationException for a bad name
   */
  public static SeriesQuery dynamoDbConsumedReads(String tableName) {
    return dynamoDb(tableName, "ConsumedReadCapacityUnits");
  }

  /**
   * DynamoDB {@code ConsumedWriteCapacityUnits} of a table, summed per 5 minutes.
   *
   * @param tableName the table
   * @return the query
   * @throws dev.opskit.core.ValidationException for a bad name
   */
  public static SeriesQuery dynamoDbConsumedWrites(String tableName) {
    return dynamoDb(tableName, "ConsumedWriteCapacityUnits");
  }

  private static SeriesQuery dynamoDb(String tableName, String metric) {
    return SeriesQuery.metric("AWS/DynamoDB", metric, Stat.SUM, Duration.ofMinutes(5), Map.of("TableName", tableName));
  }

  /**
   * RDS {@code CPUUtilization} of an instance, average per 5 minutes.
   *
   * @param dbInstanceId such as {@code prod-database}
   * @return the query
   * @throws dev.opskit.core.ValidationException for a bad id
   */
  public static SeriesQuery rdsCpu(String dbInstanceId) {
    return SeriesQuery.metric("AWS/RDS", "CPUUtilization", Stat.AVERAGE, Duration.ofMinutes(5),
        Map.of("DBInstanceIdentifier", dbInstanceId));
  }
}
