package dev.opskit.core.value;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An EventBridge or AWS Backup schedule expression: {@code cron(Minutes Hours Day-of-month Month
 * Day-of-week Year)} or {@code rate(Value Unit)}, always in UTC.
 *
 * <p>{@link #expression()} (and {@link #toString()}) gives the canonical text, and
 * {@code Schedule.parse(s.expression()).equals(s)}.
 */
public sealed interface Schedule permits Schedule.Cron, Schedule.Rate {

  /**
   * The expression in canonical form: single spaces between fields, names and {@code L}/{@code W} in
   * upper case.
   *
   * @return for example {@code cron(0 2 * * ? *)} or {@code rate(5 minutes)}
   */
  String expression();

  /**
   * The fixed interval between runs.
   *
   * @return the interval of a rate expression; empty for a cron expression
   */
  Optional<Duration> interval();

  /**
   * The same as {@link #expression()}.
   *
   * @return the canonical expression
   */
  @Override
  String toString();

  /**
   * Parses a schedule expression. Fields are separated by spaces or tabs; names and
   * {@code L}/{@code W} may be in either case.
   *
   * @param expression such as {@code cron(0 5 ? * MON-FRI *)} or {@code rate(1 day)}
   * @return the schedule
   * @throws ValidationException naming the part that is wrong, such as {@code schedule.cron.hours}
   */
  static Schedule parse(String expression) {
    if (expression != null && expression.endsWith(")")) {
      if (expression.startsWith("cron(")) {
        return Cron.parse(expression);
      }
      if (expression.startsWith("rate(")) {
        return Rate.parse(expression);
      }
    }
    throw ValidationException.of(
        "schedule", expression, "cron(Minutes Hours Day-of-month Month Day-of-week Year) or rate(Value Unit)");
  }

  /**
   * A rate schedule running every {@code interval}, in the largest unit (days, hours or minutes) that
   * expresses it exactly: 90 minutes gives {@code rate(90 minutes)}, 2 hours gives {@code rate(2 hours)}.
   *
   * @param interval a positive whole number of minutes
   * @return the schedule
   * @throws ValidationException when {@code interval} is zero, negative, or not a whole number of minutes
   */
  static Rate rate(Duration interval) {
    Checks.require(interval != null && !interval.isNegative() && !interval.isZero()
            && interval.toSecondsPart() == 0 && interval.toNanosPart() == 0,
        "schedule.rate", interval, "a positive whole number of minutes");
    long minutes = interval.toMinutes();
    if (minutes % (24 * 60) == 0) {
      return new Rate(minutes / (24 * 60), ChronoUnit.DAYS);
    }
    return minutes % 60 == 0 ? new Rate(minutes / 60, ChronoUnit.HOURS) : new Rate(minutes, ChronoUnit.MINUTES);
  }

  /**
   * A rate schedule running every {@code value} {@code unit}s, written in that unit.
   *
   * @param value how many units; 1 to {@value Rate#MAX_VALUE}
   * @param unit {@link ChronoUnit#MINUTES}, {@link ChronoUnit#HOURS} or {@link ChronoUnit#DAYS}
   * @return the schedule
   * @throws ValidationException when the value or unit is out of range
   */
  static Rate rate(long value, ChronoUnit unit) {
    return new Rate(value, unit);
  }

  /**
   * A cron schedule from its six fields; exactly one of {@code dayOfMonth} and {@code dayOfWeek} is
   * {@code ?}.
   *
   * @param minutes 0-59 with {@code , - * /}
   * @param hours 0-23 with {@code , - * /}
   * @param dayOfMonth 1-31 with {@code , - * ? / L W}
   * @param month 1-12 or JAN-DEC with {@code , - * /}
   * @param dayOfWeek 1-7 or SUN-SAT with {@code , - * ? / L #}
   * @param year 1970-2199 with {@code , - * /}
   * @return the schedule
   * @throws ValidationException naming the field that is wrong
   */
  static Cron cron(String minutes, String hours, String dayOfMonth, String month, String dayOfWeek, String year) {
    return new Cron(minutes, hours, dayOfMonth, month, dayOfWeek, year);
  }

  /**
   * A cron schedule running every day at {@code hour:minute} UTC: {@code dailyAt(2, 0)} gives
   * {@code cron(0 2 * * ? *)}.
   *
   * @param hour 0-23
   * @param minute 0-59
   * @return the schedule
   * @throws ValidationException when the hour or minute is out of range
   */
  static Cron dailyAt(int hour, int minute) {
    return new Cron(String.valueOf(minute), String.valueOf(hour), "*", "*", "?", "*");
  }

  /** The fields between the parentheses of {@code cron(...)} or {@code rate(...)}, split on spaces and tabs. */
  private static List<String> fields(String expression) {
    String inside = expression.substring(expression.indexOf('(') + 1, expression.length() - 1);
    return Arrays.stream(inside.split("[ \t]")).filter(field -> !field.isEmpty()).collect(Collectors.toList());
  }

  /**
   * A cron expression, {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}.
   *
   * @param minutes 0-59 with {@code , - * /}
   * @param hours 0-23 with {@code , - * /}
   * @param dayOfMonth 1-31 with {@code , - * ? / L W}
   * @param month 1-12 or JAN-DEC with {@code , - * /}
   * @param dayOfWeek 1-7 or SUN-SAT with {@code , - * ? / L #}
   * @param year 1970-2199 with {@code , - * /}
   */
  record Cron(String minutes, String hours, String dayOfMonth, String month, String dayOfWeek, String year)
      implements Schedule {

    /**
     * Validates every field and upper-cases names; throws {@link ValidationException}.
     *
     * @param minutes 0-59 with {@code , - * /}
     * @param hours 0-23 with {@code , - * /}
     * @param dayOfMonth 1-31 with {@code , - * ? / L W}
     * @param month 1-12 or JAN-DEC with {@code , - * /}
     * @param dayOfWeek 1-7 or SUN-SAT with {@code , - * ? / L #}
     * @param year 1970-2199 with {@code , - * /}
     */
    public Cron {
      minutes = CronField.MINUTES.check(minutes);
      hours = CronField.HOURS.check(hours);
      dayOfMonth = CronField.DAY_OF_MONTH.check(dayOfMonth);
      month = CronField.MONTH.check(month);
      dayOfWeek = CronField.DAY_OF_WEEK.check(dayOfWeek);
      year = CronField.YEAR.check(year);
      Checks.require(dayOfMonth.equals("?") != dayOfWeek.equals("?"), "schedule.cron",
          format(List.of(minutes, hours, dayOfMonth, month, dayOfWeek, year)),
          "'?' in exactly one of Day-of-month and Day-of-week");
    }

    private static Cron parse(String expression) {
      List<String> f = fields(expression);
      Checks.require(f.size() == 6, "schedule.cron", expression,
          "6 fields separated by spaces: Minutes Hours Day-of-month Month Day-of-week Year");
      return new Cron(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
    }

    private static String format(List<String> fields) {
      return "cron(" + String.join(" ", fields) + ")";
    }

    /** {@inheritDoc} */
    @Override
    public String expression() {
      return format(List.of(minutes, hours, dayOfMonth, month, dayOfWeek, year));
    }

    /** Always empty: a cron schedule has no fixed interval. */
    @Override
    public Optional<Duration> interval() {
      return Optional.empty();
    }

    /** Returns {@link #expression()}. */
    @Override
    public String toString() {
      return expression();
    }
  }

  /**
   * A rate expression, {@code rate(Value Unit)}: the unit is singular when the value is 1
   * ({@code rate(1 hour)}) and plural otherwise ({@code rate(5 minutes)}).
   *
   * @param value how many units; 1 to {@value #MAX_VALUE}
   * @param unit {@link ChronoUnit#MINUTES}, {@link ChronoUnit#HOURS} or {@link ChronoUnit#DAYS}
   */
  record Rate(long value, ChronoUnit unit) implements Schedule {
    /** The largest value accepted. */
    public static final long MAX_VALUE = Integer.MAX_VALUE;

    private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);
    private static final List<String> SINGULAR = List.of("minute", "hour", "day");
    private static final List<String> PLURAL = List.of("minutes", "hours", "days");

    /**
     * Validates the value and unit; throws {@link ValidationException}.
     *
     * @param value how many units; 1 to {@value #MAX_VALUE}
     * @param unit {@link ChronoUnit#MINUTES}, {@link ChronoUnit#HOURS} or {@link ChronoUnit#DAYS}
     */
    public Rate {
      Checks.require(unit != null && UNITS.contains(unit), "schedule.rate.unit", unit, "MINUTES, HOURS or DAYS");
      Checks.require(value >= 1 && value <= MAX_VALUE, "schedule.rate.value", value,
          "a whole number from 1 to " + MAX_VALUE);
    }

    private static Rate parse(String expression) {
      List<String> parts = fields(expression);
      Checks.require(parts.size() == 2, "schedule.rate", expression, "rate(Value Unit), such as rate(5 minutes)");
      String value = parts.get(0);
      String unit = parts.get(1);
      Checks.require(value.matches("[1-9][0-9]{0,9}") && Long.parseLong(value) <= MAX_VALUE,
          "schedule.rate.value", value, "a whole number from 1 to " + MAX_VALUE + ", without leading zeros");
      boolean one = value.equals("1");
      List<String> names = one ? SINGULAR : PLURAL;
      Checks.require(names.contains(unit), "schedule.rate.unit", unit,
          one ? "minute, hour or day for a value of 1" : "minutes, hours or days for a value other than 1");
      return new Rate(Long.parseLong(value), UNITS.get(names.indexOf(unit)));
    }

    /** {@inheritDoc} */
    @Override
    public String expression() {
      List<String> names = value == 1 ? SINGULAR : PLURAL;
      return "rate(" + value + " " + names.get(UNITS.indexOf(unit)) + ")";
    }

    /** The interval, {@code value} times {@code unit}. */
    @Override
    public Optional<Duration> interval() {
      return Optional.of(unit.getDuration().multipliedBy(value));
    }

    /** Returns {@link #expression()}. */
    @Override
    public String toString() {
      return expression();
    }
  }
}
