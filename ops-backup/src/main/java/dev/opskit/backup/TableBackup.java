package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An on-demand DynamoDB backup.
 *
 * @param arn the backup ARN; null in a dry run
 * @param name the backup name
 * @param tableName the table backed up
 * @param status {@code CREATING}, {@code AVAILABLE}, {@code DELETED} (AWS's words), or {@value DbSnapshot#PLANNED}
 * @param createdAt when it was taken; null in a dry run
 * @param sizeBytes its size in bytes (0 when unknown)
 */
public record TableBackup(
    @Nullable String arn, String name, String tableName, String status, @Nullable Instant createdAt, long sizeBytes) {
  /** Validates. */
  public TableBackup {
    Checks.present("name", name, "a value (required)");
    Checks.present("tableName", tableName, "a value (required)");
    Checks.present("status", status, "a value (required)");
  }
}
