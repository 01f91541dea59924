package dev.opskit.core.value;

import static dev.opskit.core.value.ValidationAssertions.assertInvalid;
import static dev.opskit.core.value.ValidationAssertions.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ScheduleTest {
  private static final String MINUTES = "0-59 with , - * /";
  private static final String HOURS = "0-23 with , - * /";
  private static final String DAY_OF_MONTH = "1-31 with , - * ? / L W";
  private static final String MONTH = "1-12 or JAN-DEC with , - * /";
  private static final String DAY_OF_WEEK = "1-7 or SUN-SAT with , - * ? / L #";
  private static final String YEAR = "1970-2199 with , - * /";
  private static final String ONE_QUESTION_MARK = "'?' in exactly one of Day-of-month and Day-of-week";
  private static final String SHAPE = "cron(Minutes Hours Day-of-month Month Day-of-week Year) or rate(Value Unit)";
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  @Nested
  class ParsesTheAwsGuideExamples {
    @ParameterizedTest
    @ValueSource(strings = {"cron(0 2 * * ? *)", "cron(0 5 ? * MON-FRI *)", "cron(15 10 ? * 6L 2022-2023)",
        "cron(0/15 * * * ? *)", "cron(0 8 1 * ? *)", "cron(0 10 * * ? *)", "cron(0 18 ? * MON-FRI *)",
        "cron(0 9 ? * 2#1 *)", "cron(0/5 8-17 ? * MON-FRI *)"})
    void cronExpressions(String expression) {
      Schedule schedule = Schedule.parse(expression);

      assertThat(schedule).isInstanceOf(Schedule.Cron.class).hasToString(expression);
      assertThat(schedule.expression()).isEqualTo(expression);
      assertThat(schedule.interval()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"rate(5 minutes), PT5M", "rate(1 minute), PT1M", "rate(1 hour), PT1H", "rate(12 hours), PT12H",
        "rate(1 day), PT24H", "rate(7 days), PT168H"})
    void rateExpressions(String expression, Duration interval) {
      Schedule schedule = Schedule.parse(expression);

      assertThat(schedule).isInstanceOf(Schedule.Rate.class).hasToString(expression);
      assertThat(schedule.expression()).isEqualTo(expression);
      assertThat(schedule.interval()).contains(interval);
    }

    @Test
    void cronFields() {
      Schedule.Cron cron = (Schedule.Cron) Schedule.parse("cron(15 10 ? * 6L 2022-2023)");

      assertThat(cron.minutes()).isEqualTo("15");
      assertThat(cron.hours()).isEqualTo("10");
      assertThat(cron.dayOfMonth()).isEqualTo("?");
      assertThat(cron.month()).isEqualTo("*");
      assertThat(cron.dayOfWeek()).isEqualTo("6L");
      assertThat(cron.year()).isEqualTo("2022-2023");
    }

    @Test
    void rateFields() {
      assertThat(Schedule.parse("rate(5 minutes)")).isEqualTo(new Schedule.Rate(5, ChronoUnit.MINUTES));
      assertThat(Schedule.parse("rate(1 day)")).isEqualTo(new Schedule.Rate(1, ChronoUnit.DAYS));
    }
  }

  @Nested
  class CronExpressions {
    @ParameterizedTest
    @ValueSource(strings = {"cron(* * * * ? *)", "cron(59 23 31 12 ? 2199)", "cron(0 0 1 1 ? 1970)",
        "cron(1,2,3 0-23/2 L * ? *)", "cron(0 0 LW * ? *)", "cron(0 0 15W * ? *)", "cron(0 0 ? * 3#2 *)",
        "cron(0 0 ? * FRI#5 *)", "cron(0 0 ? * L *)", "cron(0 0 ? * FRIL *)",
        "cron(0 0 ? JAN,MAR,DEC SUN-SAT 1970-2199)", "cron(*/5 * 1-15/2 JAN-JUN/2 ? 2024/2)",
        "cron(0 0 ? * 1/2 *)", "cron(0 22-2 * * ? *)", "cron(0 0 * FEB ? *)"})
    void validExpressionsInCanonicalForm(String expression) {
      assertThat(Schedule.parse(expression).expression()).isEqualTo(expression);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "cron(0 5 ? * mon-fri *)|cron(0 5 ? * MON-FRI *)",
      "cron(0 0 lw jan ? *)|cron(0 0 LW JAN ? *)",
      "cron(0   2 * *  ? *)|cron(0 2 * * ? *)",
      "cron( 0 2 * * ? * )|cron(0 2 * * ? *)",
      "cron(0\t2 * *\t? *)|cron(0 2 * * ? *)",
    })
    void canonicalFormHasUpperCaseNamesAndSingleSpaces(String input, String canonical) {
      Schedule schedule = Schedule.parse(input);

      assertThat(schedule.expression()).isEqualTo(canonical);
      assertThat(Schedule.parse(canonical)).isEqualTo(schedule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "cron(60 * * * ? *)|schedule.cron.minutes|60|" + MINUTES,
      "cron(-1 * * * ? *)|schedule.cron.minutes|-1|" + MINUTES,
      "cron(? * * * ? *)|schedule.cron.minutes|?|" + MINUTES,
      "cron(L * * * ? *)|schedule.cron.minutes|L|" + MINUTES,
      "cron(*/0 * * * ? *)|schedule.cron.minutes|*/0|" + MINUTES,
      "cron(0/60 * * * ? *)|schedule.cron.minutes|0/60|" + MINUTES,
      "cron(1- * * * ? *)|schedule.cron.minutes|1-|" + MINUTES,
      "cron(1,,2 * * * ? *)|schedule.cron.minutes|1,,2|" + MINUTES,
      "cron(1-2-3 * * * ? *)|schedule.cron.minutes|1-2-3|" + MINUTES,
      "cron(1/2/3 * * * ? *)|schedule.cron.minutes|1/2/3|" + MINUTES,
      "cron(00005 * * * ? *)|schedule.cron.minutes|00005|" + MINUTES,
      "cron(0 24 * * ? *)|schedule.cron.hours|24|" + HOURS,
      "cron(0 MON * * ? *)|schedule.cron.hours|MON|" + HOURS,
      "cron(0 0 0 * ? *)|schedule.cron.dayOfMonth|0|" + DAY_OF_MONTH,
      "cron(0 0 32 * ? *)|schedule.cron.dayOfMonth|32|" + DAY_OF_MONTH,
      "cron(0 0 W * ? *)|schedule.cron.dayOfMonth|W|" + DAY_OF_MONTH,
      "cron(0 0 32W * ? *)|schedule.cron.dayOfMonth|32W|" + DAY_OF_MONTH,
      "cron(0 0 1L * ? *)|schedule.cron.dayOfMonth|1L|" + DAY_OF_MONTH,
      "cron(0 0 L-3 * ? *)|schedule.cron.dayOfMonth|L-3|" + DAY_OF_MONTH,
      "cron(0 0 1,L * ? *)|schedule.cron.dayOfMonth|1,L|" + DAY_OF_MONTH,
      "cron(0 0 ?,1 * ? *)|schedule.cron.dayOfMonth|?,1|" + DAY_OF_MONTH,
      "cron(0 0 * 13 ? *)|schedule.cron.month|13|" + MONTH,
      "cron(0 0 * 0 ? *)|schedule.cron.month|0|" + MONTH,
      "cron(0 0 * JANUARY ? *)|schedule.cron.month|JANUARY|" + MONTH,
      "cron(0 0 * MON ? *)|schedule.cron.month|MON|" + MONTH,
      "cron(0 0 * ? ? *)|schedule.cron.month|?|" + MONTH,
      "cron(0 0 ? * 0 *)|schedule.cron.dayOfWeek|0|" + DAY_OF_WEEK,
      "cron(0 0 ? * 8 *)|schedule.cron.dayOfWeek|8|" + DAY_OF_WEEK,
      "cron(0 0 ? * JAN *)|schedule.cron.dayOfWeek|JAN|" + DAY_OF_WEEK,
      "cron(0 0 ? * 15W *)|schedule.cron.dayOfWeek|15W|" + DAY_OF_WEEK,
      "cron(0 0 ? * 3#6 *)|schedule.cron.dayOfWeek|3#6|" + DAY_OF_WEEK,
      "cron(0 0 ? * 3#0 *)|schedule.cron.dayOfWeek|3#0|" + DAY_OF_WEEK,
      "cron(0 0 ? * 3#1,6#3 *)|schedule.cron.dayOfWeek|3#1,6#3|" + DAY_OF_WEEK,
      "cron(0 0 ? * 8L *)|schedule.cron.dayOfWeek|8L|" + DAY_OF_WEEK,
      "cron(0 0 ? * LW *)|schedule.cron.dayOfWeek|LW|" + DAY_OF_WEEK,
      "cron(0 0 * * ? 1969)|schedule.cron.year|1969|" + YEAR,
      "cron(0 0 * * ? 2200)|schedule.cron.year|2200|" + YEAR,
      "cron(0 0 * * ? ?)|schedule.cron.year|?|" + YEAR,
      "cron(0 0 * * ? 24)|schedule.cron.year|24|" + YEAR,
    })
    void fieldsNamingWhatIsWrong(String expression, String field, String value, String allowed) {
      assertInvalid(() -> Schedule.parse(expression), field, value, allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 0 * * * *)", "cron(0 0 ? * ? *)", "cron(0 0 1 * MON *)", "cron(0 0 L * L *)",
        "cron(0 0 15W * 2#1 *)"})
    void exactlyOneOfDayOfMonthAndDayOfWeekIsAQuestionMark(String expression) {
      assertInvalid(() -> Schedule.parse(expression), "schedule.cron", expression, ONE_QUESTION_MARK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 0 * * ?)", "cron(0 0 * * ? * *)", "cron()", "cron(0 2 * * ? 2024 *)"})
    void sixFields(String expression) {
      assertInvalid(() -> Schedule.parse(expression), "schedule.cron", expression,
          "6 fields separated by spaces: Minutes Hours Day-of-month Month Day-of-week Year");
    }

    @Test
    void fromFields() {
      Schedule.Cron cron = Schedule.cron("0", "5", "?", "*", "mon-fri", "*");

      assertThat(cron.expression()).isEqualTo("cron(0 5 ? * MON-FRI *)");
      assertThat(cron).isEqualTo(Schedule.parse("cron(0 5 ? * MON-FRI *)")).hasToString(cron.expression());
      assertInvalid(() -> Schedule.cron("0", "25", "?", "*", "MON", "*"), "schedule.cron.hours", "25", HOURS);
      assertInvalid(() -> Schedule.cron(null, "0", "?", "*", "MON", "*"), "schedule.cron.minutes", null, MINUTES);
      assertInvalid(() -> Schedule.cron("0", "0", "?", "*", null, "*"), "schedule.cron.dayOfWeek", null,
          DAY_OF_WEEK);
    }

    @ParameterizedTest
    @CsvSource({"2, 0, cron(0 2 * * ? *)", "0, 0, cron(0 0 * * ? *)", "23, 59, cron(59 23 * * ? *)"})
    void dailyAt(int hour, int minute, String expected) {
      assertThat(Schedule.dailyAt(hour, minute)).hasToString(expected).isEqualTo(Schedule.parse(expected));
    }

    @Test
    void dailyAtOutOfRange() {
      assertInvalid(() -> Schedule.dailyAt(24, 0), "schedule.cron.hours", "24", HOURS);
      assertInvalid(() -> Schedule.dailyAt(-1, 0), "schedule.cron.hours", "-1", HOURS);
      assertInvalid(() -> Schedule.dailyAt(0, 60), "schedule.cron.minutes", "60", MINUTES);
    }
  }

  @Nested
  class RateExpressions {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "rate(0 minutes)|schedule.rate.value|0|a whole number from 1 to 2147483647, without leading zeros",
      "rate(-1 minutes)|schedule.rate.value|-1|a whole number from 1 to 2147483647, without leading zeros",
      "rate(05 minutes)|schedule.rate.value|05|a whole number from 1 to 2147483647, without leading zeros",
      "rate(1.5 hours)|schedule.rate.value|1.5|a whole number from 1 to 2147483647, without leading zeros",
      "rate(five minutes)|schedule.rate.value|five|a whole number from 1 to 2147483647, without leading zeros",
      "rate(2147483648 minutes)|schedule.rate.value|2147483648|"
          + "a whole number from 1 to 2147483647, without leading zeros",
      "rate(99999999999999999999 days)|schedule.rate.value|99999999999999999999|"
          + "a whole number from 1 to 2147483647, without leading zeros",
      "rate(1 minutes)|schedule.rate.unit|minutes|minute, hour or day for a value of 1",
      "rate(1 days)|schedule.rate.unit|days|minute, hour or day for a value of 1",
      "rate(5 minute)|schedule.rate.unit|minute|minutes, hours or days for a value other than 1",
      "rate(2 hour)|schedule.rate.unit|hour|minutes, hours or days for a value other than 1",
      "rate(5 seconds)|schedule.rate.unit|seconds|minutes, hours or days for a value other than 1",
      "rate(5 MINUTES)|schedule.rate.unit|MINUTES|minutes, hours or days for a value other than 1",
      "rate(5 weeks)|schedule.rate.unit|weeks|minutes, hours or days for a value other than 1",
      "rate(5)|schedule.rate|rate(5)|rate(Value Unit), such as rate(5 minutes)",
      "rate()|schedule.rate|rate()|rate(Value Unit), such as rate(5 minutes)",
      "rate(5 minutes extra)|schedule.rate|rate(5 minutes extra)|rate(Value Unit), such as rate(5 minutes)",
    })
    void namingWhatIsWrong(String expression, String field, String value, String allowed) {
      assertInvalid(() -> Schedule.parse(expression), field, value, allowed);
    }

    @Test
    void separatedBySpacesOrTabs() {
      assertThat(Schedule.parse("rate( 5 \t minutes )")).hasToString("rate(5 minutes)");
    }

    @Test
    void largestValue() {
      assertThat(Schedule.parse("rate(2147483647 days)").interval()).contains(Duration.ofDays(Integer.MAX_VALUE));
    }

    @ParameterizedTest
    @CsvSource({"PT1M, rate(1 minute)", "PT90M, rate(90 minutes)", "PT59M, rate(59 minutes)",
        "PT1H, rate(1 hour)", "PT120M, rate(2 hours)", "PT36H, rate(36 hours)", "PT24H, rate(1 day)",
        "PT1440M, rate(1 day)", "PT48H, rate(2 days)", "PT25H, rate(25 hours)", "PT1501M, rate(1501 minutes)"})
    void fromDurationInTheLargestExactUnit(Duration interval, String expected) {
      Schedule.Rate rate = Schedule.rate(interval);

      assertThat(rate).hasToString(expected).isEqualTo(Schedule.parse(expected));
      assertThat(rate.interval()).contains(interval);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT5M", "PT30S", "PT90S", "PT1M0.001S", "PT0.5S"})
    void fromDurationRejectsWhatIsNotAPositiveWholeNumberOfMinutes(Duration interval) {
      assertInvalid(() -> Schedule.rate(interval), "schedule.rate", interval.toString(),
          "a positive whole number of minutes");
    }

    @Test
    void fromDurationRejectsNull() {
      assertInvalid(() -> Schedule.rate(null), "schedule.rate", null, "a positive whole number of minutes");
    }

    @Test
    void fromValueAndUnitKeepsTheUnit() {
      assertThat(Schedule.rate(1, ChronoUnit.MINUTES)).hasToString("rate(1 minute)");
      assertThat(Schedule.rate(60, ChronoUnit.MINUTES)).hasToString("rate(60 minutes)");
      assertThat(Schedule.rate(1, ChronoUnit.HOURS)).hasToString("rate(1 hour)");
      assertThat(Schedule.rate(3, ChronoUnit.DAYS)).hasToString("rate(3 days)").isEqualTo(Schedule.parse("rate(3 days)"));
    }

    @Test
    void fromValueAndUnitRejectsOtherUnitsAndValues() {
      assertInvalid(() -> Schedule.rate(5, ChronoUnit.SECONDS), "schedule.rate.unit", "Seconds",
          "MINUTES, HOURS or DAYS");
      assertInvalid(() -> Schedule.rate(5, ChronoUnit.WEEKS), "schedule.rate.unit", "Weeks",
          "MINUTES, HOURS or DAYS");
      assertInvalid(() -> Schedule.rate(5, null), "schedule.rate.unit", null, "MINUTES, HOURS or DAYS");
      assertInvalid(() -> Schedule.rate(0, ChronoUnit.HOURS), "schedule.rate.value", "0",
          "a whole number from 1 to 2147483647");
      assertInvalid(() -> Schedule.rate(-3, ChronoUnit.HOURS), "schedule.rate.value", "-3",
          "a whole number from 1 to 2147483647");
      assertInvalid(() -> Schedule.rate(Integer.MAX_VALUE + 1L, ChronoUnit.MINUTES), "schedule.rate.value",
          "2147483648", "a whole number from 1 to 2147483647");
    }
  }

  @Nested
  class NeitherCronNorRate {
    @ParameterizedTest
    @ValueSource(strings = {"", "cron", "rate", "at(2024-01-01T00:00:00)", "cron(0 2 * * ? *", " rate(5 minutes)",
        "rate(5 minutes) ", "CRON(0 2 * * ? *)", "0 2 * * ? *"})
    void rejected(String expression) {
      assertInvalid(() -> Schedule.parse(expression), "schedule", expression, SHAPE);
    }

    @Test
    void nullRejected() {
      assertInvalid(() -> Schedule.parse(null), "schedule", null, SHAPE);
    }
  }

  @Nested
  class Properties {
    @Test
    void generatedCronExpressionsRoundTrip() {
      qt().forAll(cronFields()).checkAssert(fields -> {
        String expression = "cron(" + String.join(" ", fields) + ")";
        Schedule parsed = Schedule.parse(expression);
        Schedule.Cron built = Schedule.cron(fields.get(0), fields.get(1), fields.get(2), fields.get(3),
            fields.get(4), fields.get(5));
        assertThat(parsed.expression()).isEqualTo(expression);
        assertThat(parsed).isEqualTo(built);
        assertThat(Schedule.parse(built.expression())).isEqualTo(built);
        assertThat(Schedule.parse(expression.toLowerCase(Locale.ROOT).replace("cron(", "cron(  ").replace(" ", "  ")))
            .isEqualTo(built);
      });
    }

    @Test
    void generatedRateExpressionsRoundTrip() {
      qt().forAll(integers().between(1, Integer.MAX_VALUE), Generate.pick(List.of("minute", "hour", "day")))
          .checkAssert((value, unit) -> {
            String expression = "rate(" + value + " " + unit + (value == 1 ? "" : "s") + ")";
            Schedule parsed = Schedule.parse(expression);
            ChronoUnit chronoUnit = ChronoUnit.valueOf(unit.toUpperCase(Locale.ROOT) + "S");
            assertThat(parsed.expression()).isEqualTo(expression);
            assertThat(parsed).isEqualTo(Schedule.rate(value, chronoUnit));
            assertThat(parsed.interval()).contains(chronoUnit.getDuration().multipliedBy(value));
            assertThat(Schedule.parse(parsed.expression())).isEqualTo(parsed);
          });
    }

    @Test
    void rateFromDurationKeepsTheIntervalInTheLargestExactUnit() {
      qt().forAll(integers().between(1, 10_000_000)).checkAssert(minutes -> {
        Duration interval = Duration.ofMinutes(minutes);
        Schedule.Rate rate = Schedule.rate(interval);
        ChronoUnit expected = minutes % 1440 == 0 ? ChronoUnit.DAYS
            : minutes % 60 == 0 ? ChronoUnit.HOURS : ChronoUnit.MINUTES;
        assertThat(rate.interval()).contains(interval);
        assertThat(rate.unit()).isEqualTo(expected);
        assertThat(Schedule.parse(rate.expression())).isEqualTo(rate);
      });
    }

    @Test
    void outOfRangeNumbersAreRejectedNamingTheField() {
      List<String> names = List.of("minutes", "hours", "dayOfMonth", "month", "dayOfWeek", "year");
      List<String> allowed = List.of(MINUTES, HOURS, DAY_OF_MONTH, MONTH, DAY_OF_WEEK, YEAR);
      qt().forAll(cronFields(), integers().between(0, 5), integers().between(0, 9999))
          .checkAssert((fields, index, n) -> {
            int bad = switch (index) {
              case 0 -> 60 + n;
              case 1 -> 24 + n;
              case 2 -> n % 2 == 0 ? 0 : 32 + n;
              case 3 -> n % 2 == 0 ? 0 : 13 + n;
              case 4 -> n % 2 == 0 ? 0 : 8 + n;
              default -> n < 1970 ? n : 2200 + n;
            };
            List<String> withBad = new ArrayList<>(fields);
            withBad.set(index, String.valueOf(bad));
            assertInvalid(() -> Schedule.parse("cron(" + String.join(" ", withBad) + ")"),
                "schedule.cron." + names.get(index), String.valueOf(bad), allowed.get(index));
          });
    }

    @Test
    void bothOrNeitherQuestionMarkIsRejected() {
      Gen<String> cronWithoutDayQuestionMark = cronFields().zip(booleans().all(),
          (f, both) -> String.join(" ", f.get(0), f.get(1), both ? "?" : nonQuestion(f.get(2), "1"),
              f.get(3), both ? "?" : nonQuestion(f.get(4), "MON"), f.get(5)));
      qt().forAll(cronWithoutDayQuestionMark).checkAssert(fields -> {
        String expression = "cron(" + fields + ")";
        assertInvalid(() -> Schedule.parse(expression), "schedule.cron", expression, ONE_QUESTION_MARK);
      });
    }

    @Test
    void arbitraryTextOnlyEverThrowsValidationException() {
      Gen<String> cronLike = stringsOf("0123456789*,-/?LW# JANMONFRIX", 0, 40).map(s -> "cron(" + s + ")");
      Gen<String> rateLike = stringsOf("0123456789 minutehoursday-.", 0, 20).map(s -> "rate(" + s + ")");
      Gen<String> mutated = cronFields().map(f -> "cron(" + String.join(" ", f) + ")")
          .zip(integers().between(0, 60), stringsOf("0123456789*,-/?LW# \t\n", 0, 2), (text, at, insert) -> {
            int cut = Math.min(at, text.length());
            return text.substring(0, cut) + insert + text.substring(Math.min(cut + 1, text.length()));
          });
      qt().forAll(Generate.oneOf(cronLike, rateLike, mutated, strings().allPossible().ofLengthBetween(0, 30)))
          .checkAssert(text -> {
            Throwable thrown = catchThrowable(() -> {
              Schedule schedule = Schedule.parse(text);
              assertThat(Schedule.parse(schedule.expression())).isEqualTo(schedule);
              assertThat(schedule.expression()).isEqualTo(schedule.toString());
            });
            if (thrown != null) {
              assertThat(thrown).as(text).isExactlyInstanceOf(ValidationException.class);
            }
          });
    }
  }

  private static String nonQuestion(String field, String replacement) {
    return field.equals("?") ? replacement : field;
  }

  /** Six valid fields in canonical form; exactly one of day-of-month and day-of-week is '?'. */
  static Gen<List<String>> cronFields() {
    Gen<String> dayOfMonth = Generate.oneOf(
        list(1, 31, List.of(), 31),
        Generate.pick(List.of("L", "LW")),
        integers().between(1, 31).map(day -> day + "W"));
    Gen<String> dayValue = value(1, 7, DAYS);
    Gen<String> dayOfWeek = Generate.oneOf(
        list(1, 7, DAYS, 7),
        Generate.constant("L"),
        dayValue.map(day -> day + "L"),
        dayValue.zip(integers().between(1, 5), (day, nth) -> day + "#" + nth));
    Gen<List<String>> days = booleans().all().zip(dayOfMonth, dayOfWeek,
        (monthly, dom, dow) -> monthly ? List.of(dom, "?") : List.of("?", dow));
    return list(0, 59, List.of(), 59).zip(list(0, 23, List.of(), 23), days,
            list(1, 12, MONTHS, 12), (min, hour, d, month) -> List.of(min, hour, d.get(0), month, d.get(1)))
        .zip(list(1970, 2199, List.of(), 229), (five, year) -> List.of(
            five.get(0), five.get(1), five.get(2), five.get(3), five.get(4), year));
  }

  /** A comma-separated list of 1 to 3 items: '*', a value or a range, each optionally with '/increment'. */
  private static Gen<String> list(int min, int max, List<String> names, int maxStep) {
    Gen<String> value = value(min, max, names);
    Gen<String> base = Generate.oneOf(Generate.constant("*"), value, value.zip(value, (a, b) -> a + "-" + b));
    Gen<String> item = Generate.oneOf(base,
        base.zip(integers().between(1, maxStep), (b, step) -> b + "/" + step));
    return lists().of(item).ofSizeBetween(1, 3).map(items -> String.join(",", items));
  }

  private static Gen<String> value(int min, int max, List<String> names) {
    Gen<String> number = integers().between(min, max).map(n -> Integer.toString(n));
    return names.isEmpty() ? number : Generate.oneOf(number, Generate.pick(names));
  }
}
