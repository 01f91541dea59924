package dev.opskit.monitoring.metrics.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.monitoring.metrics.TimeRange;
import java.time.Duration;
import java.time.Instant;

/**
 * CloudWatch's retention as a rule on the period: periods under 60 s are kept 3 hours, 1-minute data 15 days,
 * 5-minute data 63 days, 1-hour data 455 days. A range that starts further back than a resolution is kept
 * needs a period that is a multiple of the coarser one.
 */
public final class PeriodRules {
  static final Duration HIGH_RESOLUTION = Duration.ofHours(3);
  static final Duration ONE_MINUTE_DATA = Duration.ofDays(15);
  static final Duration FIVE_MINUTE_DATA = Duration.ofDays(63);
  static final Duration ONE_HOUR_DATA = Duration.ofDays(455);

  private PeriodRules() {}

  /**
   * Checks a period against the range's age.
   *
   * @param field the parameter named in a refusal
   * @param period the period
   * @param range the range
   * @param now the current time
   * @throws ValidationException when CloudWatch no longer keeps data at that period for the range's start
   */
  public static void check(String field, Duration period, TimeRange range, Instant now) {
    Duration age = Duration.between(range.start(), now);
    long seconds = period.toSeconds();
    if (age.compareTo(ONE_HOUR_DATA) > 0) {
      throw ValidationException.of("range.start", range.start(),
          "a start within the last 455 days (CloudWatch keeps no datapoints longer)");
    }
    String ago = " for a range starting " + age.toDays() + " days " + age.toHoursPart() + " hours ago";
    if (age.compareTo(FIVE_MINUTE_DATA) > 0 && seconds % 3600 != 0) {
      throw ValidationException.of(field, seconds + "s",
          "a multiple of 3600 seconds" + ago + " (CloudWatch keeps 5-minute data 63 days, 1-hour data 455 days)");
    }
    if (age.compareTo(ONE_MINUTE_DATA) > 0 && seconds % 300 != 0) {
      throw ValidationException.of(field, seconds + "s",
          "a multiple of 300 seconds" + ago + " (CloudWatch keeps 1-minute data 15 days, 5-minute data 63 days)");
    }
    if (age.compareTo(HIGH_RESOLUTION) > 0 && seconds < 60) {
      throw ValidationException.of(field, seconds + "s",
          "at least 60 seconds" + ago + " (CloudWatch keeps periods under 60 seconds for 3 hours)");
    }
  }

  /**
   * How many datapoints a series of {@code period} over {@code range} can return.
   *
   * @param period the period
   * @param range the range
   * @return the count, rounded up
   */
  public static long datapoints(Duration period, TimeRange range) {
    long span = Math.max(1, range.length().toSeconds());
    long p = period.toSeconds();
    return span / p + (span % p == 0 ? 0 : 1);
  }
}
