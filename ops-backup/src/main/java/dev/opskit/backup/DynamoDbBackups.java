package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.TableName;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Backups of one DynamoDB table: the guide's point-in-time recovery, and on-demand backups. Obtain with
 * {@link Backups#dynamoDb(String)}.
 *
 * <p>Every change goes through the context's gate and comes back as a {@link ChangeResult}: {@code Applied}
 * with the result, or {@code Planned} with the exact call in a dry run. DynamoDB takes no tags when it makes a
 * backup or restores a table, so the context's default tags are not applied to them.
 */
public interface DynamoDbBackups {

  /** {@return the table these operations act on} */
  TableName tableName();

  /**
   * Turns point-in-time recovery on ({@code UpdateContinuousBackups}) and waits until DynamoDB reports
   * it {@code ENABLED}. The request is sent even when it already is (AWS then changes nothing), with the
   * table's current recovery period, so that re-enabling never resets a period set elsewhere to AWS's
   * default of 35 days; the audit trail records each request.
   *
   * @return the status read back, {@code ENABLED}; {@code Planned} in a dry run
   * @throws dev.opskit.core.ResourceNotFoundException when the table does not exist
   */
  ChangeResult<PointInTimeRecovery> enablePointInTimeRecovery();

  /** {@return the table's point-in-time recovery status and restorable window. Reads only} */
  PointInTimeRecovery pointInTimeRecovery();

  /**
   * Restores the table as it was at a time into a new table, and waits until the new table is
   * {@code ACTIVE}. The time is checked against the restorable window before any change.
   *
   * @param time inside {@link PointInTimeRecovery#earliestRestorable()} to {@link PointInTimeRecovery#latestRestorable()}
   * @param targetTable the new table's name
   * @return the new table, active; {@code Planned} in a dry run
   * @throws dev.opskit.core.ValidationException when the time is null or outside the window (before any change)
   * @throws dev.opskit.core.ResourceStateException when point-in-time recovery is off, or another table already
   *     has the name (before any change)
   */
  ChangeResult<TableSummary> restoreToPointInTime(Instant time, TableName targetTable);

  /**
   * Restores the table as it was at a time into a new table.
   *
   * @param time inside the restorable window
   * @param targetTable the new table's name
   * @return the new table
   * @throws dev.opskit.core.ValidationException naming {@code targetTable} when DynamoDB would not accept it
   */
  default ChangeResult<TableSummary> restoreToPointInTime(Instant time, String targetTable) {
    return restoreToPointInTime(time, Checks.tableName("targetTable", targetTable));
  }

  /**
   * Restores the table as of its latest restorable time into a new table, waiting until it is ACTIVE.
   *
   * @param targetTable the new table's name
   * @return the new table, active; {@code Planned} in a dry run
   * @throws dev.opskit.core.ResourceStateException when point-in-time recovery is off, or another table already
   *     has the name
   */
  ChangeResult<TableSummary> restoreToLatestRestorableTime(TableName targetTable);

  /**
   * Restores the table as of its latest restorable time into a new table.
   *
   * @param targetTable the new table's name
   * @return the new table
   * @throws dev.opskit.core.ValidationException naming {@code targetTable} when DynamoDB would not accept it
   */
  default ChangeResult<TableSummary> restoreToLatestRestorableTime(String targetTable) {
    return restoreToLatestRestorableTime(Checks.tableName("targetTable", targetTable));
  }

  /**
   * Takes an on-demand backup. DynamoDB's {@code CreateBackup} has no idempotency token, so when a
   * response is lost and the SDK retries, AWS makes a second backup of the same name; OpsKit then deletes
   * the extra one (a {@code dynamodb:DeleteBackup} in the audit trail), so one call leaves one backup.
   *
   * @param backupName 3 to 255 letters, digits, {@code _}, {@code .} and {@code -}
   * @return the backup as DynamoDB first reports it; {@code Planned} in a dry run
   * @throws dev.opskit.core.ValidationException naming {@code backupName} when DynamoDB would not accept it
   */
  ChangeResult<TableBackup> createBackup(String backupName);

  /**
   * Every on-demand backup of the table, in the order DynamoDB lists them, read page by page as the stream
   * is consumed (constant memory); an error on any page comes out as an {@link dev.opskit.core.OpsException}.
   * Close the stream (try-with-resources) when not consuming it to the end; sort with
   * {@link TableBackup#NEWEST_FIRST}.
   *
   * @return the backups, lazily
   */
  Stream<TableBackup> backups();

  /**
   * Deletes an on-demand backup of this table.
   *
   * @param backupArn the backup's ARN
   * @return the backup as DynamoDB answered (status {@code DELETED}; no answer when a retried delete found it
   *     already gone); {@code Planned} in a dry run
   * @throws dev.opskit.core.ValidationException when the ARN is not that of a backup of this table
   */
  ChangeResult<TableBackup> deleteBackup(Arn backupArn);

  /**
   * Deletes an on-demand backup of this table.
   *
   * @param backupArn the backup's ARN
   * @return the backup as DynamoDB answered; {@code Planned} in a dry run
   * @throws dev.opskit.core.ValidationException naming {@code backupArn} when it is malformed or not a backup of
   *     this table
   */
  default ChangeResult<TableBackup> deleteBackup(String backupArn) {
    return deleteBackup(Checks.arn("backupArn", backupArn));
  }
}
