package dev.opskit.benchmarks;

import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanRule;
import dev.opskit.backup.Backups;
import dev.opskit.backup.BucketReplicationRule;
import dev.opskit.backup.ReplicationDefinition;
import dev.opskit.backup.RestorePoint;
import dev.opskit.backup.S3Protection;
import dev.opskit.core.OpsContext;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Schedule;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.Dashboards;
import dev.opskit.monitoring.dashboard.Widget;
import dev.opskit.monitoring.logs.LogGroupDefinition;
import dev.opskit.monitoring.logs.Logs;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The guide's procedures, each twice: as the guide's AWS CLI commands and through OpsKit, with the state it
 * needs made first (directly, not timed).
 */
final class Procedures {
  private Procedures() {}

  /**
   * One procedure.
   *
   * @param name its name in the table
   * @param setup makes what it needs, untimed
   * @param opskit the procedure through OpsKit
   * @param cli the guide's commands ({@code aws} and its arguments, one list per command)
   */
  record Procedure(String name, Consumer<OpsContext> setup, Consumer<OpsContext> opskit, List<List<String>> cli) {}

  static final String DB = "prod-database";
  static final String ALARM_ACTION = "arn:aws:sns:us-east-1:123456789012:critical-alerts";
  /** The guide's replication: {@code aws_s3_bucket.main}, {@code aws_s3_bucket.replica}, {@code aws_iam_role.replication}. */
  static final String SOURCE_BUCKET = "app-data";
  static final String REPLICA_BUCKET = "app-data-replica";
  static final String REPLICATION_ROLE = "arn:aws:iam::123456789012:role/replication";
  /**
   * The replication configuration both sides send, the guide's rule as S3's current schema has it: what
   * OpsKit's {@code PutBucketReplication} carries (whole bucket, delete markers not replicated, priority 1).
   */
  static final String REPLICATION_JSON = "{\"Role\":\"" + REPLICATION_ROLE + "\",\"Rules\":[{\"ID\":\"replicate_all\","
      + "\"Status\":\"Enabled\",\"Priority\":1,\"Filter\":{\"Prefix\":\"\"},"
      + "\"DeleteMarkerReplication\":{\"Status\":\"Disabled\"},"
      + "\"Destination\":{\"Bucket\":\"arn:aws:s3:::" + REPLICA_BUCKET + "\",\"StorageClass\":\"STANDARD_IA\"}}]}";
  static final String API_LOG_GROUP = "/aws/ecs/api-service";
  static final String LAMBDA_LOG_GROUP = "/aws/lambda/data-processor";

  static final List<Procedure> ALL = List.of(
      new Procedure("snapshot-and-wait", Procedures::instance,
          ctx -> Backups.using(ctx).rds(DB).snapshot(o -> o.name("prod-db-manual-20260101").waitUntilAvailable(true)),
          List.of(
              List.of("rds", "create-db-snapshot", "--db-instance-identifier", DB, "--db-snapshot-identifier", "prod-db-manual-20260101"),
              List.of("rds", "wait", "db-snapshot-available", "--db-snapshot-identifier", "prod-db-manual-20260101"))),
      new Procedure("restore from snapshot", Procedures::instanceWithSnapshot,
          ctx -> Backups.using(ctx).rds(DB).restoreFromSnapshot("prod-db-backup-20240101", "restored-database"),
          List.of(
              List.of("rds", "restore-db-instance-from-db-snapshot", "--db-instance-identifier", "restored-database",
                  "--db-snapshot-identifier", "prod-db-backup-20240101"),
              List.of("rds", "wait", "db-instance-available", "--db-instance-identifier", "restored-database"))),
      // OpsKit's restore waits until the instance is available; the guide pairs the restore with that wait.
      new Procedure("PITR restore", Procedures::instance,
          ctx -> Backups.using(ctx).rds(DB).restoreToLatestRestorableTime("recovered-database"),
          List.of(
              List.of("rds", "restore-db-instance-to-point-in-time", "--source-db-instance-identifier", DB,
                  "--target-db-instance-identifier", "recovered-database", "--use-latest-restorable-time"),
              List.of("rds", "wait", "db-instance-available", "--db-instance-identifier", "recovered-database"))),
      new Procedure("recovery script", Procedures::instance,
          ctx -> Backups.using(ctx).rds(DB).recover(r -> r.restorePoint(RestorePoint.latest()).newInstanceId("recovered-database")),
          List.of(
              List.of("rds", "restore-db-instance-to-point-in-time", "--source-db-instance-identifier", DB,
                  "--target-db-instance-identifier", "recovered-database", "--use-latest-restorable-time"),
              List.of("rds", "wait", "db-instance-available", "--db-instance-identifier", "recovered-database"))),
      new Procedure("DynamoDB PITR enable+restore", Procedures::table,
          ctx -> {
            var table = Backups.using(ctx).dynamoDb("user-sessions");
            table.enablePointInTimeRecovery();
            table.restoreToLatestRestorableTime("user-sessions-restored");
          },
          List.of(
              List.of("dynamodb", "update-continuous-backups", "--table-name", "user-sessions",
                  "--point-in-time-recovery-specification", "PointInTimeRecoveryEnabled=true"),
              List.of("dynamodb", "restore-table-to-point-in-time", "--source-table-name", "user-sessions",
                  "--target-table-name", "user-sessions-restored", "--use-latest-restorable-time"))),
      new Procedure("vault+plan", ctx -> { },
          ctx -> {
            var aws = Backups.using(ctx).awsBackup();
            aws.createVault("efs-backup-vault");
            aws.createPlan(BackupPlanDefinition.of("efs-backup-plan",
                BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))));
          },
          List.of(
              List.of("backup", "create-backup-vault", "--backup-vault-name", "efs-backup-vault"),
              List.of("backup", "create-backup-plan", "--backup-plan", "{\"BackupPlanName\":\"efs-backup-plan\",\"Rules\":["
                  + "{\"RuleName\":\"daily\",\"TargetBackupVaultName\":\"efs-backup-vault\","
                  + "\"ScheduleExpression\":\"cron(0 5 * * ? *)\"}]}"))),
      new Procedure("alarms+dashboard", ctx -> { },
          ctx -> {
            Alarms alarms = Alarms.using(ctx);
            alarms.apply(alarms.plan(AlarmPresets.guide(), ManagedBy.tag("managed-by", "opskit")));
            Dashboards.using(ctx).apply(List.of(DashboardDefinition.builder("operations")
                .widget(Widget.text("# Operations")).build()));
            try (var all = alarms.list()) {
              all.forEach(alarm -> { });
            }
          },
          List.of(
              List.of("cloudwatch", "put-metric-alarm", "--alarm-name", "HighCPUUtilization", "--comparison-operator",
                  "GreaterThanThreshold", "--evaluation-periods", "2", "--metric-name", "CPUUtilization", "--namespace",
                  "AWS/EC2", "--period", "300", "--statistic", "Average", "--threshold", "80", "--alarm-actions", ALARM_ACTION),
              List.of("cloudwatch", "put-metric-alarm", "--alarm-name", "DatabaseConnectionFailures", "--comparison-operator",
                  "GreaterThanThreshold", "--evaluation-periods", "1", "--metric-name", "DatabaseConnections", "--namespace",
                  "AWS/RDS", "--period", "60", "--statistic", "Maximum", "--threshold", "80"),
              List.of("cloudwatch", "put-metric-alarm", "--alarm-name", "HighMemoryUsage", "--comparison-operator",
                  "GreaterThanThreshold", "--evaluation-periods", "3", "--metric-name", "MemoryUtilization", "--namespace",
                  "CWAgent", "--period", "300", "--statistic", "Average", "--threshold", "70"),
              List.of("cloudwatch", "put-dashboard", "--dashboard-name", "operations", "--dashboard-body",
                  "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":24,\"height\":2,"
                      + "\"properties\":{\"markdown\":\"# Operations\"}}]}"),
              List.of("cloudwatch", "describe-alarms"))),
      // S3 requires versioning on the destination too; the guide's HCL has it on the source (depends_on).
      new Procedure("replication", Procedures::buckets,
          ctx -> {
            S3Protection source = Backups.using(ctx).s3(SOURCE_BUCKET);
            source.versioning().enable();
            Backups.using(ctx).s3(REPLICA_BUCKET).versioning().enable();
            source.replication().apply(List.of(ReplicationDefinition.of(Arn.parse(REPLICATION_ROLE),
                BucketReplicationRule.of("replicate_all", REPLICA_BUCKET, StorageClass.STANDARD_IA))));
          },
          List.of(
              List.of("s3api", "put-bucket-versioning", "--bucket", SOURCE_BUCKET, "--versioning-configuration", "Status=Enabled"),
              List.of("s3api", "put-bucket-versioning", "--bucket", REPLICA_BUCKET, "--versioning-configuration", "Status=Enabled"),
              List.of("s3api", "put-bucket-replication", "--bucket", SOURCE_BUCKET, "--replication-configuration",
                  REPLICATION_JSON))),
      // The guide's lines: two log groups, a retention of 30 days on the first.
      new Procedure("log retention", ctx -> { },
          ctx -> {
            Logs logs = Logs.using(ctx);
            logs.apply(logs.plan(List.of(LogGroupDefinition.of(API_LOG_GROUP, 30),
                LogGroupDefinition.neverExpiring(LAMBDA_LOG_GROUP))));
          },
          List.of(
              List.of("logs", "create-log-group", "--log-group-name", API_LOG_GROUP),
              List.of("logs", "create-log-group", "--log-group-name", LAMBDA_LOG_GROUP),
              List.of("logs", "put-retention-policy", "--log-group-name", API_LOG_GROUP, "--retention-in-days", "30"))));

  /** One read, for the whole-process comparison of a single call. */
  static final Procedure ONE_CALL = new Procedure("one call (DescribeAlarms)", ctx -> { },
      ctx -> {
        try (var all = Alarms.using(ctx).list()) {
          all.forEach(alarm -> { });
        }
      },
      List.of(List.of("cloudwatch", "describe-alarms")));

  static Procedure named(String name) {
    if (ONE_CALL.name().equals(name)) {
      return ONE_CALL;
    }
    return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no procedure " + name));
  }

  private static void instance(OpsContext direct) {
    direct.client(RdsClient.class, RdsClient::builder).createDBInstance(r -> r.dbInstanceIdentifier(DB)
        .engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("opsadmin")
        .masterUserPassword("Bench-Pa55word-1").backupRetentionPeriod(7));
  }

  private static void instanceWithSnapshot(OpsContext direct) {
    instance(direct);
    direct.client(RdsClient.class, RdsClient::builder).createDBSnapshot(r -> r.dbInstanceIdentifier(DB)
        .dbSnapshotIdentifier("prod-db-backup-20240101"));
  }

  private static void buckets(OpsContext direct) {
    S3Client s3 = direct.client(S3Client.class, S3Client::builder);
    s3.createBucket(r -> r.bucket(SOURCE_BUCKET));
    s3.createBucket(r -> r.bucket(REPLICA_BUCKET));
  }

  private static void table(OpsContext direct) {
    direct.client(DynamoDbClient.class, DynamoDbClient::builder).createTable(r -> r.tableName("user-sessions")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }
}
