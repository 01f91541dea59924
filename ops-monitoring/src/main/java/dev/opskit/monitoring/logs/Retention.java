package dev.opskit.monitoring.logs;

import dev.opskit.core.ValidationException;
import java.util.List;

/**
 * A log group's retention in days, one of the values CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120,
 * 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653.
 *
 * @param days the days
 */
public record Retention(int days) {
  /** The days CloudWatch Logs accepts (PutRetentionPolicy {@code retentionInDays}). */
  public static final List<Integer> ACCEPTED = List.of(
      1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  /**
   * Validates; throws {@link ValidationException} for any other number of days.
   *
   * @param days the days
   */
  public Retention {
    if (!ACCEPTED.contains(days)) {
      throw ValidationException.of("retentionInDays", days, "one of " + ACCEPTED);
    }
  }

  /**
   * A retention.
   *
   * @param days one of {@link #ACCEPTED}
   * @return the retention
   * @throws ValidationException for any other number
   */
  public static Retention days(int days) {
    return new Retention(days);
  }

  /** {@code 30 days}. */
  @Override
  public String toString() {
    return days + " days";
  }
}
