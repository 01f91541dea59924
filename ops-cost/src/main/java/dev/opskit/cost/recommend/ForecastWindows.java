package dev.opskit.cost.recommend;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Granularity;
import dev.opskit.cost.explorer.TimePeriod;
import java.time.LocalDate;

/**
 * The windows Cost Explorer forecasts: starting today (UTC, by the context's clock) or later, ending at most
 * 3 months ahead for DAILY and 18 months ahead for MONTHLY; HOURLY is not forecast.
 */
public final class ForecastWindows {
  /** Months ahead a DAILY forecast reaches. */
  public static final int DAILY_MONTHS_AHEAD = 3;
  /** Months ahead a MONTHLY forecast reaches. */
  public static final int MONTHLY_MONTHS_AHEAD = 18;

  private ForecastWindows() {}

  /**
   * The window a forecast may cover today.
   *
   * @param granularity DAILY or MONTHLY
   * @param today today, UTC
   * @return from today (inclusive) to the latest end (exclusive)
   * @throws ValidationException for HOURLY
   */
  public static TimePeriod allowed(Granularity granularity, LocalDate today) {
    Checks.present("granularity", granularity, "DAILY or MONTHLY");
    Checks.present("today", today, "a date");
    return switch (granularity) {
      case DAILY -> TimePeriod.of(today, today.plusMonths(DAILY_MONTHS_AHEAD));
      case MONTHLY -> TimePeriod.of(today, today.plusMonths(MONTHLY_MONTHS_AHEAD));
      case HOURLY -> throw ValidationException.of("granularity", granularity, "DAILY or MONTHLY for a forecast");
    };
  }

  /**
   * Checks a forecast period.
   *
   * @param period the period
   * @param granularity DAILY or MONTHLY
   * @param today today, UTC
   * @throws ValidationException naming the rejected day and the window allowed today
   */
  public static void check(TimePeriod period, Granularity granularity, LocalDate today) {
    Checks.present("timePeriod", period, "a time period");
    TimePeriod window = allowed(granularity, today);
    String allowed = granularity + " forecasts from today " + today + " (inclusive) to " + window.end()
        + " (exclusive): " + (granularity == Granularity.DAILY ? DAILY_MONTHS_AHEAD : MONTHLY_MONTHS_AHEAD)
        + " months ahead; today is " + today + " by the context clock";
    if (period.start().isBefore(window.start())) {
      throw ValidationException.of("timePeriod.start", period.start(), allowed);
    }
    if (period.end().isAfter(window.end())) {
      throw ValidationException.of("timePeriod.end", period.end(), allowed);
    }
  }
}
