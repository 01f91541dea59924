package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** CloudWatch's period rules, shared by alarms and metric queries. */
final class Periods {
  /** Longest evaluation window for periods of at least one hour: seven days. */
  static final long MAX_WINDOW_SECONDS = 604_800;
  /** Longest evaluation window for periods under one hour: one day. */
  static final long MAX_SHORT_WINDOW_SECONDS = 86_400;

  private Periods() {}

  /** Longest period: the largest multiple of 60 seconds that PutMetricAlarm's integer {@code Period} holds. */
  static final long MAX_SECONDS = Integer.MAX_VALUE / 60 * 60;

  /** Requires 10, 20 or 30 seconds or a positive multiple of 60 seconds (at most {@link #MAX_SECONDS}). */
  static Duration require(String field, @Nullable Duration period) {
    Checks.require(period != null && isValid(period), field, period,
        "10, 20 or 30 seconds or a positive multiple of 60 seconds up to " + MAX_SECONDS
            + " (such as Duration.ofMinutes(5))");
    return period;
  }

  /**
   * Whether CloudWatch accepts this period.
   *
   * @param period the period
   * @return true for 10, 20 or 30 s or a positive multiple of 60 s that fits PutMetricAlarm's integer field
   */
  static boolean isValid(Duration period) {
    if (period.getNano() != 0) {
      return false;
    }
    long s = period.getSeconds();
    return s == 10 || s == 20 || s == 30 || (s > 0 && s % 60 == 0 && s <= MAX_SECONDS);
  }
}
