package dev.opskit.backup;

import java.time.Instant;
import java.util.List;

/**
 * Backups of one DynamoDB table: the guide's point-in-time recovery, and on-demand backups. Obtain with
 * {@link Backups#dynamoDb(String)}.
 */
public interface DynamoDbBackups {

  /** The table these operations act on. */
  String tableName();

  /**
   * Turns point-in-time recovery on ({@code UpdateContinuousBackups}) and waits until DynamoDB reports
   * it {@code ENABLED}. Sends nothing when it already is. In a dry run, returns status
   * {@value DbSnapshot#PLANNED}.
   *
   * @return the status read back
   * @throws dev.opskit.core.ResourceNotFoundException when the table does not exist
   */
  PitrStatus enablePointInTimeRecovery();

  /** The table's point-in-time recovery status and restorable window. Reads only. */
  PitrStatus pointInTimeRecovery();

  /**
   * Restores the table as it was at a time into a new table, and waits until the new table is
   * {@code ACTIVE}. The time is checked against the restorable window before any change.
   *
   * @param time inside {@link PitrStatus#earliestRestorable()} to {@link PitrStatus#latestRestorable()}
   * @param targetTable the new table's name
   * @return the new table
   * @throws dev.opskit.core.ValidationException when the time is outside the window, the name is invalid, or
   *     another table already has the name (checked before any change)
   * @throws dev.opskit.core.ResourceStateException when point-in-time recovery is off
   */
  TableSummary restoreToPointInTime(Instant time, String targetTable);

  /**
   * Restores the table as of its latest restorable time into a new table, waiting until it is ACTIVE.
   *
   * @param targetTable the new table's name
   * @return the new table
   * @throws dev.opskit.core.ValidationException when the name is invalid or another table already has it
   * @throws dev.opskit.core.ResourceStateException when point-in-time recovery is off
   */
  TableSummary restoreToLatestRestorableTime(String targetTable);

  /**
   * Takes an on-demand backup. DynamoDB's {@code CreateBackup} has no idempotency token, so when a
   * response is lost and the SDK retries, AWS makes a second backup of the same name; OpsKit then deletes
   * the extra one (a {@code dynamodb:DeleteBackup} in the audit trail), so one call leaves one backup.
   *
   * @param backupName 3 to 255 letters, digits, {@code _}, {@code .} and {@code -}
   * @return the backup as DynamoDB first reports it (status {@value DbSnapshot#PLANNED} in a dry run)
   */
  TableBackup createBackup(String backupName);

  /** Every on-demand backup of the table, across every page, newest first. */
  List<TableBackup> backups();

  /**
   * Deletes an on-demand backup of this table.
   *
   * @param backupArn the backup's ARN
   * @throws dev.opskit.core.ValidationException when the ARN is malformed or not a backup of this table
   */
  void deleteBackup(String backupArn);
}
