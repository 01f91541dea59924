package dev.opskit.backup;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table's point-in-time recovery.
 *
 * @param tableName the table
 * @param status {@code ENABLED}, {@code DISABLED} (AWS's words), or {@value DbSnapshot#PLANNED} in a dry run
 * @param earliestRestorable the earliest restorable time; null when disabled
 * @param latestRestorable the latest restorable time; null when disabled
 */
public record PitrStatus(
    String tableName, String status, @Nullable Instant earliestRestorable, @Nullable Instant latestRestorable) {

  /** Validates. */
  public PitrStatus {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(status, "status");
  }

  /** Whether DynamoDB reports point-in-time recovery {@code ENABLED}. */
  public boolean isEnabled() {
    return "ENABLED".equals(status);
  }
}
