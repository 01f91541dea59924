package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.value.TableName;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table's point-in-time recovery: its status and restorable window.
 *
 * @param tableName the table
 * @param status {@link PitrStatus#ENABLED} or {@link PitrStatus#DISABLED}
 * @param earliestRestorable the earliest restorable time; null when disabled
 * @param latestRestorable the latest restorable time; null when disabled
 */
public record PointInTimeRecovery(
    TableName tableName, PitrStatus status, @Nullable Instant earliestRestorable, @Nullable Instant latestRestorable) {

  /**
   * Validates.
   *
   * @param tableName the table
   * @param status {@link PitrStatus#ENABLED} or {@link PitrStatus#DISABLED}
   * @param earliestRestorable the earliest restorable time; null when disabled
   * @param latestRestorable the latest restorable time; null when disabled
   */
  public PointInTimeRecovery {
    Checks.present("tableName", tableName, "a value (required)");
    Checks.present("status", status, "a value (required)");
  }

  /** {@return whether DynamoDB reports point-in-time recovery {@code ENABLED}} */
  public boolean isEnabled() {
    return status.equals(PitrStatus.ENABLED);
  }

  /**
   * Whether a time is inside the restorable window, ends included.
   *
   * @param time the time
   * @return false when disabled or outside
   */
  public boolean contains(Instant time) {
    return earliestRestorable != null && latestRestorable != null
        && !time.isBefore(earliestRestorable) && !time.isAfter(latestRestorable);
  }
}
