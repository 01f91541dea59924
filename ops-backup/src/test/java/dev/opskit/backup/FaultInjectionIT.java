package dev.opskit.backup;

import static dev.opskit.test.FaultInjectingProxy.action;
import static dev.opskit.test.FaultInjectingProxy.amzTarget;
import static dev.opskit.test.FaultInjectingProxy.method;
import static dev.opskit.test.FaultInjectingProxy.pathStartsWith;
import static dev.opskit.test.FaultInjectingProxy.queryParameter;

import dev.opskit.core.OpsContext;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Schedule;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy.Fault;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.faults.FaultKind;
import dev.opskit.test.faults.FaultSuite;
import dev.opskit.test.faults.MutatingOperation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Every mutating operation of ops-backup that moto supports, under every {@link FaultKind}, through the
 * fault-injecting proxy: afterwards the emulator shows the change exactly once or a typed OpsKit exception
 * was thrown, and the audit trail matches (see {@link FaultSuite}); desired-state applies are rows of their
 * own (a create, a tag change, an update, a delete). Not here because moto lacks them:
 * {@code AwsBackup.createSelection} and {@code selections(..).apply} (CreateBackupSelection,
 * DeleteBackupSelection), {@code plans().apply} of a changed plan (UpdateBackupPlan) and
 * {@code AwsBackup.startBackupJob} (StartBackupJob).
 *
 * <p>The last rows are the known-defect cases of issue 7: a same-name DynamoDB backup made by someone
 * else, the reads and deletes after a retried CreateBackup failing, and names already taken.
 */
@OpsEmulatorTest
class FaultInjectionIT {
  private static final String DB = "fi-db";
  private static final String TABLE = "fi-table";
  private static final Arn REPLICATION_ROLE = Arn.parse("arn:aws:iam::123456789012:role/replication");
  private static final AutomatedBackupSettings SETTINGS = AutomatedBackupSettings.builder()
      .retention(Duration.ofDays(7))
      .backupWindow("03:00-04:00")
      .maintenanceWindow("Sun:04:30-Sun:05:30")
      .copyTagsToSnapshot(true)
      .build();
  private static final ReplicationDefinition REPLICATION = ReplicationDefinition.of(REPLICATION_ROLE,
      BucketReplicationRule.of("replicate_all", "fi-replica", StorageClass.STANDARD_IA));
  private static final BackupPlanDefinition PLAN = BackupPlanDefinition.of("fi-plan",
      BackupPlanRule.of("daily", "fi-vault", Schedule.dailyAt(5, 0)).withLifecycle(BackupLifecycle.coldThenDelete(30, 120)));

  static final List<MutatingOperation> OPERATIONS = List.of(
      // RDS
      MutatingOperation.named("rds snapshot()")
          .given(direct -> Fixtures.instance(direct, DB, 7, Map.of("team", "ledger")))
          .changes(action("CreateDBSnapshot"))
          .call(ctx -> Backups.using(ctx).rds(DB).snapshot())
          .creates("a manual snapshot of " + DB, direct -> Fixtures.manualSnapshots(direct, DB).size())
          .build(),
      MutatingOperation.named("rds snapshot(name)")
          .given(direct -> Fixtures.instance(direct, DB, 7, Map.of()))
          .changes(action("CreateDBSnapshot"))
          .call(ctx -> Backups.using(ctx).rds(DB).snapshot(o -> o.name("fi-db-before-upgrade")))
          .creates("a manual snapshot of " + DB, direct -> Fixtures.manualSnapshots(direct, DB).size())
          .build(),
      MutatingOperation.named("rds restoreFromSnapshot")
          .given(direct -> {
            Fixtures.instance(direct, DB, 7, Map.of("team", "ledger"));
            Fixtures.rds(direct).createDBSnapshot(r -> r.dbInstanceIdentifier(DB).dbSnapshotIdentifier("fi-db-nightly"));
          })
          .changes(action("RestoreDBInstanceFromDBSnapshot"))
          .call(ctx -> Backups.using(ctx).rds(DB).restoreFromSnapshot("fi-db-nightly", "fi-db-copy"))
          .creates("a DB instance", FaultInjectionIT::instances)
          .build(),
      MutatingOperation.named("rds restoreToPointInTime")
          .given(direct -> Fixtures.instance(direct, DB, 7, Map.of()))
          .changes(action("RestoreDBInstanceToPointInTime"))
          .call(ctx -> {
            RdsBackups rds = Backups.using(ctx).rds(DB);
            RestorableWindow window = rds.restorableWindow();
            rds.restoreToPointInTime(window.latest(), "fi-db-pitr");
          })
          .creates("a DB instance", FaultInjectionIT::instances)
          .build(),
      MutatingOperation.named("rds restoreToLatestRestorableTime")
          .given(direct -> Fixtures.instance(direct, DB, 7, Map.of()))
          .changes(action("RestoreDBInstanceToPointInTime"))
          .call(ctx -> Backups.using(ctx).rds(DB).restoreToLatestRestorableTime("fi-db-latest"))
          .creates("a DB instance", FaultInjectionIT::instances)
          .build(),
      MutatingOperation.named("rds recover")
          .given(direct -> Fixtures.instance(direct, DB, 7, Map.of("team", "ledger")))
          .changes(action("RestoreDBInstanceToPointInTime"))
          .call(ctx -> Backups.using(ctx).rds(DB).recover(r -> r.restorePoint(RestorePoint.latest()).newInstanceId("fi-db-recovered")))
          .creates("a DB instance", FaultInjectionIT::instances)
          .build(),
      MutatingOperation.named("rds configureAutomatedBackups")
          .given(direct -> Fixtures.instance(direct, DB, 1, Map.of()))
          .changes(action("ModifyDBInstance"))
          .call(ctx -> Backups.using(ctx).rds(DB).configureAutomatedBackups(SETTINGS))
          .makes("retention 7 days and backup window 03:00-04:00 on " + DB, direct -> {
            DBInstance live = Fixtures.rds(direct).describeDBInstances(r -> r.dbInstanceIdentifier(DB)).dbInstances().get(0);
            return live.backupRetentionPeriod() == 7 && "03:00-04:00".equals(live.preferredBackupWindow());
          })
          .build(),
      MutatingOperation.named("rds prune")
          .given(direct -> {
            Fixtures.instance(direct, DB, 7, Map.of());
            Fixtures.rds(direct).createDBSnapshot(r -> r.dbInstanceIdentifier(DB).dbSnapshotIdentifier("fi-db-old"));
            Fixtures.rds(direct).createDBSnapshot(r -> r.dbInstanceIdentifier(DB).dbSnapshotIdentifier("fi-db-new"));
          })
          .changes(action("DeleteDBSnapshot"))
          .call(ctx -> Backups.using(ctx).rds(DB).prune(PrunePolicy.keepLast(1)))
          .deletes("a manual snapshot of " + DB, direct -> Fixtures.manualSnapshots(direct, DB).size())
          .build(),

      // DynamoDB
      MutatingOperation.named("dynamodb enablePointInTimeRecovery")
          .given(direct -> Fixtures.table(direct, TABLE))
          .changes(amzTarget("DynamoDB_20120810.UpdateContinuousBackups"))
          .call(ctx -> Backups.using(ctx).dynamoDb(TABLE).enablePointInTimeRecovery())
          .makes("point-in-time recovery enabled on " + TABLE, FaultInjectionIT::pitrEnabled)
          .build(),
      MutatingOperation.named("dynamodb restoreToPointInTime")
          .given(FaultInjectionIT::tableWithPitr)
          .changes(amzTarget("DynamoDB_20120810.RestoreTableToPointInTime"))
          .call(ctx -> {
            DynamoDbBackups table = Backups.using(ctx).dynamoDb(TABLE);
            table.restoreToPointInTime(table.pointInTimeRecovery().latestRestorable(), "fi-table-restored");
          })
          .creates("a table", FaultInjectionIT::tables)
          .build(),
      MutatingOperation.named("dynamodb restoreToLatestRestorableTime")
          .given(FaultInjectionIT::tableWithPitr)
          .changes(amzTarget("DynamoDB_20120810.RestoreTableToPointInTime"))
          .call(ctx -> Backups.using(ctx).dynamoDb(TABLE).restoreToLatestRestorableTime("fi-table-latest"))
          .creates("a table", FaultInjectionIT::tables)
          .build(),
      MutatingOperation.named("dynamodb createBackup")
          .given(direct -> Fixtures.table(direct, TABLE))
          .changes(amzTarget("DynamoDB_20120810.CreateBackup"))
          .call(ctx -> Backups.using(ctx).dynamoDb(TABLE).createBackup("fi-nightly"))
          .creates("an on-demand backup of " + TABLE, FaultInjectionIT::tableBackups)
          .build(),
      MutatingOperation.named("dynamodb deleteBackup")
          .given(direct -> {
            Fixtures.table(direct, TABLE);
            Fixtures.dynamo(direct).createBackup(r -> r.tableName(TABLE).backupName("fi-old"));
          })
          .changes(amzTarget("DynamoDB_20120810.DeleteBackup"))
          .call(ctx -> {
            DynamoDbBackups table = Backups.using(ctx).dynamoDb(TABLE);
            table.deleteBackup(Fixtures.backups(ctx, TABLE).get(0).arn());
          })
          .deletes("an on-demand backup of " + TABLE, FaultInjectionIT::tableBackups)
          .build(),

      // AWS Backup
      MutatingOperation.named("backup createVault")
          .changes(method("PUT").and(pathStartsWith("/backup-vaults/")))
          .call(ctx -> Backups.using(ctx).awsBackup().createVault("fi-vault"))
          .creates("a backup vault", FaultInjectionIT::vaults)
          .build(),
      MutatingOperation.named("backup vaults().apply, a missing vault")
          .changes(method("PUT").and(pathStartsWith("/backup-vaults/")))
          .call(ctx -> Backups.using(ctx).awsBackup().vaults().apply(List.of(BackupVaultDefinition.of("fi-vault"))))
          .creates("a backup vault", FaultInjectionIT::vaults)
          .build(),
      MutatingOperation.named("backup vaults().apply, a tag changed")
          .given(direct -> backup(direct).createBackupVault(r -> r.backupVaultName("fi-vault").backupVaultTags(Map.of("team", "a"))))
          .changes(method("POST").and(pathStartsWith("/tags/")))
          .call(ctx -> Backups.using(ctx).awsBackup().vaults().apply(List.of(
              BackupVaultDefinition.of("fi-vault").withTags(Map.of("team", "b")))))
          .makes("tag team=b on fi-vault", direct -> {
            String arn = backup(direct).describeBackupVault(r -> r.backupVaultName("fi-vault")).backupVaultArn();
            return Map.of("team", "b").equals(backup(direct).listTags(r -> r.resourceArn(arn)).tags());
          })
          .build(),
      MutatingOperation.named("backup createPlan")
          .given(direct -> backup(direct).createBackupVault(r -> r.backupVaultName("fi-vault")))
          .changes(method("PUT").and(pathStartsWith("/backup/plans")))
          .call(ctx -> Backups.using(ctx).awsBackup().createPlan(PLAN))
          .creates("a backup plan", FaultInjectionIT::plans)
          .build(),
      MutatingOperation.named("backup plans().apply, a missing plan")
          .given(direct -> backup(direct).createBackupVault(r -> r.backupVaultName("fi-vault")))
          .changes(method("PUT").and(pathStartsWith("/backup/plans")))
          .call(ctx -> Backups.using(ctx).awsBackup().plans().apply(List.of(PLAN)))
          .creates("a backup plan", FaultInjectionIT::plans)
          .build(),

      // S3
      MutatingOperation.named("s3 versioning().enable")
          .given(direct -> Fixtures.bucket(direct, "fi-bucket"))
          .changes(method("PUT").and(queryParameter("versioning")))
          .call(ctx -> Backups.using(ctx).s3("fi-bucket").versioning().enable())
          .makes("versioning enabled on fi-bucket", direct -> versioning(direct, "fi-bucket") == BucketVersioningStatus.ENABLED)
          .build(),
      MutatingOperation.named("s3 versioning().suspend")
          .given(direct -> {
            Fixtures.bucket(direct, "fi-bucket");
            Fixtures.s3(direct).putBucketVersioning(r -> r.bucket("fi-bucket").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
          })
          .changes(method("PUT").and(queryParameter("versioning")))
          .call(ctx -> Backups.using(ctx).s3("fi-bucket").versioning().suspend())
          .makes("versioning suspended on fi-bucket", direct -> versioning(direct, "fi-bucket") == BucketVersioningStatus.SUSPENDED)
          .build(),
      MutatingOperation.named("s3 replication().apply")
          .given(FaultInjectionIT::versionedPair)
          .changes(method("PUT").and(queryParameter("replication")))
          .call(ctx -> Backups.using(ctx).s3("fi-source").replication().apply(List.of(REPLICATION)))
          .makes("replication configured on fi-source", direct -> hasReplication(direct, "fi-source"))
          .build(),
      MutatingOperation.named("s3 replication().apply, none defined")
          .given(direct -> {
            versionedPair(direct);
            Fixtures.s3(direct).putBucketReplication(r -> r.bucket("fi-source").replicationConfiguration(c -> c
                .role(REPLICATION_ROLE.toString())
                .rules(software.amazon.awssdk.services.s3.model.ReplicationRule.builder().id("replicate_all").status("Enabled")
                    .priority(1).filter(f -> f.prefix("")).deleteMarkerReplication(d -> d.status("Disabled"))
                    .destination(d -> d.bucket("arn:aws:s3:::fi-replica")).build())));
          })
          .changes(method("DELETE").and(queryParameter("replication")))
          .call(ctx -> Backups.using(ctx).s3("fi-source").replication().apply(List.of()))
          .makes("no replication on fi-source", direct -> !hasReplication(direct, "fi-source"))
          .build(),

      // Issue 7, defect 1: a same-name backup that another client made seconds earlier is not ours to delete.
      MutatingOperation.named("dynamodb createBackup, another client's same-name backup made just before")
          .given(direct -> {
            Fixtures.table(direct, TABLE);
            Fixtures.dynamo(direct).createBackup(r -> r.tableName(TABLE).backupName("fi-nightly"));
          })
          .changes(amzTarget("DynamoDB_20120810.CreateBackup"))
          .call(ctx -> Backups.using(ctx).dynamoDb(TABLE).createBackup("fi-nightly"))
          .creates("an on-demand backup of " + TABLE, FaultInjectionIT::tableBackups)
          .build(),
      // Issue 7, defect 2: what follows a retried CreateBackup fails; the audit must say what the caller saw.
      MutatingOperation.named("dynamodb createBackup, ListBackups throttled")
          .given(direct -> Fixtures.table(direct, TABLE))
          .changes(amzTarget("DynamoDB_20120810.CreateBackup"))
          .alsoInjecting(amzTarget("DynamoDB_20120810.ListBackups"), Fault.throttling())
          .call(ctx -> Backups.using(ctx).dynamoDb(TABLE).createBackup("fi-nightly"))
          .creates("an on-demand backup of " + TABLE, FaultInjectionIT::tableBackups)
          .build(),
      MutatingOperation.named("dynamodb createBackup, DeleteBackup failing")
          .given(direct -> Fixtures.table(direct, TABLE))
          .changes(amzTarget("DynamoDB_20120810.CreateBackup"))
          .alsoInjecting(amzTarget("DynamoDB_20120810.DeleteBackup"), Fault.serverError())
          .call(ctx -> Backups.using(ctx).dynamoDb(TABLE).createBackup("fi-nightly"))
          .creates("an on-demand backup of " + TABLE, FaultInjectionIT::tableBackups)
          .build(),
      // Issue 7, defect 3: "already exists" on a request that was not a retry of ours is not success.
      MutatingOperation.named("rds snapshot(name), the name taken by an earlier snapshot of the instance")
          .given(direct -> {
            Fixtures.instance(direct, DB, 7, Map.of());
            Fixtures.rds(direct).createDBSnapshot(r -> r.dbInstanceIdentifier(DB).dbSnapshotIdentifier("fi-db-before-upgrade"));
          })
          .changes(action("CreateDBSnapshot"))
          .call(ctx -> Backups.using(ctx).rds(DB).snapshot(o -> o.name("fi-db-before-upgrade")))
          .creates("a manual snapshot of " + DB, direct -> Fixtures.manualSnapshots(direct, DB).size())
          .build(),
      MutatingOperation.named("dynamodb restoreToPointInTime, the target restored earlier to another time")
          .given(direct -> {
            tableWithPitr(direct);
            Fixtures.dynamo(direct).restoreTableToPointInTime(r -> r.sourceTableName(TABLE).targetTableName("fi-table-restored")
                .useLatestRestorableTime(true));
          })
          .changes(amzTarget("DynamoDB_20120810.RestoreTableToPointInTime"))
          .call(ctx -> {
            DynamoDbBackups table = Backups.using(ctx).dynamoDb(TABLE);
            table.restoreToPointInTime(table.pointInTimeRecovery().earliestRestorable(), "fi-table-restored");
          })
          .creates("a table", FaultInjectionIT::tables)
          .build());

  static Stream<Object[]> rows() {
    return FaultSuite.matrix(OPERATIONS);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("rows")
  void eachMutatingOperationMakesItsChangeOnceOrFailsTypedAndAuditsWhatTheCallerSaw(
      MutatingOperation operation, FaultKind fault, Emulator emulator) {
    FaultSuite.check(emulator, operation, fault);
  }

  private static int instances(OpsContext direct) {
    return Fixtures.rds(direct).describeDBInstances().dbInstances().size();
  }

  private static void tableWithPitr(OpsContext direct) {
    Fixtures.table(direct, TABLE);
    Fixtures.dynamo(direct).updateContinuousBackups(r -> r.tableName(TABLE)
        .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
  }

  private static boolean pitrEnabled(OpsContext direct) {
    return Fixtures.dynamo(direct).describeContinuousBackups(r -> r.tableName(TABLE)).continuousBackupsDescription()
        .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
  }

  private static int tables(OpsContext direct) {
    return Fixtures.dynamo(direct).listTables().tableNames().size();
  }

  private static int tableBackups(OpsContext direct) {
    return (int) Fixtures.dynamo(direct).listBackups(r -> r.tableName(TABLE)).backupSummaries().stream()
        .filter(b -> b.backupStatus() != BackupStatus.DELETED)
        .count();
  }

  private static BackupClient backup(OpsContext direct) {
    return direct.client(BackupClient.class, BackupClient::builder);
  }

  private static int vaults(OpsContext direct) {
    return backup(direct).listBackupVaults().backupVaultList().size();
  }

  private static int plans(OpsContext direct) {
    return backup(direct).listBackupPlans().backupPlansList().size();
  }

  private static BucketVersioningStatus versioning(OpsContext direct, String bucket) {
    return Fixtures.s3(direct).getBucketVersioning(r -> r.bucket(bucket)).status();
  }

  private static void versionedPair(OpsContext direct) {
    for (String bucket : List.of("fi-source", "fi-replica")) {
      Fixtures.bucket(direct, bucket);
      Fixtures.s3(direct).putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    }
  }

  private static boolean hasReplication(OpsContext direct, String bucket) {
    try {
      return !Fixtures.s3(direct).getBucketReplication(r -> r.bucket(bucket)).replicationConfiguration().rules().isEmpty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
