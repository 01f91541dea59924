package dev.opskit.backup.internal;

import dev.opskit.backup.AwsBackup;
import dev.opskit.backup.Backups;
import dev.opskit.backup.CoverageReport;
import dev.opskit.backup.DynamoDbBackups;
import dev.opskit.backup.RdsBackups;
import dev.opskit.backup.S3Protection;
import dev.opskit.core.OpsContext;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.TableName;
import java.util.Objects;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The entry point: hands out the parts, each with the context's cached SDK client. */
public final class BackupsImpl implements Backups {
  private final OpsContext ctx;

  /**
   * Creates the entry point.
   *
   * @param ctx the context
   */
  public BackupsImpl(OpsContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public RdsBackups rds(DbInstanceId dbInstanceId) {
    return new RdsBackupsImpl(ctx, rds(), Checks.present("dbInstanceId", dbInstanceId, "a DB instance identifier"));
  }

  @Override
  public DynamoDbBackups dynamoDb(TableName tableName) {
    return new DynamoDbBackupsImpl(ctx, dynamo(), Checks.present("tableName", tableName, "a table name"));
  }

  @Override
  public AwsBackup awsBackup() {
    return new AwsBackupImpl(ctx, ctx.client(BackupClient.class, BackupClient::builder));
  }

  @Override
  public S3Protection s3(String bucket) {
    return new S3ProtectionImpl(ctx, s3(), bucket);
  }

  @Override
  public CoverageReport coverage() {
    return new CoverageScanner(ctx, rds(), dynamo(), s3()).scan();
  }

  private RdsClient rds() {
    return ctx.client(RdsClient.class, RdsClient::builder);
  }

  private DynamoDbClient dynamo() {
    return ctx.client(DynamoDbClient.class, DynamoDbClient::builder);
  }

  private S3Client s3() {
    return ctx.client(S3Client.class, S3Client::builder);
  }
}
