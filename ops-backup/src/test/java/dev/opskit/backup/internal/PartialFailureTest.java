package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.opskit.backup.PrunePolicy;
import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.PartialApplyException;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.DbInstanceId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.InvalidDbSnapshotStateException;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * A change that fails part-way through the RDS operations ends in core's one part-way failure,
 * {@link PartialApplyException}, naming what was applied, what failed and what was not attempted.
 */
class PartialFailureTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final RdsClient rds = mock(RdsClient.class);
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

  private void instance() {
    when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(DescribeDbInstancesResponse.builder()
        .dbInstances(DBInstance.builder().dbInstanceIdentifier("db").dbInstanceStatus("available").engine("postgres")
            .backupRetentionPeriod(1).build())
        .build());
  }

  private static DBSnapshot snapshot(String id, int daysOld) {
    return DBSnapshot.builder().dbSnapshotIdentifier(id).dbInstanceIdentifier("db").snapshotType("manual")
        .status("available").snapshotCreateTime(NOW.minus(Duration.ofDays(daysOld))).build();
  }

  @Test
  void aDeletionThatFailsEndsThePruneNamingWhatWasDeletedAndWhatWasNot() {
    instance();
    when(rds.describeDBSnapshotsPaginator(any(DescribeDbSnapshotsRequest.class))).thenCallRealMethod();
    when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class))).thenReturn(DescribeDbSnapshotsResponse.builder()
        .dbSnapshots(snapshot("newest", 1), snapshot("old-1", 40), snapshot("old-2", 50), snapshot("old-3", 60)).build());
    when(rds.deleteDBSnapshot(any(DeleteDbSnapshotRequest.class))).thenAnswer(call -> {
      String id = call.getArgument(0, DeleteDbSnapshotRequest.class).dbSnapshotIdentifier();
      if (id.equals("old-2")) {
        throw InvalidDbSnapshotStateException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
            .errorCode("InvalidDBSnapshotState").errorMessage("snapshot old-2 is being copied").build()).build();
      }
      return DeleteDbSnapshotResponse.builder().dbSnapshot(snapshot(id, 40).toBuilder().status("deleted").build()).build();
    });

    assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).prune(PrunePolicy.olderThan(Duration.ofDays(30))))
        .isInstanceOfSatisfying(PartialApplyException.class, e -> {
          assertThat(e.applied()).extracting(a -> a.change().resource()).containsExactly("old-1");
          assertThat(e.failed().resource()).isEqualTo("old-2");
          assertThat(e.failed().kind()).isEqualTo(ResourceChange.Kind.DELETE);
          assertThat(e.notAttempted()).extracting(ResourceChange::resource).containsExactly("old-3");
          assertThat(e.awsErrorCode()).isEqualTo("InvalidDBSnapshotState");
        })
        .hasMessageStartingWith("rds:DeleteDBSnapshot on old-2: apply failed part-way at delete DB snapshot old-2 (")
        .hasMessageContaining("snapshot old-2 is being copied")
        .hasMessageEndingWith("Applied 1: [old-1]; not attempted 1: [old-3]. Nothing applied was undone: plan again and"
            + " apply to finish, once the cause is fixed.");
    verify(rds, never()).deleteDBSnapshot(DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier("old-3").build());
    verify(rds, never()).deleteDBSnapshot(DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier("newest").build());
    assertThat(audit.events()).extracting(AuditEvent::target, AuditEvent::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("old-1", Outcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("old-2", Outcome.FAILED));
  }

  @Test
  void aModificationAwsRefusesEndsTheApplyNamingTheInstance() {
    instance();
    when(rds.modifyDBInstance(any(ModifyDbInstanceRequest.class))).thenThrow(RdsException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterCombination")
            .errorMessage("backup retention cannot change while a read replica is being created").build()).build());

    assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db"))
            .configureAutomatedBackups(s -> s.retention(Duration.ofDays(7))))
        .isInstanceOfSatisfying(PartialApplyException.class, e -> {
          assertThat(e.applied()).isEmpty();
          assertThat(e.failed().resource()).isEqualTo("db");
          assertThat(e.failed().diffs()).singleElement().hasToString("BackupRetentionPeriod: 1 -> 7");
          assertThat(e.notAttempted()).isEmpty();
        })
        .hasMessageStartingWith("rds:ModifyDBInstance on db: apply failed part-way at update DB instance db (")
        .hasMessageContaining("backup retention cannot change while a read replica is being created");
  }
}
