package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.time.Instant;
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
    Checks.present("tableName", tableName, "a value (required)");
    Checks.present("status", status, "a value (required)");
  }

  /** Whether DynamoDB reports point-in-time recovery {@code ENABLED}. */
  public boolean isEnabled() {
    return "ENABLED".equals(status);
  }
}
