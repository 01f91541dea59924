package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanRule;
import dev.opskit.backup.PrunePolicy;
import dev.opskit.backup.PruneResult;
import dev.opskit.backup.RecoveryRequest;
import dev.opskit.backup.RestorePoint;
import dev.opskit.backup.SnapshotOptions;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.TableName;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.AlreadyExistsException;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeRequest;

/**
 * Bad input is refused with a {@link ValidationException} naming the field, the value and what is
 * allowed, before any request (or at least before any mutating request) reaches AWS: the SDK clients are
 * Mockito stubs, and the tests verify which calls were made.
 */
class InputValidationTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext ctx = OpsContext.builder()
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
      .clock(new TestClock(NOW))
      .auditSink(audit)
      .build();

  @AfterEach
  void close() {
    ctx.close();
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessage(message);
  }

  @Nested
  class Rds {
    private final RdsClient rds = mock(RdsClient.class);

    private DBInstance instance(String id, String... tag) {
      return DBInstance.builder().dbInstanceIdentifier(id).dbInstanceStatus("available").engine("postgres")
          .dbInstanceClass("db.t3.micro").backupRetentionPeriod(7).latestRestorableTime(NOW.minusSeconds(300))
          .instanceCreateTime(NOW.minus(Duration.ofDays(30)))
          .tagList(tag.length == 0 ? java.util.List.of()
              : java.util.List.of(software.amazon.awssdk.services.rds.model.Tag.builder().key(tag[0]).value(tag[1]).build()))
          .build();
    }

    private void instances(DBInstance... existing) {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenAnswer(call -> {
        String id = call.getArgument(0, DescribeDbInstancesRequest.class).dbInstanceIdentifier();
        for (DBInstance i : existing) {
          if (i.dbInstanceIdentifier().equals(id)) {
            return DescribeDbInstancesResponse.builder().dbInstances(i).build();
          }
        }
        throw software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException.builder().statusCode(404)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBInstanceNotFound").errorMessage("not found").build()).build();
      });
    }

    @Test
    void malformedIdentifiersAndAMissingTimeAreRefusedBeforeAnyRequest() {
      RdsBackupsImpl backups = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database"));

      assertThatThrownBy(() -> backups.restoreFromSnapshot("bad_snapshot!", "prod-database-copy"))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid snapshotId: 'bad_snapshot!'. Allowed: ");
      assertThatThrownBy(() -> backups.restoreFromSnapshot("good-snapshot", "1-new"))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid newInstanceId: '1-new'. Allowed: ");
      assertThatThrownBy(() -> backups.restoreToPointInTime(null, "prod-database-copy"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid restoreTime: null. Allowed: a time inside the instance's restorable window");
      assertThatThrownBy(() -> backups.configureAutomatedBackups(o -> o.retention(Duration.ofDays(36))))
          .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid retention: '36 days'");
      assertThatThrownBy(() -> backups.configureAutomatedBackups(o -> o.backupWindow("3:00-4:00")))
          .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid backupWindow: '3:00-4:00'");
      assertThatThrownBy(() -> backups.snapshot(o -> o.timeout(Duration.ZERO)))
          .isInstanceOf(ValidationException.class).hasMessage("Invalid timeout: 'PT0S'. Allowed: a positive duration of at most 365 days");
      verifyNoInteractions(rds);
      assertThat(audit.events()).isEmpty();
    }

    @Test
    void aMalformedIdentifierIsNamedAsTheParameterTheCallerPassed() {
      RdsBackupsImpl backups = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database"));
      String hyphens = ". Allowed: no two consecutive hyphens";

      assertInvalid(() -> backups.restoreToLatestRestorableTime("Restored--DB"), "newInstanceId",
          "Invalid newInstanceId: 'Restored--DB'" + hyphens);
      assertInvalid(() -> backups.restoreToPointInTime(NOW, "Restored--DB"), "newInstanceId",
          "Invalid newInstanceId: 'Restored--DB'" + hyphens);
      assertInvalid(() -> backups.restoreFromSnapshot("nightly", "Restored--DB"), "newInstanceId",
          "Invalid newInstanceId: 'Restored--DB'" + hyphens);
      assertInvalid(() -> backups.restoreFromSnapshot("nightly--1", "copy"), "snapshotId",
          "Invalid snapshotId: 'nightly--1'" + hyphens);
      assertInvalid(() -> RecoveryRequest.builder().newInstanceId("Restored--DB"), "newInstanceId",
          "Invalid newInstanceId: 'Restored--DB'" + hyphens);
      assertInvalid(() -> RestorePoint.snapshot("nightly--1"), "snapshotId", "Invalid snapshotId: 'nightly--1'" + hyphens);
      assertInvalid(() -> SnapshotOptions.builder().name("before--upgrade"), "name", "Invalid name: 'before--upgrade'" + hyphens);
      assertInvalid(() -> dev.opskit.backup.Backups.using(ctx).rds("prod--database"), "dbInstanceId",
          "Invalid dbInstanceId: 'prod--database'" + hyphens);
      verifyNoInteractions(rds);
      assertThat(audit.events()).isEmpty();
    }

    @Test
    void restoreOptionsAreCheckedBeforeAnyRequest() {
      RdsBackupsImpl backups = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database"));
      String allowed = ". Allowed: an RDS instance class such as db.t3.micro (db. followed by lower-case letters, digits,"
          + " dots and hyphens, at most 64 characters)";

      for (String bad : new String[] {"", "t3.micro", "DB.T3.MICRO", "db.", "db..micro", "db.t3.", "db.t3 micro",
          "db." + "a".repeat(62), "db.t3.micro\n"}) {
        assertThatThrownBy(() -> backups.restoreFromSnapshot("nightly", "prod-database-copy", o -> o.instanceClass(bad)))
            .isInstanceOf(ValidationException.class).hasMessage("Invalid instanceClass: '" + bad + "'" + allowed);
      }
      assertThatThrownBy(() -> backups.restoreFromSnapshot("nightly", "prod-database-copy", o -> o.instanceClass(null)))
          .isInstanceOf(ValidationException.class).hasMessage("Invalid instanceClass: null" + allowed);
      assertThatThrownBy(() -> backups.restoreFromSnapshot("nightly", "prod-database-copy", o -> o.timeout(Duration.ofSeconds(-1))))
          .isInstanceOf(ValidationException.class).hasMessage("Invalid timeout: 'PT-1S'. Allowed: a positive duration of at most 365 days");
      assertThatThrownBy(() -> backups.restoreFromSnapshot("nightly", "prod-database-copy",
              (java.util.function.Consumer<dev.opskit.backup.RestoreOptions.Builder>) null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid options: null. Allowed: a function that sets the restore options, such as o -> o.instanceClass(\"db.t3.micro\")");
      assertThatThrownBy(() -> backups.restoreFromSnapshot("nightly", "prod-database-copy", (dev.opskit.backup.RestoreOptions) null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid options: null. Allowed: restore options, such as RestoreOptions.builder().build()");
      assertThat(dev.opskit.backup.RestoreOptions.builder().instanceClass("db.x2iedn.metal-24xl").build().instanceClass())
          .contains("db.x2iedn.metal-24xl");
      verifyNoInteractions(rds);
      assertThat(audit.events()).isEmpty();
    }

    @Test
    void aTimeOutsideTheRestorableWindowIsRefusedBeforeTheRestore() {
      instances(instance("prod-database"));
      when(rds.describeDBInstanceAutomatedBackupsPaginator(any(DescribeDbInstanceAutomatedBackupsRequest.class))).thenCallRealMethod();
      when(rds.describeDBInstanceAutomatedBackups(any(DescribeDbInstanceAutomatedBackupsRequest.class)))
          .thenReturn(DescribeDbInstanceAutomatedBackupsResponse.builder().build());
      Instant tooLate = NOW.minusSeconds(60);

      assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database")).restoreToPointInTime(tooLate, "prod-database-copy"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid restoreTime: '" + tooLate + "'. Allowed: a time inside the restorable window ["
              + NOW.minus(Duration.ofDays(7)) + ", " + NOW.minusSeconds(300) + "] of prod-database");
      verify(rds, never()).restoreDBInstanceToPointInTime(any(RestoreDbInstanceToPointInTimeRequest.class));
      assertThat(audit.events()).isEmpty();
    }

    @Test
    void aNewIdentifierThatAnotherInstanceUsesIsRefusedBeforeTheRestore() {
      instances(instance("prod-database"), instance("prod-database-copy"));
      when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class))).thenReturn(DescribeDbSnapshotsResponse.builder()
          .dbSnapshots(DBSnapshot.builder().dbSnapshotIdentifier("nightly").dbInstanceIdentifier("prod-database")
              .snapshotType("manual").status("available").build()).build());
      RdsBackupsImpl backups = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database"));

      assertThatThrownBy(() -> backups.restoreFromSnapshot("nightly", "prod-database-copy"))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("rds:RestoreDBInstanceFromDBSnapshot on prod-database-copy: DB instance prod-database-copy already exists"
              + " (postgres, available, created " + NOW.minus(Duration.ofDays(30)) + "); a restore never takes over an existing"
              + " instance: delete it, or choose another newInstanceId");
      assertThatThrownBy(() -> backups.restoreToLatestRestorableTime("prod-database"))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("rds:RestoreDBInstanceToPointInTime on prod-database: DB instance prod-database already exists"
              + " (postgres, available, created " + NOW.minus(Duration.ofDays(30)) + "); a restore never takes over an existing"
              + " instance: delete it, or choose another newInstanceId");
      verify(rds, never()).restoreDBInstanceFromDBSnapshot(any(RestoreDbInstanceFromDbSnapshotRequest.class));
      verify(rds, never()).restoreDBInstanceToPointInTime(any(RestoreDbInstanceToPointInTimeRequest.class));
      assertThat(audit.events()).isEmpty();
    }

    @Test
    void pruneNeverDeletesTheNewestAvailableSnapshotWhileANewerOneIsBeingCreated() {
      instances(instance("prod-database"));
      when(rds.describeDBSnapshotsPaginator(any(DescribeDbSnapshotsRequest.class))).thenCallRealMethod();
      when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class))).thenReturn(DescribeDbSnapshotsResponse.builder()
          .dbSnapshots(snapshot("old", NOW.minus(Duration.ofDays(90))), snapshot("creating", null),
              snapshot("newest-available", NOW.minus(Duration.ofDays(60))))
          .build());
      when(rds.deleteDBSnapshot(any(DeleteDbSnapshotRequest.class)))
          .thenReturn(software.amazon.awssdk.services.rds.model.DeleteDbSnapshotResponse.builder().build());

      PruneResult result = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database")).prune(PrunePolicy.olderThan(Duration.ofDays(30)));

      assertThat(result.keptIds()).containsExactly("creating", "newest-available");
      assertThat(result.kept()).extracting(PruneResult.Decision::reason)
          .containsExactly("status creating, not available", "newest manual snapshot (a policy never deletes it)");
      assertThat(result.deletedIds()).containsExactly("old");
      verify(rds, never()).deleteDBSnapshot(DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier("newest-available").build());
    }

    private DBSnapshot snapshot(String id, Instant created) {
      return DBSnapshot.builder().dbSnapshotIdentifier(id).dbInstanceIdentifier("prod-database").snapshotType("manual")
          .status(created == null ? "creating" : "available").snapshotCreateTime(created).build();
    }
  }

  @Nested
  class DynamoDb {
    private final DynamoDbClient dynamo = mock(DynamoDbClient.class);

    @Test
    void malformedNamesAndArnsAreRefusedBeforeAnyRequest() {
      DynamoDbBackupsImpl table = new DynamoDbBackupsImpl(ctx, dynamo, TableName.of("user-sessions"));

      assertThatThrownBy(() -> table.createBackup("x"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid backupName: 'x'. Allowed: 3 to 255 ASCII letters, digits, '_', '.' and '-'");
      assertThatThrownBy(() -> table.deleteBackup("arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid backupArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/backup/01'. Allowed: "
              + "the ARN of a backup of table user-sessions");
      assertThatThrownBy(() -> table.restoreToPointInTime(null, "user-sessions-restored"))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid restoreTime: null");
      assertThatThrownBy(() -> table.restoreToLatestRestorableTime("a"))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid targetTable: 'a'");
      verifyNoInteractions(dynamo);
    }

    @Test
    void aMalformedNameOrArnIsNamedAsTheParameterTheCallerPassed() {
      DynamoDbBackupsImpl table = new DynamoDbBackupsImpl(ctx, dynamo, TableName.of("user-sessions"));
      String length = ". Allowed: 3 to 255 characters";

      assertInvalid(() -> table.restoreToLatestRestorableTime("ab"), "targetTable", "Invalid targetTable: 'ab'" + length);
      assertInvalid(() -> table.restoreToPointInTime(NOW, "ab"), "targetTable", "Invalid targetTable: 'ab'" + length);
      assertInvalid(() -> dev.opskit.backup.Backups.using(ctx).dynamoDb("ab"), "tableName", "Invalid tableName: 'ab'" + length);
      assertThatThrownBy(() -> table.deleteBackup("backup-01"))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("backupArn"))
          .hasMessageStartingWith("Invalid backupArn: 'backup-01'. Allowed: ");
      verifyNoInteractions(dynamo);
    }

    @Test
    void aTargetTableThatExistsAndIsNotThisRestoreIsRefusedBeforeTheRestore() {
      when(dynamo.describeContinuousBackups(any(DescribeContinuousBackupsRequest.class))).thenReturn(
          DescribeContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription.builder()
              .continuousBackupsStatus("ENABLED").pointInTimeRecoveryDescription(PointInTimeRecoveryDescription.builder()
                  .pointInTimeRecoveryStatus("ENABLED").earliestRestorableDateTime(NOW.minus(Duration.ofDays(35)))
                  .latestRestorableDateTime(NOW.minusSeconds(300)).build()).build()).build());
      when(dynamo.describeTable(any(DescribeTableRequest.class))).thenAnswer(call -> {
        String name = call.getArgument(0, DescribeTableRequest.class).tableName();
        return DescribeTableResponse.builder().table(TableDescription.builder().tableName(name).tableStatus("ACTIVE")
            .tableArn("arn:aws:dynamodb:us-east-1:123456789012:table/" + name).build()).build();
      });

      assertThatThrownBy(() -> new DynamoDbBackupsImpl(ctx, dynamo, TableName.of("user-sessions")).restoreToLatestRestorableTime("orders"))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("dynamodb:RestoreTableToPointInTime on orders: table orders already exists (created null, not a"
              + " restore); restore into a name no table uses, or delete that table first");
      verify(dynamo, never()).restoreTableToPointInTime(any(RestoreTableToPointInTimeRequest.class));
      assertThat(audit.events()).isEmpty();
    }
  }

  @Nested
  class AwsBackupService {
    private final BackupClient backup = mock(BackupClient.class);

    @Test
    void aRoleThatIsNotAnIamRoleIsRefusedBeforeAnyRequest() {
      Arn efs = Arn.parse("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1");

      assertThatThrownBy(() -> new AwsBackupImpl(ctx, backup).startBackupJob("efs-backup-vault", efs, efs))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid iamRoleArn: '" + efs + "'. Allowed: an IAM role ARN, arn:aws:iam::<account>:role/<name>");
      assertThatThrownBy(() -> new AwsBackupImpl(ctx, backup).startBackupJob("efs-backup-vault", null,
              Arn.parse("arn:aws:iam::123456789012:role/backup")))
          .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid resourceArn: null");
      verifyNoInteractions(backup);
    }

    @Test
    void aBadNameIsRefusedNamingTheParameterTheCallerPassedBeforeAnyRequest() {
      AwsBackupImpl aws = new AwsBackupImpl(ctx, backup);

      assertThatThrownBy(() -> aws.recoveryPoints("no spaces"))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("backupVaultName"))
          .hasMessage("Invalid backupVaultName: 'no spaces'. Allowed: only ASCII letters, digits, '-' and '_'");
      assertThatThrownBy(() -> aws.vaults().find("x"))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("backupVaultName"));
      assertThatThrownBy(() -> aws.selections(" "))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("planId"));
      assertThatThrownBy(() -> aws.job(""))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("jobId"));
      verifyNoInteractions(backup);
    }

    private final BackupPlanDefinition plan = BackupPlanDefinition.of("efs-backup-plan",
        BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0)));
    private final List<String> sentRequestIds = new ArrayList<>();

    /**
     * AWS refuses the create (on the SDK's {@code attempts}th attempt: 2 when the first one's answer was lost):
     * a plan of that name exists, made just now, with the creator request id the call sent ({@code ours}) or
     * another one.
     */
    private AwsBackupImpl planNameTakenBy(String planId, boolean ours, int attempts) {
      when(backup.createBackupPlan(any(CreateBackupPlanRequest.class))).thenAnswer(call -> {
        sentRequestIds.add(call.getArgument(0, CreateBackupPlanRequest.class).creatorRequestId());
        throw AlreadyExistsException.builder().statusCode(400).numAttempts(attempts)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AlreadyExistsException").errorMessage("exists").build()).build();
      });
      when(backup.listBackupPlansPaginator(any(ListBackupPlansRequest.class))).thenCallRealMethod();
      when(backup.listBackupPlans(any(ListBackupPlansRequest.class))).thenAnswer(call -> ListBackupPlansResponse.builder()
          .backupPlansList(BackupPlansListMember.builder().backupPlanName("efs-backup-plan").backupPlanId(planId)
              .backupPlanArn("arn:aws:backup:us-east-1:123456789012:backup-plan:" + planId).versionId("v1")
              .creatorRequestId(ours ? sentRequestIds.get(sentRequestIds.size() - 1) : "someone-else")
              .creationDate(Instant.now()).build()).build());
      return new AwsBackupImpl(ctx, backup);
    }

    @Test
    void aPlanThatExistsWhenTheFirstAttemptArrivesIsNotThisCalls() {
      assertThatThrownBy(() -> planNameTakenBy("mine", true, 1).createPlan(plan))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("efs-backup-plan already exists, and this call did not make it: its first attempt met it");
      verify(backup, never()).listBackupPlans(any(ListBackupPlansRequest.class));
    }

    @Test
    void anotherPlanWithTheSameNameIsNotTakenForThisOne() {
      assertThatThrownBy(() -> planNameTakenBy("other", false, 2).createPlan(plan))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("backup:CreateBackupPlan on efs-backup-plan")
          .hasMessageContaining("not the one this change asked for");
    }

    @Test
    void thePlanThisCallCreatedIsFoundAfterARetry() {
      assertThat(planNameTakenBy("mine", true, 2).createPlan(plan).orElseThrow().id()).isEqualTo("mine");
      assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.detail()).startsWith("already existed"));
    }

    @Test
    void eachCallOfTheSameDefinitionSendsItsOwnCreatorRequestIdSoAnEarlierCallsPlanIsNeverTakenForItsOwn() {
      AwsBackupImpl aws = planNameTakenBy("earlier", false, 2);

      assertThatThrownBy(() -> aws.createPlan(plan)).isInstanceOf(ResourceStateException.class);
      assertThatThrownBy(() -> aws.createPlan(plan)).isInstanceOf(ResourceStateException.class);

      assertThat(sentRequestIds).hasSize(2).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("opskit-"));
    }
  }
}
