package dev.opskit.backup;

import dev.opskit.backup.internal.BackupsImpl;
import dev.opskit.core.OpsContext;

/**
 * Backup and recovery operations on one context. Obtain with {@link #using(OpsContext)}.
 *
 * <pre>{@code
 * Backups backups = Backups.using(ctx);
 * DbSnapshot snapshot = backups.rds("prod-database").snapshot();
 * backups.dynamoDb("user-sessions").enablePointInTimeRecovery();
 * System.out.println(backups.coverage().toText());
 * }</pre>
 *
 * <p>{@code Backups} and its parts are interfaces, so code that uses them can be tested with a stub.
 * The Mockito recipe (deep stubs give every part a mock of its own):
 *
 * <pre>{@code
 * Backups backups = Mockito.mock(Backups.class, Mockito.RETURNS_DEEP_STUBS);
 * Mockito.when(backups.rds("prod-database").snapshot()).thenReturn(new DbSnapshot(
 *     "prod-database-manual-20260101", "prod-database", DbSnapshot.Type.MANUAL, "available",
 *     Instant.parse("2026-01-01T02:00:00Z"), "postgres", 20, Map.of()));
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
   * @param instanceId the DB instance identifier, such as {@code prod-database}
   * @return the operations on that instance
   * @throws dev.opskit.core.ValidationException when the identifier is not one RDS accepts
   */
  RdsBackups rds(String instanceId);

  /**
   * Backups of one DynamoDB table.
   *
   * @param tableName the table, such as {@code user-sessions}
   * @return the operations on that table
   * @throws dev.opskit.core.ValidationException when the name is not one DynamoDB accepts
   */
  DynamoDbBackups dynamoDb(String tableName);

  /** AWS Backup: vaults, plans, selections, on-demand jobs and recovery points. */
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
  default S3Protection s3(dev.opskit.core.value.BucketName bucket) {
    return s3(dev.opskit.core.value.Checks.present("bucketName", bucket, "an S3 bucket name").value());
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
