package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.internal.Check;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * One metric with a statistic and period, as used inside a metric-math alarm (the {@code MetricStat} of
 * a {@code MetricDataQuery}).
 *
 * @param namespace the namespace, such as {@code AWS/EC2}
 * @param metricName the metric, such as {@code CPUUtilization}
 * @param dimensions the dimensions (at most 30), in the order given
 * @param period the period: 10, 20 or 30 seconds or a multiple of 60 seconds
 * @param stat the statistic: {@code Average}, {@code Sum}, {@code Minimum}, {@code Maximum},
 *     {@code SampleCount} or a percentile such as {@code p99}
 * @param unit the unit, or null for any
 */
public record MetricStat(
    String namespace, String metricName, Map<String, String> dimensions, Duration period, String stat,
    @Nullable StandardUnit unit) {

  /** Validates and copies. */
  public MetricStat {
    MetricRules.requireMetric("MetricStat", namespace, metricName, dimensions);
    Periods.require("MetricStat.Period", period);
    Check.require(stat != null && MetricRules.isStat(stat), "MetricStat.Stat", stat,
        "SampleCount, Average, Sum, Minimum, Maximum or a percentile such as p99");
    Check.require(unit != StandardUnit.UNKNOWN_TO_SDK_VERSION, "MetricStat.Unit", unit, "a CloudWatch unit");
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
  }

  /**
   * A metric with a statistic, without dimensions or unit.
   *
   * @param namespace the namespace
   * @param metricName the metric
   * @param stat the statistic
   * @param period the period
   * @return the metric stat
   */
  public static MetricStat of(String namespace, String metricName, String stat, Duration period) {
    return new MetricStat(namespace, metricName, Map.of(), period, stat, null);
  }

  /**
   * Returns a copy with one more dimension.
   *
   * @param name the dimension name, such as {@code InstanceId}
   * @param value the value
   * @return the copy
   */
  public MetricStat withDimension(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(dimensions);
    Checks.present("MetricStat.Dimensions.Name", name, "a dimension name, such as InstanceId");
    copy.put(name, Checks.present("MetricStat.Dimensions." + name, value, "a dimension value"));
    return new MetricStat(namespace, metricName, copy, period, stat, unit);
  }
}
