package dev.opskit.backup;

import dev.opskit.backup.internal.BackupsImpl;
import dev.opskit.backup.internal.Checks;
import dev.opskit.core.OpsContext;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.TableName;

/**
 * Backup and recovery operations on one context. Obtain with {@link #using(OpsContext)}.
 *
 * <pre>{@code
 * Backups backups = Backups.using(ctx);
 * ChangeResult<DbSnapshot> snapshot = backups.rds("prod-database").snapshot();
 * backups.dynamoDb("user-sessions").enablePointInTimeRecovery();
 * System.out.println(backups.coverage().toText());
 * }</pre>
 *
 * <p>Every operation that changes something returns a {@link dev.opskit.core.change.ChangeResult} (or, for
 * desired state, an {@link dev.opskit.core.change.ApplyResult}): {@code Applied} with the result, or, on a
 * dry-run context, {@code Planned} with the exact call that would have been made. That is the one dry-run
 * signal; no result carries a "planned" status.
 *
 * <p>{@code Backups} and its parts are interfaces, so code that uses them can be tested with a stub.
 * The Mockito recipe (deep stubs give every part a mock of its own; {@code ChangeResult} is sealed, so Mockito
 * cannot make a deep stub of it, and methods returning one are stubbed with {@code doReturn}):
 *
 * <pre>{@code
 * Backups backups = Mockito.mock(Backups.class, Mockito.RETURNS_DEEP_STUBS);
 * DbSnapshot snapshot = new DbSnapshot("prod-database-manual-20260101", DbInstanceId.of("prod-database"),
 *     DbSnapshot.Type.MANUAL, DbSnapshotStatus.AVAILABLE, Instant.parse("2026-01-01T02:00:00Z"), "postgres", 20, Map.of());
 * RdsBackups rds = backups.rds("prod-database");          // the part first, then doReturn on it
 * Mockito.doReturn(new ChangeResult.Applied<>(snapshot, null, false,
 *     new PlannedCall("rds:CreateDBSnapshot", snapshot.id(), Map.of()))).when(rds).snapshot();
 * MyNightlyJob job = new MyNightlyJob(backups);   // the code under test takes Backups
 * job.run();
 * Mockito.verify(backups.rds("prod-database")).snapshot();
 * }</pre>
 */
public interface Backups {

  /**
   * The backup operations of a context.
   *
   * @param ctx the context (region, credentials, dry run, audit...)
   * @return the operations
   */
  static Backups using(OpsContext ctx) {
    return new BackupsImpl(ctx);
  }

  /**
   * Backups of one RDS DB instance.
   *
   * @param dbInstanceId the DB instance identifier
   * @return the operations on that instance
   */
  RdsBackups rds(DbInstanceId dbInstanceId);

  /**
   * Backups of one RDS DB instance.
   *
   * @param dbInstanceId the DB instance identifier, such as {@code prod-database}
   * @return the operations on that instance
   * @throws dev.opskit.core.ValidationException naming {@code dbInstanceId} when RDS would not accept it
   */
  default RdsBackups rds(String dbInstanceId) {
    return rds(Checks.dbInstanceId("dbInstanceId", dbInstanceId));
  }

  /**
   * Backups of one DynamoDB table.
   *
   * @param tableName the table
   * @return the operations on that table
   */
  DynamoDbBackups dynamoDb(TableName tableName);

  /**
   * Backups of one DynamoDB table.
   *
   * @param tableName the table, such as {@code user-sessions}
   * @return the operations on that table
   * @throws dev.opskit.core.ValidationException naming {@code tableName} when DynamoDB would not accept it
   */
  default DynamoDbBackups dynamoDb(String tableName) {
    return dynamoDb(Checks.tableName("tableName", tableName));
  }

  /** {@return AWS Backup: vaults, plans, selections, on-demand jobs and recovery points} */
  AwsBackup awsBackup();

  /**
   * Versioning and replication of one S3 bucket.
   *
   * @param bucket the bucket name
   * @return the operations on that bucket
   * @throws dev.opskit.core.ValidationException when the name is not one S3 accepts
   */
  S3Protection s3(String bucket);

  /**
   * Versioning and replication of one S3 bucket.
   *
   * @param bucket the bucket name
   * @return the operations on that bucket
   */
  default S3Protection s3(BucketName bucket) {
    return s3(Checks.present("bucket", bucket, "a bucket name").value());
  }

  /**
   * Scans the account (this context's region) for resources without backups: RDS instances with
   * automated backups off, DynamoDB tables without point-in-time recovery, S3 buckets without versioning
   * or replication. Reads only.
   *
   * @return the report
   */
  CoverageReport coverage();
}
