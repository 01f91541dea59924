package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The date windows Cost Explorer serves, computed from the context's clock (UTC, as Cost Explorer counts days):
 *
 * <ul>
 *   <li>{@link Granularity#DAILY} and {@link Granularity#MONTHLY}: from the first day of the month 13 months back
 *       (the current month plus the 13 before it);
 *   <li>{@link Granularity#MONTHLY} with the multi-year opt-in ({@link CostQuery.Builder#multiYear}): 38 months
 *       back plus the current month. AWS keeps multi-year data at monthly granularity only, so the flag does not
 *       widen a DAILY query (the message says so);
 *   <li>{@link Granularity#HOURLY} (opt-in): the last 14 days;
 *   <li>every period starts today at the latest (AWS refuses a start after the current date) and ends
 *       (exclusively) at the latest on the first day of next month ({@code HOURLY}: tomorrow).
 * </ul>
 *
 * <p>The guide's 2024 dates are history: {@link #check} names the range that is allowed today.
 */
public final class DateWindows {
  /** Months back (before the current one) that DAILY and MONTHLY data reach. */
  public static final int MONTHS_BACK = 13;
  /** Months back (before the current one) that MONTHLY data reach with the multi-year opt-in. */
  public static final int MULTI_YEAR_MONTHS_BACK = 38;
  /** Days back that HOURLY data reach. */
  public static final int HOURLY_DAYS_BACK = 14;

  private DateWindows() {}

  /**
   * The window a query may cover today.
   *
   * @param granularity the granularity
   * @param multiYear whether the account opted in to multi-year monthly data
   * @param today today, UTC
   * @return the earliest allowed start (inclusive) and the latest allowed end (exclusive); the start may also be no
   *     later than {@code today}
   */
  public static TimePeriod allowed(Granularity granularity, boolean multiYear, LocalDate today) {
    Checks.present("granularity", granularity, "HOURLY, DAILY or MONTHLY");
    Checks.present("today", today, "a date");
    LocalDate month = today.withDayOfMonth(1);
    return switch (granularity) {
      case HOURLY -> new TimePeriod(today.minusDays(HOURLY_DAYS_BACK), today.plusDays(1));
      case DAILY -> new TimePeriod(month.minusMonths(MONTHS_BACK), month.plusMonths(1));
      case MONTHLY -> new TimePeriod(month.minusMonths(multiYear ? MULTI_YEAR_MONTHS_BACK : MONTHS_BACK),
          month.plusMonths(1));
    };
  }

  /**
   * Today as Cost Explorer counts it: the clock's date in UTC.
   *
   * @param clock the context's clock
   * @return today
   */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(Checks.present("clock", clock, "a clock").instant(), ZoneOffset.UTC);
  }

  /**
   * Checks that a period is inside the window of its granularity today.
   *
   * @param period the period
   * @param granularity the granularity
   * @param multiYear whether the account opted in to multi-year monthly data
   * @param today today, UTC
   * @throws ValidationException naming the rejected day and the range that is allowed today
   */
  public static void check(TimePeriod period, Granularity granularity, boolean multiYear, LocalDate today) {
    Checks.present("timePeriod", period, "a time period");
    TimePeriod window = allowed(granularity, multiYear, today);
    if (period.start().isBefore(window.start()) || period.start().isAfter(today)) {
      throw ValidationException.of("timePeriod.start", period.start(), describe(granularity, multiYear, window, today));
    }
    if (period.end().isAfter(window.end())) {
      throw ValidationException.of("timePeriod.end", period.end(), describe(granularity, multiYear, window, today));
    }
  }

  /**
   * Whether a period is inside the window of its granularity today (what {@link #check} accepts).
   *
   * @param period the period
   * @param granularity the granularity
   * @param multiYear the multi-year opt-in
   * @param today today, UTC
   * @return true when {@link #check} would accept it
   */
  public static boolean isAllowed(TimePeriod period, Granularity granularity, boolean multiYear, LocalDate today) {
    Checks.present("timePeriod", period, "a time period");
    TimePeriod window = allowed(granularity, multiYear, today);
    return !period.start().isBefore(window.start()) && !period.start().isAfter(today)
        && !period.end().isAfter(window.end());
  }

  private static String describe(Granularity granularity, boolean multiYear, TimePeriod window, LocalDate today) {
    String reach = switch (granularity) {
      case HOURLY -> "the last " + HOURLY_DAYS_BACK + " days (hourly data is opt-in)";
      case DAILY -> MONTHS_BACK + " months back plus the current month"
          + (multiYear ? "; the multi-year opt-in covers MONTHLY data only" : "");
      case MONTHLY -> multiYear ? MULTI_YEAR_MONTHS_BACK + " months back plus the current month (multi-year opt-in)"
          : MONTHS_BACK + " months back plus the current month (" + MULTI_YEAR_MONTHS_BACK
              + " with the multi-year opt-in)";
    };
    return granularity + " periods that start from " + window.start() + " to " + today
        + " (today by the context clock) and end by " + window.end() + " (exclusive): " + reach;
  }
}
