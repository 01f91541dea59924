package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.RecoveryFailedException;
import dev.opskit.backup.RecoveryRequest;
import dev.opskit.backup.RecoveryStep;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.CreateDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeResponse;
import software.amazon.awssdk.services.rds.model.Tag;

/** Waiting, retrying and failing part-way, with a stubbed RDS client and an injected clock (no real sleeping). */
class RdsWaitingTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final TestClock clock = new TestClock(NOW);
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final List<ProgressEvent> progress = new ArrayList<>();
  private final RdsClient rds = mock(RdsClient.class);
  private final OpsContext ctx = OpsContext.builder()
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
      .clock(clock)
      .sleeper(clock::advance)
      .auditSink(audit)
      .progressListener(progress::add)
      .defaultWaitTimeout(Duration.ofMinutes(10))
      // The gate's operation-level retry pauses in real time (not through the sleeper): keep the pause tiny.
      .retryPolicy(RetryPolicy.DEFAULT.withOperationAttempts(3, Duration.ofMillis(1)))
      .build();

  @AfterEach
  void close() {
    ctx.close();
  }

  private static DBInstance instance(String id, String status, String instanceClass) {
    return DBInstance.builder().dbInstanceIdentifier(id).dbInstanceStatus(status).engine("postgres").dbInstanceClass(instanceClass)
        .allocatedStorage(20).backupRetentionPeriod(7).latestRestorableTime(NOW.minusSeconds(300))
        .instanceCreateTime(NOW.minus(Duration.ofDays(30)))
        .endpoint(Endpoint.builder().address(id + ".example").port(5432).build())
        .tagList(Tag.builder().key("team").value("payments").build()).build();
  }

  private static DescribeDbInstancesResponse instances(DBInstance i) {
    return DescribeDbInstancesResponse.builder().dbInstances(i).build();
  }

  private static DescribeDbSnapshotsResponse snapshot(String status) {
    return DescribeDbSnapshotsResponse.builder().dbSnapshots(DBSnapshot.builder().dbSnapshotIdentifier("db-snap")
        .dbInstanceIdentifier("db").snapshotType("manual").status(status).snapshotCreateTime(NOW).build()).build();
  }

  @Nested
  class SnapshotWait {
    @Test
    void pollsWhileCreatingAndReportsProgressUntilAvailable() {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(instances(instance("db", "available", "db.t3.micro")));
      when(rds.createDBSnapshot(any(CreateDbSnapshotRequest.class))).thenReturn(CreateDbSnapshotResponse.builder()
          .dbSnapshot(DBSnapshot.builder().dbSnapshotIdentifier("db-snap").dbInstanceIdentifier("db").status("creating").build()).build());
      when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class)))
          .thenReturn(snapshot("creating"), snapshot("creating"), snapshot("available"));

      DbSnapshot s = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).snapshot(o -> o.name("db-snap")).orElseThrow();

      assertThat(s.isAvailable()).isTrue();
      assertThat(progress).extracting(ProgressEvent::status).containsExactly("creating", "creating", "available");
      assertThat(clock.instant()).isAfter(NOW);
      ArgumentCaptor<CreateDbSnapshotRequest> sent = ArgumentCaptor.forClass(CreateDbSnapshotRequest.class);
      verify(rds).createDBSnapshot(sent.capture());
      // The instance's tags are copied; the call id proves a retried create found its own snapshot.
      assertThat(sent.getValue().tags()).extracting(Tag::key).containsExactly("team", "opskit:call-id");
    }

    @Test
    void timesOutWithTheLastStatusAfterTheTimeout() {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(instances(instance("db", "available", "db.t3.micro")));
      when(rds.createDBSnapshot(any(CreateDbSnapshotRequest.class))).thenReturn(CreateDbSnapshotResponse.builder()
          .dbSnapshot(DBSnapshot.builder().dbSnapshotIdentifier("db-snap").dbInstanceIdentifier("db").status("creating").build()).build());
      when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class))).thenReturn(snapshot("creating"));

      assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).snapshot(o -> o.name("db-snap").timeout(Duration.ofMinutes(3))))
          .isInstanceOf(OperationTimeoutException.class)
          .hasMessageContaining("rds:wait-snapshot-available on db-snap")
          .hasMessageContaining("still creating after PT3M");
      assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aFailedSnapshotEndsTheWait() {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(instances(instance("db", "available", "db.t3.micro")));
      when(rds.createDBSnapshot(any(CreateDbSnapshotRequest.class))).thenReturn(CreateDbSnapshotResponse.builder()
          .dbSnapshot(DBSnapshot.builder().dbSnapshotIdentifier("db-snap").dbInstanceIdentifier("db").status("creating").build()).build());
      when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class))).thenReturn(snapshot("creating"), snapshot("failed"));

      assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).snapshot(o -> o.name("db-snap")))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("snapshot db-snap will not become available (status failed after 2 polls");
    }
  }

  @Nested
  class Settings {
    @Test
    void modificationIsRepeatedWhileTheInstanceIsBusy() {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(instances(instance("db", "modifying", "db.t3.micro")));
      when(rds.modifyDBInstance(any(ModifyDbInstanceRequest.class)))
          .thenThrow(InvalidDbInstanceStateException.builder().statusCode(400)
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidDBInstanceState").errorMessage("instance is modifying").build())
              .build())
          .thenReturn(ModifyDbInstanceResponse.builder().build());

      ApplyResult result = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db"))
          .configureAutomatedBackups(o -> o.retention(Duration.ofDays(14)));

      assertThat(result.isPlanned()).isFalse();
      assertThat(result.results()).singleElement().satisfies(a -> assertThat(a.results()).singleElement()
          .isInstanceOf(ChangeResult.Applied.class));
      ArgumentCaptor<ModifyDbInstanceRequest> sent = ArgumentCaptor.forClass(ModifyDbInstanceRequest.class);
      verify(rds, times(2)).modifyDBInstance(sent.capture());
      assertThat(sent.getValue().backupRetentionPeriod()).isEqualTo(14);
      assertThat(sent.getValue().applyImmediately()).isTrue();
      assertThat(sent.getValue().preferredBackupWindow()).isNull();
      assertThat(audit.events()).hasSize(1);
    }
  }

  @Nested
  class Recovery {
    @BeforeEach
    void noRestoreWindowReported() {
      when(rds.describeDBInstanceAutomatedBackupsPaginator(any(DescribeDbInstanceAutomatedBackupsRequest.class))).thenCallRealMethod();
      when(rds.describeDBInstanceAutomatedBackups(any(DescribeDbInstanceAutomatedBackupsRequest.class)))
          .thenReturn(DescribeDbInstanceAutomatedBackupsResponse.builder().build());
    }

    @Test
    void aRestoredInstanceThatDiffersFromTheSourceFailsVerificationAndIsLeftInPlace() {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenAnswer(call -> {
        String id = call.getArgument(0, DescribeDbInstancesRequest.class).dbInstanceIdentifier();
        if (id.equals("db-recovered") && !restoreSent) {
          throw software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException.builder().statusCode(404)
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBInstanceNotFound").errorMessage("not found").build()).build();
        }
        return instances(instance(id, "available", id.equals("db") ? "db.r6g.large" : "db.t3.micro"));
      });
      when(rds.restoreDBInstanceToPointInTime(any(RestoreDbInstanceToPointInTimeRequest.class))).thenAnswer(call -> {
        restoreSent = true;
        return RestoreDbInstanceToPointInTimeResponse.builder().build();
      });

      assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).recover(RecoveryRequest.builder().newInstanceId("db-recovered").build()))
          .isInstanceOfSatisfying(RecoveryFailedException.class, e -> {
            assertThat(e.step()).isEqualTo(RecoveryStep.VERIFY);
            assertThat(e.leftInPlace()).contains(DbInstanceId.of("db-recovered"));
          })
          .hasMessageContaining("step 4 (verify) failed")
          .hasMessageContaining("instanceClass: expected db.r6g.large, got db.t3.micro (MISMATCH)")
          .hasMessageContaining("restored instance db-recovered exists and was left in place");
      verify(rds, never()).deleteDBInstance(any(software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest.class));
    }

    @Test
    void aRefusedRestoreFailsTheRestoreStepAndSaysNoInstanceWasCreated() {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenAnswer(call -> {
        String id = call.getArgument(0, DescribeDbInstancesRequest.class).dbInstanceIdentifier();
        if (id.equals("db-recovered")) {
          throw software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException.builder().statusCode(404)
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBInstanceNotFound").errorMessage("not found").build()).build();
        }
        return instances(instance(id, "available", "db.t3.micro"));
      });
      when(rds.restoreDBInstanceToPointInTime(any(RestoreDbInstanceToPointInTimeRequest.class))).thenThrow(
          software.amazon.awssdk.services.rds.model.InsufficientDbInstanceCapacityException.builder().statusCode(400)
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("InsufficientDBInstanceCapacity")
                  .errorMessage("no capacity for db.t3.micro").build()).build());

      assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).recover(RecoveryRequest.builder().newInstanceId("db-recovered").build()))
          .isInstanceOfSatisfying(RecoveryFailedException.class, e -> {
            assertThat(e.step()).isEqualTo(RecoveryStep.RESTORE);
            assertThat(e.leftInPlace()).isEmpty();
            assertThat(e.awsErrorCode()).isEqualTo("InsufficientDBInstanceCapacity");
          })
          .hasMessageContaining("rds:recover on db: step 2 (restore) failed")
          .hasMessageContaining("no capacity for db.t3.micro")
          .hasMessageEndingWith("Now: no instance was created.");
    }

    @Test
    void anInstanceThatNeverBecomesAvailableFailsTheWaitStep() {
      when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenAnswer(call -> {
        String id = call.getArgument(0, DescribeDbInstancesRequest.class).dbInstanceIdentifier();
        if (id.equals("db-recovered") && !restoreSent) {
          throw software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException.builder().statusCode(404)
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBInstanceNotFound").errorMessage("not found").build()).build();
        }
        return instances(instance(id, id.equals("db") ? "available" : "incompatible-restore", "db.t3.micro"));
      });
      when(rds.restoreDBInstanceToPointInTime(any(RestoreDbInstanceToPointInTimeRequest.class))).thenAnswer(call -> {
        restoreSent = true;
        return RestoreDbInstanceToPointInTimeResponse.builder().build();
      });

      assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).recover(RecoveryRequest.builder().newInstanceId("db-recovered").build()))
          .isInstanceOfSatisfying(RecoveryFailedException.class, e -> assertThat(e.step()).isEqualTo(RecoveryStep.WAIT))
          .hasMessageContaining("step 3 (wait) failed")
          .hasMessageContaining("instance db-recovered will not become available")
          .hasMessageContaining("restored instance db-recovered exists and was left in place");
    }
  }

  private boolean restoreSent;
}
