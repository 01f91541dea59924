package dev.opskit.monitoring.ecs;

import java.util.Locale;

/**
 * How much of one reserved resource (CPU units or MiB of memory) a service used over a range, from CloudWatch's
 * {@code AWS/ECS} utilisation (percent of what the task reserves).
 *
 * @param resource {@code cpu} or {@code memory}
 * @param reserved what the task reserves (CPU units or MiB)
 * @param averagePercent the average utilisation, percent
 * @param peakPercent the highest utilisation, percent
 * @param dataPoints how many data points CloudWatch had
 * @param verdict over-, right- or under-sized
 */
public record ResourceUse(String resource, int reserved, double averagePercent, double peakPercent, int dataPoints,
    Verdict verdict) {

  /** {@return what was used at the peak, in the resource's unit} */
  public double peakUsed() {
    return reserved * peakPercent / 100;
  }

  /** {@code cpu 512 units: average 12.5 %, peak 20.0 % (102 units at peak): over-sized}. */
  @Override
  public String toString() {
    String unit = resource.equals("cpu") ? "units" : "MiB";
    if (verdict == Verdict.NO_DATA) {
      return resource + " " + reserved + " " + unit + ": no data";
    }
    return String.format(Locale.ROOT, "%s %d %s: average %.1f %%, peak %.1f %% (%.0f %s at peak): %s", resource,
        reserved, unit, averagePercent, peakPercent, peakUsed(), unit, verdict.words());
  }
}
