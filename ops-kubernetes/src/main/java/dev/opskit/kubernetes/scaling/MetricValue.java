package dev.opskit.kubernetes.scaling;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The current value of one of an HPA's metrics, as its status reports it.
 *
 * @param type the metric type, such as {@code Resource}
 * @param name the metric, such as {@code cpu}
 * @param averageUtilization the current average utilization in percent, or null
 * @param averageValue the current average value, or null
 */
public record MetricValue(String type, String name, @Nullable Integer averageUtilization,
    @Nullable String averageValue) {
  /**
   * Validates.
   *
   * @param type the type
   * @param name the name
   * @param averageUtilization the utilization
   * @param averageValue the value
   */
  public MetricValue {
    Checks.present("type", type, "a metric type");
    Checks.present("name", name, "a metric name");
  }
}
