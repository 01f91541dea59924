package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * One metric with a statistic and period, as used inside a metric-math alarm: the {@code MetricStat} of a
 * {@code MetricDataQuery} (named otherwise so it never clashes with the SDK's
 * {@code software.amazon.awssdk.services.cloudwatch.model.MetricStat}). Like {@link AlarmDefinition}, it has
 * either a {@link Statistic} or an extended statistic (a percentile such as {@code p99}), never both.
 *
 * <pre>{@code
 * MetricStatistic errors = MetricStatistic.of("AWS/Lambda", "Errors", Statistic.SUM, Duration.ofMinutes(5));
 * MetricStatistic latency = MetricStatistic.extended("AWS/ApplicationELB", "TargetResponseTime", "p99",
 *     Duration.ofMinutes(1));
 * }</pre>
 *
 * @param namespace the namespace, such as {@code AWS/EC2}
 * @param metricName the metric, such as {@code CPUUtilization}
 * @param dimensions the dimensions (at most 30), in the order given
 * @param period the period: 10, 20 or 30 seconds or a multiple of 60 seconds
 * @param statistic the statistic, or null when {@code extendedStatistic} is given
 * @param extendedStatistic a percentile or trimmed statistic such as {@code p99} or {@code tm90}, or null
 *     when {@code statistic} is given
 * @param unit the unit, or null for any
 */
public record MetricStatistic(
    String namespace, String metricName, Map<String, String> dimensions, Duration period,
    @Nullable Statistic statistic, @Nullable String extendedStatistic, @Nullable StandardUnit unit) {

  /**
   * Validates and copies.
   *
   * @param namespace the namespace, such as {@code AWS/EC2}
   * @param metricName the metric, such as {@code CPUUtilization}
   * @param dimensions the dimensions (at most 30), in the order given
   * @param period the period: 10, 20 or 30 seconds or a multiple of 60 seconds
   * @param statistic the statistic, or null when {@code extendedStatistic} is given
   * @param extendedStatistic a percentile or trimmed statistic such as {@code p99} or {@code tm90}, or null
   *     when {@code statistic} is given
   * @param unit the unit, or null for any
   */
  public MetricStatistic {
    MetricRules.requireMetric("MetricStat", namespace, metricName, dimensions);
    Periods.require("MetricStat.Period", period);
    Checks.require(statistic != null ^ extendedStatistic != null, "MetricStat.Stat", statistic + "/" + extendedStatistic,
        "exactly one of a statistic and an extended statistic (a percentile such as p99)");
    Checks.require(statistic != Statistic.UNKNOWN_TO_SDK_VERSION, "MetricStat.Stat",
        statistic == null ? null : statistic.name(), "SampleCount, Average, Sum, Minimum or Maximum");
    if (extendedStatistic != null) {
      Checks.length("MetricStat.Stat", extendedStatistic, 1, 64);
      Checks.require(MetricRules.isExtendedStatistic(extendedStatistic), "MetricStat.Stat", extendedStatistic,
          "a percentile p0.0 to p100 or a trimmed statistic such as tm90");
    }
    Checks.require(unit != StandardUnit.UNKNOWN_TO_SDK_VERSION, "MetricStat.Unit", unit, "a CloudWatch unit");
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
  }

  /**
   * A metric with a statistic, without dimensions or unit.
   *
   * @param namespace the namespace
   * @param metricName the metric
   * @param statistic the statistic, such as {@code Statistic.SUM}
   * @param period the period
   * @return the metric statistic
   */
  public static MetricStatistic of(String namespace, String metricName, Statistic statistic, Duration period) {
    return new MetricStatistic(namespace, metricName, Map.of(), period,
        Checks.present("MetricStat.Stat", statistic, "a statistic, such as Statistic.AVERAGE"), null, null);
  }

  /**
   * A metric with an extended statistic (a percentile or trimmed statistic), without dimensions or unit.
   *
   * @param namespace the namespace
   * @param metricName the metric
   * @param extendedStatistic such as {@code p99}, {@code p99.9} or {@code tm90}
   * @param period the period
   * @return the metric statistic
   */
  public static MetricStatistic extended(String namespace, String metricName, String extendedStatistic, Duration period) {
    return new MetricStatistic(namespace, metricName, Map.of(), period, null,
        Checks.present("MetricStat.Stat", extendedStatistic, "a percentile such as p99"), null);
  }

  /**
   * The metric statistic of {@code MetricStat}'s {@code Stat} text: a statistic such as {@code Average}, or an
   * extended statistic such as {@code p99}.
   *
   * @param namespace the namespace
   * @param metricName the metric
   * @param dimensions the dimensions
   * @param period the period (required)
   * @param stat the {@code Stat} text (required)
   * @param unit the unit, or null
   * @return the metric statistic
   * @throws dev.opskit.core.ValidationException when {@code stat} is neither
   */
  public static MetricStatistic ofStat(String namespace, String metricName, Map<String, String> dimensions,
      @Nullable Duration period, @Nullable String stat, @Nullable StandardUnit unit) {
    Duration checkedPeriod = Periods.require("MetricStat.Period", period);
    Checks.length("MetricStat.Stat", stat, 1, 64);
    Statistic statistic = Statistic.fromValue(stat);
    boolean plain = statistic != null && statistic != Statistic.UNKNOWN_TO_SDK_VERSION;
    return new MetricStatistic(namespace, metricName, dimensions, checkedPeriod, plain ? statistic : null,
        plain ? null : stat, unit);
  }

  /**
   * {@return {@code MetricStat}'s {@code Stat}: the statistic's value (such as {@code Average}) or the extended statistic}
   */
  public String stat() {
    return statistic != null ? statistic.toString() : String.valueOf(extendedStatistic);
  }

  /**
   * Returns a copy with one more dimension.
   *
   * @param name the dimension name, such as {@code InstanceId}
   * @param value the value
   * @return the copy
   */
  public MetricStatistic withDimension(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(dimensions);
    Checks.present("MetricStat.Dimensions.Name", name, "a dimension name, such as InstanceId");
    copy.put(name, Checks.present("MetricStat.Dimensions." + name, value, "a dimension value"));
    return new MetricStatistic(namespace, metricName, copy, period, statistic, extendedStatistic, unit);
  }

  /**
   * Returns a copy with a unit.
   *
   * @param value the unit, or null for any
   * @return the copy
   */
  public MetricStatistic withUnit(@Nullable StandardUnit value) {
    return new MetricStatistic(namespace, metricName, dimensions, period, statistic, extendedStatistic, value);
  }
}
