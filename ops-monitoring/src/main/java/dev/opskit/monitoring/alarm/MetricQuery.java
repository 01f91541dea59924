package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a metric-math alarm's {@code Metrics} (a {@code MetricDataQuery}): either a metric with a
 * statistic ({@link #metricStat()}) or a math expression ({@link #expression()}), never both.
 *
 * <pre>{@code
 * MetricQuery errors = MetricQuery.metric("errors",
 *     MetricStatistic.of("AWS/Lambda", "Errors", Statistic.SUM, Duration.ofMinutes(5)))
 *     .withReturnData(false);
 * MetricQuery rate = MetricQuery.expression("rate", "100 * errors / invocations").withLabel("Error rate");
 * }</pre>
 *
 * @param id the id, used in expressions: starts with a lower-case letter, then letters, digits and
 *     underscores, at most 255 characters
 * @param metricStat the metric, or null for an expression
 * @param expression the math expression, or null for a metric
 * @param label a label, or null
 * @param returnData whether this entry is the alarm's result (exactly one entry returns data, two for an
 *     anomaly-detection alarm: the metric and its band); AWS's default is true
 * @param period the period of an expression, or null
 * @param accountId the account of a cross-account metric, or null
 */
public record MetricQuery(
    String id, @Nullable MetricStatistic metricStat, @Nullable String expression, @Nullable String label,
    boolean returnData, @Nullable Duration period, @Nullable String accountId) {
  private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]{0,254}");

  /**
   * Validates.
   *
   * @param id the id, used in expressions: starts with a lower-case letter, then letters, digits and
   *     underscores, at most 255 characters
   * @param metricStat the metric, or null for an expression
   * @param expression the math expression, or null for a metric
   * @param label a label, or null
   * @param returnData whether this entry is the alarm's result (exactly one entry returns data, two for an
   *     anomaly-detection alarm: the metric and its band); AWS's default is true
   * @param period the period of an expression, or null
   * @param accountId the account of a cross-account metric, or null
   */
  public MetricQuery {
    Checks.require(id != null && ID.matcher(id).matches(), "Metrics.Id", id,
        "a lower-case letter, then letters, digits and underscores, at most 255 characters");
    Checks.require((metricStat == null) != (expression == null), "Metrics." + id, expression,
        "exactly one of MetricStat and Expression");
    if (expression != null) {
      Checks.length("Metrics." + id + ".Expression", expression, 1, 2048);
    }
    if (label != null) {
      Checks.length("Metrics." + id + ".Label", label, 0, 1024);
    }
    if (period != null) {
      Periods.require("Metrics." + id + ".Period", period);
    }
    if (accountId != null) {
      Checks.require(accountId.matches("\\d{12}"), "Metrics." + id + ".AccountId", accountId, "a 12-digit account id");
    }
  }

  /**
   * A metric entry that returns data.
   *
   * @param id the id
   * @param stat the metric and statistic
   * @return the query
   */
  public static MetricQuery metric(String id, MetricStatistic stat) {
    return new MetricQuery(id, stat, null, null, true, null, null);
  }

  /**
   * An expression entry that returns data.
   *
   * @param id the id
   * @param expression the expression, such as {@code 100 * errors / invocations} or
   *     {@code ANOMALY_DETECTION_BAND(m1, 2)}
   * @return the query
   */
  public static MetricQuery expression(String id, String expression) {
    return new MetricQuery(id, null, expression, null, true, null, null);
  }

  /**
   * A copy with another {@code ReturnData}.
   *
   * @param value whether this entry returns data
   * @return the copy
   */
  public MetricQuery withReturnData(boolean value) {
    return new MetricQuery(id, metricStat, expression, label, value, period, accountId);
  }

  /**
   * A copy with a label.
   *
   * @param value the label
   * @return the copy
   */
  public MetricQuery withLabel(String value) {
    return new MetricQuery(id, metricStat, expression, value, returnData, period, accountId);
  }

  /**
   * A copy with a period (for an expression).
   *
   * @param value the period
   * @return the copy
   */
  public MetricQuery withPeriod(Duration value) {
    return new MetricQuery(id, metricStat, expression, label, returnData, value, accountId);
  }
}
