package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Cost Explorer time period: {@code start} inclusive, {@code end} exclusive, as AWS reads {@code TimePeriod}
 * ({@code Start=2024-01-01,End=2024-01-31} covers January 1 to 30).
 *
 * @param start the first day
 * @param end the day after the last one (exclusive)
 */
public record TimePeriod(LocalDate start, LocalDate end) {

  /**
   * Validates.
   *
   * @param start the first day
   * @param end the day after the last one (exclusive)
   * @throws ValidationException when a day is missing or {@code end} is not after {@code start}
   */
  public TimePeriod {
    Checks.present("timePeriod.start", start, "a date, such as 2024-01-01");
    Checks.present("timePeriod.end", end, "a date after the start (exclusive), such as 2024-01-31");
    if (!end.isAfter(start)) {
      throw ValidationException.of("timePeriod.end", end,
          "a day after the start " + start + " (the end is exclusive: End=" + start.plusDays(1) + " covers one day)");
    }
  }

  /**
   * A period.
   *
   * @param start the first day
   * @param end the day after the last one (exclusive)
   * @return the period
   */
  public static TimePeriod of(LocalDate start, LocalDate end) {
    return new TimePeriod(start, end);
  }

  /**
   * A period from the CLI's ISO dates ({@code 2024-01-01}, {@code 2024-01-31}).
   *
   * @param start the first day
   * @param end the exclusive end
   * @return the period
   * @throws ValidationException when a text is not an ISO date or the end is not after the start
   */
  public static TimePeriod parse(@Nullable String start, @Nullable String end) {
    return new TimePeriod(date("timePeriod.start", start), date("timePeriod.end", end));
  }

  /**
   * The calendar month of a day: its first day to the first day of the next month.
   *
   * @param day any day of the month
   * @return the month's period
   */
  public static TimePeriod monthOf(LocalDate day) {
    LocalDate first = Checks.present("day", day, "a date").withDayOfMonth(1);
    return new TimePeriod(first, first.plusMonths(1));
  }

  /** {@return how many days the period covers} */
  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }

  /** {@return the period of the same length that ends where this one starts} */
  public TimePeriod previous() {
    return new TimePeriod(start.minusDays(days()), start);
  }

  /**
   * Whether a day is inside the period.
   *
   * @param day the day
   * @return {@code start <= day < end}
   */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  private static LocalDate date(String field, @Nullable String text) {
    String given = Checks.present(field, text, "an ISO date, such as 2024-01-01");
    if (given.length() > 10) {
      throw ValidationException.of(field, text, "an ISO date, such as 2024-01-01");
    }
    try {
      return LocalDate.parse(given);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, text, "an ISO date, such as 2024-01-01");
    }
  }

  @Override
  public String toString() {
    return "Start=" + start + ",End=" + end;
  }
}
