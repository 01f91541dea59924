package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RDS instance's weekly maintenance window ({@code PreferredMaintenanceWindow}),
 * {@code ddd:hh24:mi-ddd:hh24:mi} in UTC (days {@code Mon} to {@code Sun}, any case), at least 30 minutes
 * long. Named for RDS so it is not taken for ops-monitoring's pause of alarm actions.
 *
 * @param startDay the day it opens
 * @param start the time it opens (UTC)
 * @param endDay the day it closes
 * @param end the time it closes (UTC)
 */
public record RdsMaintenanceWindow(DayOfWeek startDay, LocalTime start, DayOfWeek endDay, LocalTime end) {
  private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)";
  private static final String TIME = "([01]\\d|2[0-3]):([0-5]\\d)";
  private static final Pattern FORMAT = Pattern.compile("(?i)" + DAY + ":" + TIME + "-" + DAY + ":" + TIME);
  static final String ALLOWED =
      "ddd:hh24:mi-ddd:hh24:mi in UTC with days Mon to Sun, such as Sun:04:00-Sun:05:00, at least 30 minutes long";
  static final int WEEK = 7 * 24 * 60;
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /**
   * Validates: whole minutes, at least 30 minutes long.
   *
   * @param startDay the day it opens
   * @param start the time it opens (UTC)
   * @param endDay the day it closes
   * @param end the time it closes (UTC)
   */
  public RdsMaintenanceWindow {
    Checks.present("maintenanceWindow.startDay", startDay, "the day the window opens");
    Checks.present("maintenanceWindow.start", start, "the time the window opens (UTC)");
    Checks.present("maintenanceWindow.endDay", endDay, "the day the window closes");
    Checks.present("maintenanceWindow.end", end, "the time the window closes (UTC)");
    if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0
        || Math.floorMod(minuteOfWeek(endDay, end) - minuteOfWeek(startDay, start), WEEK) < 30) {
      throw ValidationException.of("maintenanceWindow", text(startDay, start, endDay, end), ALLOWED);
    }
  }

  /**
   * Parses AWS's form.
   *
   * @param text such as {@code Sun:04:00-Sun:05:00}
   * @return the window
   * @throws ValidationException when the format is wrong or the window is shorter than 30 minutes
   */
  public static RdsMaintenanceWindow parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      throw ValidationException.of("maintenanceWindow", text, ALLOWED);
    }
    return new RdsMaintenanceWindow(
        day(m.group(1)), LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
        day(m.group(4)), LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
  }

  /** {@return how long the window is open} */
  public Duration length() {
    return Duration.ofMinutes(lengthMinutes());
  }

  /**
   * Whether the daily backup window overlaps this window for a moment (windows that only touch, one
   * closing when the other opens, do not overlap).
   *
   * @param backup the backup window
   * @return true when they overlap
   */
  public boolean overlaps(BackupWindow backup) {
    int m1 = minuteOfWeek(startDay, start);
    int m2 = m1 + lengthMinutes();
    int length = (int) backup.length().toMinutes();
    for (int day = 0; day < 7; day++) {
      int b1 = day * 24 * 60 + backup.startMinute();
      int b2 = b1 + length;
      for (int shift = -WEEK; shift <= WEEK; shift += WEEK) {
        if (Math.max(m1, b1 + shift) < Math.min(m2, b2 + shift)) {
          return true;
        }
      }
    }
    return false;
  }

  private int lengthMinutes() {
    return Math.floorMod(minuteOfWeek(endDay, end) - minuteOfWeek(startDay, start), WEEK);
  }

  private static int minuteOfWeek(DayOfWeek day, LocalTime time) {
    return (day.getValue() - 1) * 24 * 60 + time.getHour() * 60 + time.getMinute();
  }

  private static DayOfWeek day(String text) {
    return DayOfWeek.of(DAYS.indexOf(text.toLowerCase(Locale.ROOT)) + 1);
  }

  private static String text(DayOfWeek startDay, LocalTime start, DayOfWeek endDay, LocalTime end) {
    return DAYS.get(startDay.getValue() - 1) + ":" + BackupWindow.format(start)
        + "-" + DAYS.get(endDay.getValue() - 1) + ":" + BackupWindow.format(end);
  }

  /** AWS's form in lower case, as RDS reports it: {@code sun:04:00-sun:05:00}. */
  @Override
  public String toString() {
    return text(startDay, start, endDay, end);
  }
}
