package dev.opskit.monitoring.performance;

import dev.opskit.core.value.Checks;

/**
 * How long Performance Insights keeps data: 7 days (the free tier), a whole number of months from 1 to 23 (as
 * AWS counts them, 31 days each: 31, 62, ... 713), or 731 days (2 years).
 *
 * @param days the retention in days
 */
public record PiRetention(int days) {
  /** The free tier: 7 days, the guide's {@code --performance-insights-retention-period 7}. */
  public static final PiRetention FREE_TIER = new PiRetention(7);
  /** Two years: 731 days. */
  public static final PiRetention TWO_YEARS = new PiRetention(731);

  private static final String ALLOWED = "7 (free tier), a whole number of months 1 to 23 as days (31 x n: 31, 62, ... 713), or 731";

  /**
   * Validates.
   *
   * @param days the retention in days
   */
  public PiRetention {
    Checks.require(days == 7 || days == 731 || (days % 31 == 0 && days >= 31 && days <= 713),
        "PerformanceInsightsRetentionPeriod", days, ALLOWED);
  }

  /**
   * A retention in days.
   *
   * @param days 7, 31 x n (n from 1 to 23) or 731
   * @return the retention
   */
  public static PiRetention days(int days) {
    return new PiRetention(days);
  }

  /**
   * A retention of whole months (31 days each, as AWS counts them).
   *
   * @param months 1 to 23
   * @return the retention
   */
  public static PiRetention months(int months) {
    Checks.range("months", months, 1, 23, "1 to 23 months (24 months is TWO_YEARS, 731 days)");
    return new PiRetention(31 * months);
  }

  @Override
  public String toString() {
    return days + " days";
  }
}
