package dev.opskit.backup;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When AWS Backup moves a recovery point to cold storage and when it deletes it, in whole days (AWS's
 * {@code Lifecycle}). As AWS requires, a recovery point moved to cold storage stays there at least 90 days
 * before it is deleted.
 *
 * @param moveToColdStorageAfter days after creation to move to cold storage ({@code MoveToColdStorageAfterDays}),
 *     1 to {@value #MAX_DAYS}; null for never
 * @param deleteAfter days after creation to delete ({@code DeleteAfterDays}), 1 to {@value #MAX_DAYS}; null for never
 * @param optInToArchiveForSupportedResources whether resource types that support the archive tier move there
 *     instead of cold storage ({@code OptInToArchiveForSupportedResources}); AWS's default is false
 */
public record BackupLifecycle(
    @Nullable Duration moveToColdStorageAfter, @Nullable Duration deleteAfter, boolean optInToArchiveForSupportedResources) {
  /** The longest lifecycle setting AWS Backup accepts, in days: 100 years. */
  public static final long MAX_DAYS = 36_500;

  /** The least time a recovery point stays in cold storage. */
  public static final Duration MIN_COLD_STORAGE = Duration.ofDays(90);

  /**
   * Validates: whole positive days, at most {@value #MAX_DAYS}; deletion at least 90 days after the move to cold storage.
   *
   * @param moveToColdStorageAfter days after creation to move to cold storage ({@code MoveToColdStorageAfterDays}),     1 to {@value #MAX_DAYS}; null for never
   * @param deleteAfter days after creation to delete ({@code DeleteAfterDays}), 1 to {@value #MAX_DAYS}; null for never
   * @param optInToArchiveForSupportedResources whether resource types that support the archive tier move there     instead of cold storage ({@code OptInToArchiveForSupportedResources}); AWS's default is false
   */
  public BackupLifecycle {
    days("moveToColdStorageAfter", moveToColdStorageAfter);
    days("deleteAfter", deleteAfter);
    if (moveToColdStorageAfter != null && deleteAfter != null
        && deleteAfter.compareTo(moveToColdStorageAfter.plus(MIN_COLD_STORAGE)) < 0) {
      throw ValidationException.of("deleteAfter", deleteAfter.toDays() + " days",
          "at least 90 days after moveToColdStorageAfter (" + moveToColdStorageAfter.toDays() + " days), so at least "
              + moveToColdStorageAfter.plus(MIN_COLD_STORAGE).toDays() + " days");
    }
  }

  /**
   * A lifecycle without the archive opt-in.
   *
   * @param moveToColdStorageAfter days to cold storage, or null for never
   * @param deleteAfter days to deletion, or null for never
   */
  public BackupLifecycle(@Nullable Duration moveToColdStorageAfter, @Nullable Duration deleteAfter) {
    this(moveToColdStorageAfter, deleteAfter, false);
  }

  private static void days(String field, @Nullable Duration value) {
    if (value != null && (value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(MAX_DAYS)) > 0
        || !value.equals(Duration.ofDays(value.toDays())))) {
      throw ValidationException.of(field, value, "a positive whole number of days, at most " + MAX_DAYS);
    }
  }

  /**
   * Deletes after a number of days.
   *
   * @param days days after creation
   * @return the lifecycle
   */
  public static BackupLifecycle deleteAfterDays(long days) {
    return new BackupLifecycle(null, Duration.ofDays(days("deleteAfter", days)));
  }

  /**
   * Moves to cold storage, then deletes.
   *
   * @param coldAfterDays days after creation to move to cold storage
   * @param deleteAfterDays days after creation to delete (at least {@code coldAfterDays + 90})
   * @return the lifecycle
   */
  public static BackupLifecycle coldThenDelete(long coldAfterDays, long deleteAfterDays) {
    return new BackupLifecycle(Duration.ofDays(days("moveToColdStorageAfter", coldAfterDays)),
        Duration.ofDays(days("deleteAfter", deleteAfterDays)));
  }

  /**
   * This lifecycle, moving resource types that support it to the archive tier instead of cold storage.
   *
   * @return the new lifecycle
   */
  public BackupLifecycle withArchiveOptIn() {
    return new BackupLifecycle(moveToColdStorageAfter, deleteAfter, true);
  }

  /** {@return whether it sets nothing (AWS keeps such recovery points forever, in warm storage)} */
  public boolean isEmpty() {
    return moveToColdStorageAfter == null && deleteAfter == null && !optInToArchiveForSupportedResources;
  }

  private static long days(String field, long days) {
    if (days < 1 || days > MAX_DAYS) {
      throw ValidationException.of(field, days + " days", "a positive whole number of days, at most " + MAX_DAYS);
    }
    return days;
  }
}
