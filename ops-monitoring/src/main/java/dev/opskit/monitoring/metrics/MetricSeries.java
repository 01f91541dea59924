package dev.opskit.monitoring.metrics;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.value.Checks;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One series as CloudWatch returned it: datapoints in time order, its unit when known, and its status with
 * AWS's messages, so a partial or failed series is never mistaken for a complete one.
 *
 * @param id the query id
 * @param label CloudWatch's label (the metric name, or the query's label)
 * @param points the datapoints, oldest first
 * @param unit the unit (GetMetricStatistics, or the unit asked for), or null when unknown
 * @param status {@link SeriesStatus#COMPLETE} unless AWS said otherwise
 * @param messages AWS's messages about this series (such as why data is partial)
 */
public record MetricSeries(
    String id, String label, List<Datapoint> points, @Nullable String unit, SeriesStatus status,
    List<String> messages) {

  /**
   * Copies and sorts the points by time.
   *
   * @param id the query id
   * @param label the label
   * @param points the datapoints
   * @param unit the unit
   * @param status the status
   * @param messages AWS's messages
   */
  public MetricSeries {
    Checks.present("id", id, "an id");
    Checks.present("label", label, "a label");
    points = Values.list("points", points, "datapoints").stream()
        .sorted(Comparator.comparing(Datapoint::timestamp)).toList();
    Checks.present("status", status, "a status");
    messages = Values.list("messages", messages, "messages");
  }

  /** {@return whether the status is {@code Complete}} */
  public boolean isComplete() {
    return status.isComplete();
  }

  /** {@return the values, oldest first} */
  public List<Double> values() {
    return points.stream().map(Datapoint::value).toList();
  }

  /** {@return the newest value, if any} */
  public OptionalDouble latest() {
    return points.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(points.get(points.size() - 1).value());
  }

  /** {@return the greatest value, if any} */
  public OptionalDouble max() {
    return points.stream().mapToDouble(Datapoint::value).max();
  }

  /** {@code m0 Duration: 24 points (Milliseconds), Complete}. */
  @Override
  public String toString() {
    return id + " " + label + ": " + points.size() + " points" + (unit == null ? "" : " (" + unit + ")") + ", " + status
        + (messages.isEmpty() ? "" : " " + messages);
  }
}
