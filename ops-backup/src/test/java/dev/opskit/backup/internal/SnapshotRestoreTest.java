package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.opskit.backup.DatabaseInstance;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.DbSnapshotId;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * What a snapshot restore sends, with the snapshot's source instance alive, gone, or replaced by another instance
 * of the same name (a stubbed RDS client that makes the new instance when the restore is sent).
 */
class SnapshotRestoreTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final RdsClient rds = mock(RdsClient.class);
  private final OpsContext ctx = OpsContext.builder()
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
      .clock(new TestClock(NOW))
      .auditSink(audit)
      .build();
  private final Map<String, DBInstance> instances = new HashMap<>();

  @AfterEach
  void close() {
    ctx.close();
  }

  private static DBInstance instance(String id, String resourceId, String instanceClass, String... tag) {
    return DBInstance.builder().dbInstanceIdentifier(id).dbiResourceId(resourceId).dbInstanceStatus("available")
        .engine("postgres").dbInstanceClass(instanceClass).allocatedStorage(100).backupRetentionPeriod(7)
        .tagList(tag.length == 0 ? List.of() : List.of(Tag.builder().key(tag[0]).value(tag[1]).build())).build();
  }

  /** The stubbed account: these instances, snapshot {@code nightly} of {@code db} (resource db-ORIGINAL). */
  private void account(DBInstance... existing) {
    for (DBInstance i : existing) {
      instances.put(i.dbInstanceIdentifier(), i);
    }
    when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenAnswer(call -> {
      DBInstance i = instances.get(call.getArgument(0, DescribeDbInstancesRequest.class).dbInstanceIdentifier());
      if (i == null) {
        throw DbInstanceNotFoundException.builder().statusCode(404)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBInstanceNotFound").errorMessage("not found").build()).build();
      }
      return DescribeDbInstancesResponse.builder().dbInstances(i).build();
    });
    when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class))).thenReturn(DescribeDbSnapshotsResponse.builder()
        .dbSnapshots(DBSnapshot.builder().dbSnapshotIdentifier("nightly").dbInstanceIdentifier("db").dbiResourceId("db-ORIGINAL")
            .snapshotType("manual").status("available").engine("postgres").allocatedStorage(100)
            .tagList(Tag.builder().key("team").value("archive").build()).build())
        .build());
    when(rds.restoreDBInstanceFromDBSnapshot(any(RestoreDbInstanceFromDbSnapshotRequest.class))).thenAnswer(call -> {
      RestoreDbInstanceFromDbSnapshotRequest r = call.getArgument(0, RestoreDbInstanceFromDbSnapshotRequest.class);
      DBInstance made = DBInstance.builder().dbInstanceIdentifier(r.dbInstanceIdentifier()).dbInstanceStatus("available")
          .engine("postgres").dbInstanceClass(r.dbInstanceClass()).allocatedStorage(100).tagList(r.tags()).build();
      instances.put(made.dbInstanceIdentifier(), made);
      return RestoreDbInstanceFromDbSnapshotResponse.builder().dbInstance(made).build();
    });
  }

  private RestoreDbInstanceFromDbSnapshotRequest sent() {
    ArgumentCaptor<RestoreDbInstanceFromDbSnapshotRequest> sent = ArgumentCaptor.forClass(RestoreDbInstanceFromDbSnapshotRequest.class);
    verify(rds).restoreDBInstanceFromDBSnapshot(sent.capture());
    return sent.getValue();
  }

  private static Map<String, String> tags(RestoreDbInstanceFromDbSnapshotRequest r) {
    Map<String, String> tags = new HashMap<>();
    r.tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  @Test
  void whileTheSourceExistsTheNewInstanceGetsItsClassAndTags() {
    account(instance("db", "db-ORIGINAL", "db.r6g.large", "team", "payments"));

    DatabaseInstance restored = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).restoreFromSnapshot("nightly", "db-copy").orElseThrow();

    assertThat(restored.instanceClass()).isEqualTo("db.r6g.large");
    assertThat(sent().dbInstanceClass()).isEqualTo("db.r6g.large");
    assertThat(tags(sent())).containsKey("opskit:call-id").hasSize(3)
        .containsAllEntriesOf(Map.of("team", "payments", "opskit:restored-from", "db@snapshot:nightly"));
  }

  @Test
  void aGivenClassReplacesTheSourcesClass() {
    account(instance("db", "db-ORIGINAL", "db.r6g.large", "team", "payments"));

    new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).restoreFromSnapshot("nightly", "db-copy", o -> o.instanceClass("db.t3.small"));

    assertThat(sent().dbInstanceClass()).isEqualTo("db.t3.small");
    assertThat(sent().dbSnapshotIdentifier()).isEqualTo("nightly");
  }

  @Test
  void typedIdsTakeTheOptionsInPlaceToo() {
    account(instance("db", "db-ORIGINAL", "db.r6g.large", "team", "payments"));

    DatabaseInstance restored = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).restoreFromSnapshot(
        DbSnapshotId.of("nightly"), DbInstanceId.of("db-copy"), o -> o.instanceClass("db.t3.small")).orElseThrow();

    assertThat(restored.id()).isEqualTo(DbInstanceId.of("db-copy"));
    assertThat(sent().dbInstanceClass()).isEqualTo("db.t3.small");
  }

  @Test
  void withTheSourceGoneTheGivenClassAndTheSnapshotsTagsAreUsed() {
    account();

    DatabaseInstance restored = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db"))
        .restoreFromSnapshot("nightly", "db-back", o -> o.instanceClass("db.m5.large").timeout(Duration.ofMinutes(5))).orElseThrow();

    assertThat(restored.id()).isEqualTo(DbInstanceId.of("db-back"));
    assertThat(restored.isAvailable()).isTrue();
    assertThat(sent().dbInstanceClass()).isEqualTo("db.m5.large");
    assertThat(tags(sent())).containsKey("opskit:call-id").hasSize(3)
        .containsAllEntriesOf(Map.of("team", "archive", "opskit:restored-from", "db@snapshot:nightly"));
  }

  @Test
  void anInstanceOfTheSameNameThatIsNotTheSnapshotsSourceLendsNeitherClassNorTags() {
    account(instance("db", "db-RECREATEDLATER", "db.x2g.16xlarge", "team", "someone-else"));

    assertThatThrownBy(() -> new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).restoreFromSnapshot("nightly", "db-back"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid instanceClass: null. Allowed: an instance class such as db.t3.micro, passed as"
            + " restoreFromSnapshot(snapshotId, newInstanceId, o -> o.instanceClass(...)): db, the instance snapshot"
            + " nightly was taken of, no longer exists (the instance now named db is another one), so its class cannot be copied");
    verify(rds, never()).restoreDBInstanceFromDBSnapshot(any(RestoreDbInstanceFromDbSnapshotRequest.class));
    assertThat(audit.events()).isEmpty();

    new RdsBackupsImpl(ctx, rds, DbInstanceId.of("db")).restoreFromSnapshot("nightly", "db-back", o -> o.instanceClass("db.t3.micro"));

    assertThat(tags(sent())).containsEntry("team", "archive");
  }
}
