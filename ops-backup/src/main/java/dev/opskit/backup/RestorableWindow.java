package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.time.Instant;

/**
 * The times an RDS instance can be restored to: the {@code RestoreWindow} ({@code EarliestTime},
 * {@code LatestTime}) AWS reports for the instance's automated backup in DescribeDBInstanceAutomatedBackups.
 * When AWS reports no window (no automated backup listed yet, or one without a {@code RestoreWindow}, as an
 * emulator may answer), it is estimated: {@code latest} is the instance's {@code LatestRestorableTime} and
 * {@code earliest} the current time minus the backup retention period, but not before the instance was
 * created (the oldest automated backup may be younger, so AWS can still refuse a time near that estimate).
 *
 * @param earliest the earliest restorable time
 * @param latest the latest restorable time
 */
public record RestorableWindow(Instant earliest, Instant latest) {
  /**
   * Validates.
   *
   * @param earliest the earliest restorable time
   * @param latest the latest restorable time
   */
  public RestorableWindow {
    Checks.present("earliest", earliest, "a value (required)");
    Checks.present("latest", latest, "a value (required)");
  }

  /**
   * Whether a time is inside the window, ends included.
   *
   * @param time the time
   * @return true when {@code earliest <= time <= latest}
   */
  public boolean contains(Instant time) {
    return !time.isBefore(earliest) && !time.isAfter(latest);
  }

  @Override
  public String toString() {
    return "[" + earliest + ", " + latest + "]";
  }
}
