package dev.opskit.monitoring.performance;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A time range and the period of its data points, as Performance Insights takes them: start before end, a period
 * of 1 second, 1 minute, 5 minutes, 1 hour or 1 day.
 *
 * @param start the start (inclusive)
 * @param end the end (exclusive)
 * @param period the length of each data point
 */
public record PiRange(Instant start, Instant end, Duration period) {
  /** The periods PI accepts. */
  public static final List<Duration> PERIODS = List.of(Duration.ofSeconds(1), Duration.ofMinutes(1),
      Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1));

  /**
   * Validates.
   *
   * @param start the start (inclusive)
   * @param end the end (exclusive)
   * @param period the length of each data point
   */
  public PiRange {
    Checks.present("StartTime", start, "an instant");
    Checks.present("EndTime", end, "an instant");
    Checks.require(start.isBefore(end), "EndTime", end, "after StartTime (" + start + ")");
    Checks.require(period != null && PERIODS.contains(period), "PeriodInSeconds", period == null ? null : period.toSeconds(),
        "1, 60, 300, 3600 or 86400 seconds");
  }

  /**
   * The last stretch of time before {@code end}.
   *
   * @param end the end
   * @param length how long, such as one hour
   * @param period the period
   * @return the range
   */
  public static PiRange last(Instant end, Duration length, Duration period) {
    Checks.duration("length", length, Duration.ofSeconds(1), Duration.ofDays(731), "1 second to 731 days");
    return new PiRange(Checks.present("end", end, "an instant").minus(length), end, period);
  }
}
