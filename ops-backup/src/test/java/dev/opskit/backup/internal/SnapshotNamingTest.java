package dev.opskit.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.opskit.backup.DbSnapshot;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
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
import software.amazon.awssdk.services.rds.model.DbSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;

/** The guide's snapshot names: the day's names are listed once, and a name taken meanwhile is stepped over. */
class SnapshotNamingTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final RdsClient rds = mock(RdsClient.class);
  private final OpsContext ctx = OpsContext.builder()
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
      .clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .auditSink(audit)
      .build();

  @AfterEach
  void close() {
    ctx.close();
  }

  private void instanceWithSnapshotsOfToday(int count) {
    when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(DescribeDbInstancesResponse.builder()
        .dbInstances(DBInstance.builder().dbInstanceIdentifier("prod-database").dbInstanceStatus("available")
            .engine("postgres").allocatedStorage(20).build()).build());
    List<DBSnapshot> taken = IntStream.rangeClosed(1, count)
        .mapToObj(n -> DBSnapshot.builder().dbInstanceIdentifier("prod-database").snapshotType("manual").status("available")
            .dbSnapshotIdentifier("prod-database-manual-20260301" + (n == 1 ? "" : "-" + n))
            .snapshotCreateTime(NOW.minusSeconds(60L * n)).build())
        .toList();
    when(rds.describeDBSnapshotsPaginator(any(DescribeDbSnapshotsRequest.class))).thenCallRealMethod();
    when(rds.describeDBSnapshots(any(DescribeDbSnapshotsRequest.class)))
        .thenReturn(DescribeDbSnapshotsResponse.builder().dbSnapshots(taken).build());
  }

  private static CreateDbSnapshotResponse created(CreateDbSnapshotRequest r) {
    return CreateDbSnapshotResponse.builder().dbSnapshot(DBSnapshot.builder().dbSnapshotIdentifier(r.dbSnapshotIdentifier())
        .dbInstanceIdentifier("prod-database").snapshotType("manual").status("creating").build()).build();
  }

  @Test
  void theFiftiethSnapshotOfADayCostsOneListingNotFifty() {
    instanceWithSnapshotsOfToday(49);
    when(rds.createDBSnapshot(any(CreateDbSnapshotRequest.class))).thenAnswer(c -> created(c.getArgument(0)));

    DbSnapshot snapshot = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database")).snapshot(o -> o.waitUntilAvailable(false)).orElseThrow();

    assertThat(snapshot.id()).isEqualTo("prod-database-manual-20260301-50");
    verify(rds, times(1)).describeDBSnapshots(any(DescribeDbSnapshotsRequest.class));
    verify(rds, times(1)).describeDBInstances(any(DescribeDbInstancesRequest.class));
    verify(rds, times(1)).createDBSnapshot(any(CreateDbSnapshotRequest.class));
  }

  @Test
  void aNameTakenBetweenTheListingAndTheCreateIsSteppedOver() {
    instanceWithSnapshotsOfToday(1);
    List<String> asked = new ArrayList<>();
    when(rds.createDBSnapshot(any(CreateDbSnapshotRequest.class))).thenAnswer(c -> {
      CreateDbSnapshotRequest r = c.getArgument(0);
      asked.add(r.dbSnapshotIdentifier());
      if (asked.size() == 1) {
        // Another caller took -2 after the listing: AWS says so on this call's first attempt.
        throw DbSnapshotAlreadyExistsException.builder().statusCode(400).numAttempts(1)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBSnapshotAlreadyExists").errorMessage("exists").build())
            .build();
      }
      return created(r);
    });

    DbSnapshot snapshot = new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database")).snapshot(o -> o.waitUntilAvailable(false)).orElseThrow();

    assertThat(asked).containsExactly("prod-database-manual-20260301-2", "prod-database-manual-20260301-3");
    assertThat(snapshot.id()).isEqualTo("prod-database-manual-20260301-3");
    ArgumentCaptor<DescribeDbSnapshotsRequest> lookups = ArgumentCaptor.forClass(DescribeDbSnapshotsRequest.class);
    verify(rds, times(1)).describeDBSnapshots(lookups.capture());
    assertThat(audit.events()).extracting(e -> e.outcome()).containsExactly(Outcome.FAILED, Outcome.SUCCEEDED);
  }

  @Test
  void aNameGivenByTheCallerIsNeverReplacedByAnother() {
    instanceWithSnapshotsOfToday(0);
    when(rds.createDBSnapshot(any(CreateDbSnapshotRequest.class))).thenThrow(DbSnapshotAlreadyExistsException.builder()
        .statusCode(400).numAttempts(1)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("DBSnapshotAlreadyExists").errorMessage("exists").build()).build());

    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            new RdsBackupsImpl(ctx, rds, DbInstanceId.of("prod-database")).snapshot(o -> o.name("before-upgrade")))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("before-upgrade already exists, and this call did not make it");
    verify(rds, times(1)).createDBSnapshot(any(CreateDbSnapshotRequest.class));
  }
}
