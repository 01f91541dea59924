package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.TableName;
import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * An on-demand DynamoDB backup.
 *
 * @param arn the backup ARN
 * @param name the backup name
 * @param tableName the table backed up
 * @param status {@link TableBackupStatus#CREATING}, {@link TableBackupStatus#AVAILABLE} or {@link TableBackupStatus#DELETED}
 * @param createdAt when it was taken; null when AWS did not say
 * @param sizeBytes its size in bytes (0 when unknown)
 */
public record TableBackup(
    Arn arn, String name, TableName tableName, TableBackupStatus status, @Nullable Instant createdAt, long sizeBytes) {

  /**
   * Newest first (undated ones last). Listings come in AWS's order:
   * {@code table.backups().sorted(TableBackup.NEWEST_FIRST)}.
   */
  public static final Comparator<TableBackup> NEWEST_FIRST =
      Comparator.comparing(TableBackup::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed();

  /**
   * Validates.
   *
   * @param arn the backup ARN
   * @param name the backup name
   * @param tableName the table backed up
   * @param status {@link TableBackupStatus#CREATING}, {@link TableBackupStatus#AVAILABLE} or {@link TableBackupStatus#DELETED}
   * @param createdAt when it was taken; null when AWS did not say
   * @param sizeBytes its size in bytes (0 when unknown)
   */
  public TableBackup {
    Checks.present("arn", arn, "a value (required)");
    Checks.present("name", name, "a value (required)");
    Checks.present("tableName", tableName, "a value (required)");
    Checks.present("status", status, "a value (required)");
  }
}
