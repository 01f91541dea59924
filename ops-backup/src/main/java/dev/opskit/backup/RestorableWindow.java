package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.time.Instant;

/**
 * The times an RDS instance can be restored to. {@code latest} is AWS's {@code LatestRestorableTime};
 * {@code earliest} is the current time minus the backup retention period, but not before the instance
 * was created (AWS does not report an earliest time for an instance; the oldest automated backup may be
 * a little younger, so a time very close to {@code earliest} can still be refused by AWS).
 *
 * @param earliest the earliest restorable time
 * @param latest the latest restorable time
 */
public record RestorableWindow(Instant earliest, Instant latest) {
  /** Validates. */
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
