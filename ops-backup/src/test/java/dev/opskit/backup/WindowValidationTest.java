package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.opskit.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowValidationTest {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private static String hhmm(int h, int m) {
    return String.format(Locale.ROOT, "%02d:%02d", h, m);
  }

  private static boolean accepts(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  @Nested
  class BackupWindows {
    @Test
    void acceptExactlyTheValidInputs() {
      qt().forAll(integers().between(0, 26), integers().between(0, 61), integers().between(0, 26), integers().between(0, 61))
          .checkAssert((h1, m1, h2, m2) -> {
            String text = hhmm(h1, m1) + "-" + hhmm(h2, m2);
            boolean wellFormed = h1 < 24 && m1 < 60 && h2 < 24 && m2 < 60;
            boolean longEnough = wellFormed && Math.floorMod((h2 * 60 + m2) - (h1 * 60 + m1), 24 * 60) >= 30;
            assertThat(accepts(() -> BackupWindow.parse(text))).as(text).isEqualTo(longEnough);
          });
    }

    @Test
    void acceptExactlyTheWindowsOfAtLeastThirtyMinutesAroundTheBoundary() {
      qt().forAll(integers().between(0, 1439), integers().between(0, 60)).checkAssert((start, length) -> {
        int end = (start + length) % 1440;
        String text = hhmm(start / 60, start % 60) + "-" + hhmm(end / 60, end % 60);
        assertThat(accepts(() -> BackupWindow.parse(text))).as(text).isEqualTo(length >= 30);
      });
    }

    @ParameterizedTest
    @ValueSource(strings = {"3:00-04:00", "03:00-04:00 ", "03:00", "03-04", "0300-0400", "03:00-03:29", "24:00-01:00", ""})
    void rejectMalformedOrShortWindowsNamingTheRule(String text) {
      assertThatThrownBy(() -> BackupWindow.parse(text))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Invalid backupWindow: '" + text + "'")
          .hasMessageContaining("hh24:mi-hh24:mi in UTC")
          .hasMessageContaining("at least 30 minutes");
    }

    @Test
    void anAbsentTimeIsAValidationError() {
      assertThatThrownBy(() -> new BackupWindow(LocalTime.of(3, 0), null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid backupWindow.end: null. Allowed: the time the window closes (UTC)");
      assertThatThrownBy(() -> new BackupWindow(null, LocalTime.of(4, 0)))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid backupWindow.start: null. Allowed: the time the window opens (UTC)");
      assertThatThrownBy(() -> AutomatedBackupSettings.builder().backupWindow((BackupWindow) null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid backupWindow: null. Allowed: hh24:mi-hh24:mi in UTC");
    }

    @Test
    void mayRunPastMidnight() {
      assertThat(BackupWindow.parse("23:45-00:15").length()).isEqualTo(Duration.ofMinutes(30));
    }
  }

  @Nested
  class MaintenanceWindows {
    @Test
    void acceptExactlyTheValidInputs() {
      qt().forAll(integers().between(0, 6), integers().between(0, 25), integers().between(0, 6), integers().between(0, 25))
          .checkAssert((d1, h1, d2, h2) -> {
            int m1 = (h1 * 7) % 61;
            int m2 = (h2 * 13) % 61;
            String text = DAYS.get(d1) + ":" + hhmm(h1, m1) + "-" + DAYS.get(d2).toUpperCase(Locale.ROOT) + ":" + hhmm(h2, m2);
            boolean wellFormed = h1 < 24 && m1 < 60 && h2 < 24 && m2 < 60;
            int length = Math.floorMod((d2 * 1440 + h2 * 60 + m2) - (d1 * 1440 + h1 * 60 + m1), 7 * 1440);
            assertThat(accepts(() -> RdsMaintenanceWindow.parse(text))).as(text).isEqualTo(wellFormed && length >= 30);
          });
    }

    @Test
    void acceptExactlyTheWindowsOfAtLeastThirtyMinutesAroundTheBoundary() {
      qt().forAll(integers().between(0, 7 * 1440 - 1), integers().between(0, 60)).checkAssert((start, length) -> {
        int end = (start + length) % (7 * 1440);
        String text = DAYS.get(start / 1440) + ":" + hhmm((start % 1440) / 60, start % 60) + "-"
            + DAYS.get(end / 1440) + ":" + hhmm((end % 1440) / 60, end % 60);
        assertThat(accepts(() -> RdsMaintenanceWindow.parse(text))).as(text).isEqualTo(length >= 30);
      });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sun:04:00-Sun:04:29", "Sunday:04:00-Sunday:05:00", "sun:4:00-sun:05:00", "Xyz:04:00-Sun:05:00"})
    void rejectMalformedOrShortWindows(String text) {
      assertThatThrownBy(() -> RdsMaintenanceWindow.parse(text))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Invalid maintenanceWindow: '")
          .hasMessageContaining("ddd:hh24:mi-ddd:hh24:mi");
    }

    @Test
    void anAbsentDayOrTimeIsAValidationError() {
      assertThatThrownBy(() -> new RdsMaintenanceWindow(DayOfWeek.SUNDAY, null, DayOfWeek.SUNDAY, LocalTime.of(5, 0)))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid maintenanceWindow.start: null. Allowed: the time the window opens (UTC)");
      assertThatThrownBy(() -> new RdsMaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(4, 0), null, LocalTime.of(5, 0)))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessage("Invalid maintenanceWindow.endDay: null. Allowed: the day the window closes");
      assertThatThrownBy(() -> AutomatedBackupSettings.builder().maintenanceWindow((RdsMaintenanceWindow) null))
          .isExactlyInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid maintenanceWindow: null. Allowed: ddd:hh24:mi-ddd:hh24:mi in UTC");
    }

    @Test
    void theGuidesWindowsTouchButDoNotOverlap() {
      assertThat(RdsMaintenanceWindow.parse("Sun:04:00-Sun:05:00").overlaps(BackupWindow.parse("03:00-04:00"))).isFalse();
      assertThat(RdsMaintenanceWindow.parse("Sun:04:00-Sun:05:00").overlaps(BackupWindow.parse("03:00-04:01"))).isTrue();
      assertThat(RdsMaintenanceWindow.parse("Sun:23:30-Mon:00:30").overlaps(BackupWindow.parse("00:00-01:00"))).isTrue();
      assertThat(RdsMaintenanceWindow.parse("Sat:23:30-Sun:00:30").overlaps(BackupWindow.parse("23:00-23:30"))).isFalse();
      assertThat(RdsMaintenanceWindow.parse("Sun:23:30-Mon:00:30").overlaps(BackupWindow.parse("23:45-00:15"))).isTrue();
    }

    @Test
    void overlapAgreesWithAMinuteByMinuteCheck() {
      qt().withExamples(300).forAll(integers().between(0, 7 * 1440 - 1), integers().between(30, 600),
              integers().between(0, 1439), integers().between(30, 300))
          .checkAssert((ms, length, backupStart, backupLength) -> {
            int day = ms / 1440;
            int start = ms % 1440;
            int me = ms + length;
            RdsMaintenanceWindow m = RdsMaintenanceWindow.parse(DAYS.get(day) + ":" + hhmm(start / 60, start % 60) + "-"
                + DAYS.get((me / 1440) % 7) + ":" + hhmm((me % 1440) / 60, me % 60));
            int be = backupStart + backupLength;
            BackupWindow b = BackupWindow.parse(hhmm(backupStart / 60, backupStart % 60) + "-" + hhmm((be % 1440) / 60, be % 60));
            boolean expected = false;
            for (int minute = ms; minute < me && !expected; minute++) {
              int ofDay = Math.floorMod(minute, 1440);
              expected = Math.floorMod(ofDay - backupStart, 1440) < backupLength;
            }
            assertThat(m.overlaps(b)).as(m + " vs " + b).isEqualTo(expected);
          });
    }
  }

  @Nested
  class Settings {
    @Test
    void retentionAcceptsExactlyZeroToThirtyFiveDays() {
      qt().forAll(integers().between(-100, 100)).checkAssert(days ->
          assertThat(accepts(() -> AutomatedBackupSettings.builder().retention(Duration.ofDays(days))))
              .as("%d days", days).isEqualTo(days >= 0 && days <= 35));
    }

    @Test
    void negativeRetentionNamesTheValueAndTheRange() {
      assertThatThrownBy(() -> AutomatedBackupSettings.builder().retention(Duration.ofDays(-1)))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid retention: '-1 days'. Allowed: a whole number of days from 0 to 35 (0 turns automated backups off)");
      assertThatThrownBy(() -> AutomatedBackupSettings.builder().retention(Duration.ofHours(30)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Invalid retention: 'PT30H'");
    }

    @Test
    void overlappingWindowsAreRejected() {
      assertThatThrownBy(() -> AutomatedBackupSettings.builder().backupWindow("04:30-05:30").maintenanceWindow("Sun:04:00-Sun:05:00").build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid backupWindow: '04:30-05:30'. Allowed: a window that does not overlap the maintenance window sun:04:00-sun:05:00");
    }

    @Test
    void theGuidesSettingsAreAccepted() {
      AutomatedBackupSettings s = AutomatedBackupSettings.builder().retention(Duration.ofDays(7)).backupWindow("03:00-04:00")
          .maintenanceWindow("Sun:04:00-Sun:05:00").copyTagsToSnapshot(true).build();
      assertThat(s.toBuilder().build()).isEqualTo(s);
      assertThat(s.maintenanceWindow()).map(Object::toString).contains("sun:04:00-sun:05:00");
    }
  }
}
