package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RDS's daily backup window, {@code hh24:mi-hh24:mi} in UTC, at least 30 minutes long; it may run past
 * midnight ({@code 23:45-00:15}).
 *
 * @param start when it opens (UTC)
 * @param end when it closes (UTC)
 */
public record BackupWindow(LocalTime start, LocalTime end) {
  static final Pattern FORMAT = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");
  static final String ALLOWED = "hh24:mi-hh24:mi in UTC, such as 03:00-04:00, at least 30 minutes long";
  private static final int DAY = 24 * 60;

  /**
   * Validates: whole minutes, at least 30 minutes long.
   *
   * @param start when it opens (UTC)
   * @param end when it closes (UTC)
   */
  public BackupWindow {
    Checks.present("backupWindow.start", start, "the time the window opens (UTC)");
    Checks.present("backupWindow.end", end, "the time the window closes (UTC)");
    String text = format(start) + "-" + format(end);
    if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
      throw ValidationException.of("backupWindow", start + "-" + end, ALLOWED);
    }
    if (lengthMinutes(start, end) < 30) {
      throw ValidationException.of("backupWindow", text, ALLOWED);
    }
  }

  /**
   * Parses AWS's form.
   *
   * @param text such as {@code 03:00-04:00}
   * @return the window
   * @throws ValidationException when the format is wrong or the window is shorter than 30 minutes
   */
  public static BackupWindow parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      throw ValidationException.of("backupWindow", text, ALLOWED);
    }
    return new BackupWindow(
        LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
        LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
  }

  /** {@return how long the window is open} */
  public Duration length() {
    return Duration.ofMinutes(lengthMinutes(start, end));
  }

  /** Minutes after midnight UTC at which the window opens. */
  int startMinute() {
    return start.getHour() * 60 + start.getMinute();
  }

  private static int lengthMinutes(LocalTime start, LocalTime end) {
    int s = start.getHour() * 60 + start.getMinute();
    int e = end.getHour() * 60 + end.getMinute();
    return Math.floorMod(e - s, DAY);
  }

  static String format(LocalTime time) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
  }

  /** AWS's form, {@code 03:00-04:00}. */
  @Override
  public String toString() {
    return format(start) + "-" + format(end);
  }
}
