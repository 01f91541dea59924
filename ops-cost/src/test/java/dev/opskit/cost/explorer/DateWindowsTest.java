package dev.opskit.cost.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.opskit.core.ValidationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Acceptance 6 (date windows): validation accepts exactly the valid windows, computed independently here. */
class DateWindowsTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

  @Nested
  class Properties {
    /** Days from 2020-01-01 to 2030-12-31, for today, start and end. */
    private final Gen<LocalDate> days = integers().between(0, 4017).map(n -> LocalDate.parse("2020-01-01").plusDays(n));
    private final Gen<Granularity> granularities = integers().between(0, 2)
        .map(i -> List.of(Granularity.HOURLY, Granularity.DAILY, Granularity.MONTHLY).get(i));

    @Test
    void checkAcceptsExactlyThePeriodsInsideTheWindow() {
      qt().forAll(days, integers().between(-500, 1200), integers().between(1, 800), granularities)
          .checkAssert((today, startOffset, length, granularity) -> {
            for (boolean multiYear : new boolean[] {false, true}) {
              LocalDate start = today.minusDays(startOffset);
              TimePeriod period = TimePeriod.of(start, start.plusDays(length));
              boolean valid = independentlyValid(period, granularity, multiYear, today);
              if (valid) {
                DateWindows.check(period, granularity, multiYear, today);
              } else {
                assertThatThrownBy(() -> DateWindows.check(period, granularity, multiYear, today))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining(" to " + today + " (today by the context clock)");
              }
              assertThat(DateWindows.isAllowed(period, granularity, multiYear, today)).isEqualTo(valid);
            }
          });
    }

    @Test
    void theEdgesOfEveryWindowAreExact() {
      qt().forAll(days, granularities).checkAssert((today, granularity) -> {
        for (boolean multiYear : new boolean[] {false, true}) {
          TimePeriod window = DateWindows.allowed(granularity, multiYear, today);
          DateWindows.check(window, granularity, multiYear, today);
          DateWindows.check(TimePeriod.of(today, window.end()), granularity, multiYear, today);
          TimePeriod earlier = TimePeriod.of(window.start().minusDays(1), window.end());
          TimePeriod later = TimePeriod.of(window.start(), window.end().plusDays(1));
          TimePeriod startingTomorrow = TimePeriod.of(today.plusDays(1), window.end().plusDays(1));
          assertThat(DateWindows.isAllowed(earlier, granularity, multiYear, today)).isFalse();
          assertThat(DateWindows.isAllowed(later, granularity, multiYear, today)).isFalse();
          assertThat(DateWindows.isAllowed(startingTomorrow, granularity, multiYear, today)).isFalse();
        }
      });
    }

    /** The rules of the AWS documentation, written without DateWindows' arithmetic. */
    private boolean independentlyValid(TimePeriod p, Granularity g, boolean multiYear, LocalDate today) {
      if (p.start().isAfter(today)) {
        return false;
      }
      if (g == Granularity.HOURLY) {
        return ChronoUnit.DAYS.between(p.start(), today) <= 14 && !p.end().isAfter(today.plusDays(1));
      }
      long monthsBack = (today.getYear() - p.start().getYear()) * 12L + today.getMonthValue() - p.start().getMonthValue();
      long reach = g == Granularity.MONTHLY && multiYear ? 38 : 13;
      LocalDate firstOfNextMonth = LocalDate.of(today.getYear(), today.getMonth(), 1).plusMonths(1);
      return monthsBack <= reach && !p.end().isAfter(firstOfNextMonth);
    }
  }

  @Test
  void theGuidesJanuary2024IsHistoryAndTheMessageSaysWhatIsAllowedToday() {
    TimePeriod guide = TimePeriod.parse("2024-01-01", "2024-01-31");

    assertThatThrownBy(() -> DateWindows.check(guide, Granularity.DAILY, false, TODAY))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid timePeriod.start: '2024-01-01'. Allowed: DAILY periods that start from 2025-11-01 to"
            + " 2026-12-01 (today by the context clock) and end by 2027-01-01 (exclusive): 13 months back plus the"
            + " current month");
  }

  @Test
  void multiYearReachesThirtyEightMonthsBackForMonthlyOnly() {
    TimePeriod old = TimePeriod.parse("2023-10-01", "2023-11-01");

    DateWindows.check(old, Granularity.MONTHLY, true, TODAY);
    assertThatThrownBy(() -> DateWindows.check(old, Granularity.MONTHLY, false, TODAY))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("13 months back plus the current month (38 with the multi-year opt-in)");
    assertThatThrownBy(() -> DateWindows.check(old, Granularity.DAILY, true, TODAY))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("the multi-year opt-in covers MONTHLY data only");
  }

  @Test
  void hourlyReachesFourteenDays() {
    assertThatThrownBy(() -> DateWindows.check(TimePeriod.parse("2026-11-16", "2026-11-18"), Granularity.HOURLY, false,
        TODAY))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid timePeriod.start: '2026-11-16'. Allowed: HOURLY periods that start from 2026-11-17 to"
            + " 2026-12-01 (today by the context clock) and end by 2026-12-02 (exclusive): the last 14 days (hourly data"
            + " is opt-in)");
  }

  @Test
  void aStartAfterTodayIsRefused() {
    assertThatThrownBy(() -> DateWindows.check(TimePeriod.parse("2026-12-02", "2026-12-05"), Granularity.DAILY, false,
        TODAY))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid timePeriod.start: '2026-12-02'. Allowed: DAILY periods that start from"
            + " 2025-11-01 to 2026-12-01 (today by the context clock)");
  }

  @Test
  void anEndThatIsNotAfterTheStartIsRefused() {
    assertThatThrownBy(() -> TimePeriod.parse("2026-11-05", "2026-11-05"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid timePeriod.end: '2026-11-05'. Allowed: a day after the start 2026-11-05 (the end is"
            + " exclusive: End=2026-11-06 covers one day)");
  }
}
