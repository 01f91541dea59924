package dev.opskit.monitoring.performance;

import java.util.List;
import java.util.Map;

/**
 * One series of a PI metric: the metric as a whole (no dimensions) or one item of a group (such as one wait event),
 * with its data points in time order, gathered from every page.
 *
 * @param metric such as {@code db.load.avg}
 * @param dimensions the item's dimensions, such as {@code db.wait_event.name=CPU}; empty for the whole metric
 * @param points the data points, in time order
 */
public record MetricSeries(String metric, Map<String, String> dimensions, List<PiDataPoint> points) {

  /**
   * Copies.
   *
   * @param metric such as {@code db.load.avg}
   * @param dimensions the item's dimensions
   * @param points the data points
   */
  public MetricSeries {
    dimensions = Map.copyOf(dimensions);
    points = List.copyOf(points);
  }

  /** {@return the average of the points that have a value, 0 when none has} */
  public double average() {
    return points.stream().filter(p -> p.value() != null).mapToDouble(p -> p.value()).average().orElse(0);
  }
}
