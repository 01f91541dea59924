package dev.opskit.backup.internal;

import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.DbInstanceStatus;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.DbSnapshotStatus;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.waiting.PollResult;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceAutomatedBackup;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbInstanceAutomatedBackupsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.RestoreWindow;

/** The RDS reads and waits the backup operations share. */
final class RdsLookup {
  static final String DESCRIBE_INSTANCES = "rds:DescribeDBInstances";
  static final String DESCRIBE_SNAPSHOTS = "rds:DescribeDBSnapshots";
  static final String DESCRIBE_AUTOMATED_BACKUPS = "rds:DescribeDBInstanceAutomatedBackups";
  /** Statuses a restored instance does not leave for {@code available} on its own. */
  private static final Set<DbInstanceStatus> INSTANCE_DEAD_ENDS = Set.of(DbInstanceStatus.FAILED,
      DbInstanceStatus.INCOMPATIBLE_RESTORE, DbInstanceStatus.INCOMPATIBLE_PARAMETERS, DbInstanceStatus.INCOMPATIBLE_NETWORK,
      DbInstanceStatus.STORAGE_FULL, DbInstanceStatus.INACCESSIBLE_ENCRYPTION_CREDENTIALS, DbInstanceStatus.RESTORE_ERROR,
      DbInstanceStatus.DELETING, DbInstanceStatus.STOPPED);
  /** Statuses a snapshot does not leave for {@code available}; {@code error} is not documented but seen. */
  private static final Set<DbSnapshotStatus> SNAPSHOT_DEAD_ENDS = Set.of(DbSnapshotStatus.FAILED,
      DbSnapshotStatus.of("error"), DbSnapshotStatus.DELETING, DbSnapshotStatus.DELETED);

  private final OpsContext ctx;
  private final RdsClient rds;

  RdsLookup(OpsContext ctx, RdsClient rds) {
    this.ctx = ctx;
    this.rds = rds;
  }

  /** The instance; {@link dev.opskit.core.ResourceNotFoundException} when it does not exist. */
  DBInstance instance(String id) {
    return Reads.read(DESCRIBE_INSTANCES, id, () ->
        rds.describeDBInstances(DescribeDbInstancesRequest.builder().dbInstanceIdentifier(id).build())
            .dbInstances().stream().findFirst()
            .orElseThrow(() -> new IllegalStateException("RDS answered DescribeDBInstances for " + id + " with no instance")));
  }

  Optional<DBInstance> findInstance(String id) {
    return Reads.find(DESCRIBE_INSTANCES, id, () -> instance(id));
  }

  Optional<DBSnapshot> findSnapshot(String snapshotId) {
    return Reads.find(DESCRIBE_SNAPSHOTS, snapshotId, () ->
        rds.describeDBSnapshots(DescribeDbSnapshotsRequest.builder().dbSnapshotIdentifier(snapshotId).build()))
        .flatMap(r -> r.dbSnapshots().stream().findFirst());
  }

  /**
   * The restore window AWS reports for the instance's automated backups (DescribeDBInstanceAutomatedBackups,
   * every page), asked by the instance's resource id so that a retained backup of an earlier instance of the
   * same name does not count. Empty when AWS reports none with an earliest time (no automated backup yet, or an
   * emulator that leaves {@code RestoreWindow} out). Should several answer, the one starting latest is taken, so
   * a time inside it is inside all of them.
   */
  Optional<RestoreWindow> restoreWindow(DBInstance instance) {
    String id = instance.dbInstanceIdentifier();
    String resourceId = instance.dbiResourceId();
    DescribeDbInstanceAutomatedBackupsRequest request = resourceId == null
        ? DescribeDbInstanceAutomatedBackupsRequest.builder().dbInstanceIdentifier(id).build()
        : DescribeDbInstanceAutomatedBackupsRequest.builder().dbiResourceId(resourceId).build();
    return Reads.find(DESCRIBE_AUTOMATED_BACKUPS, id, () ->
        rds.describeDBInstanceAutomatedBackupsPaginator(request).dbInstanceAutomatedBackups().stream()
            .filter(b -> resourceId == null ? id.equals(b.dbInstanceIdentifier()) : resourceId.equals(b.dbiResourceId()))
            .map(DBInstanceAutomatedBackup::restoreWindow)
            .filter(w -> w != null && w.earliestTime() != null)
            .max(Comparator.comparing(RestoreWindow::earliestTime)))
        .flatMap(w -> w);
  }

  /**
   * Every snapshot of an instance, manual and automated, in AWS's order, lazily: page by page as the stream is
   * consumed, SDK errors on any page mapped.
   */
  Stream<DbSnapshot> snapshots(String instanceId) {
    DescribeDbSnapshotsRequest request = DescribeDbSnapshotsRequest.builder().dbInstanceIdentifier(instanceId).build();
    return Reads.stream(DESCRIBE_SNAPSHOTS, instanceId, () ->
        rds.describeDBSnapshotsPaginator(request).dbSnapshots().stream().map(RdsModel::snapshot));
  }

  /** The manual snapshots of an instance, read to the end, newest first. */
  List<DbSnapshot> manualSnapshots(String instanceId) {
    try (Stream<DbSnapshot> all = snapshots(instanceId)) {
      return all.filter(s -> s.type() == DbSnapshot.Type.MANUAL).sorted(DbSnapshot.NEWEST_FIRST).toList();
    }
  }

  /** Waits until a snapshot is available. */
  DbSnapshot awaitSnapshot(String snapshotId, Duration timeout) {
    return ctx.poller("rds:wait-snapshot-available", snapshotId).timeout(timeout).await(() -> {
      Optional<DBSnapshot> found = findSnapshot(snapshotId);
      if (found.isEmpty()) {
        return PollResult.<DbSnapshot>pending("not-yet-visible");
      }
      DbSnapshot s = RdsModel.snapshot(found.get());
      if (s.isAvailable()) {
        return PollResult.done(s, s.status().value());
      }
      return SNAPSHOT_DEAD_ENDS.contains(s.status())
          ? PollResult.failed(s.status().value(), "snapshot " + snapshotId + " will not become available")
          : PollResult.pending(s.status().value());
    }).orElseThrow();
  }

  /** Waits until an instance is available. */
  DatabaseInstance awaitInstance(String instanceId, Duration timeout) {
    return ctx.poller("rds:wait-db-instance-available", instanceId).timeout(timeout).await(() -> {
      Optional<DBInstance> found = findInstance(instanceId);
      if (found.isEmpty()) {
        return PollResult.<DatabaseInstance>pending("not-yet-visible");
      }
      DatabaseInstance i = RdsModel.instance(found.get());
      if (i.isAvailable()) {
        return PollResult.done(i, i.status().value());
      }
      return INSTANCE_DEAD_ENDS.contains(i.status())
          ? PollResult.failed(i.status().value(), "instance " + instanceId + " will not become available")
          : PollResult.pending(i.status().value());
    }).orElseThrow();
  }

  Duration defaultTimeout() {
    return ctx.defaultWaitTimeout();
  }
}
