package dev.opskit.backup.internal;

import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.RestorableWindow;
import dev.opskit.backup.RestorePoint;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.DbInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeResponse;

/**
 * Restores an instance from a snapshot or to a point in time, in three steps the recovery procedure
 * also uses one by one: check the restore point, submit the restore, wait.
 *
 * <p>The new instance gets the source's class and tags, the context's default tags, and the tag
 * {@value #RESTORED_FROM} naming what it was restored from; a restore retried after a lost response
 * accepts an existing instance only when that tag says it is the same restore.
 */
final class RdsRestorer {
  static final String RESTORED_FROM = "opskit:restored-from";

  private final OpsContext ctx;
  private final RdsClient rds;
  private final RdsLookup lookup;
  private final String instanceId;

  RdsRestorer(OpsContext ctx, RdsClient rds, RdsLookup lookup, String instanceId) {
    this.ctx = ctx;
    this.rds = rds;
    this.lookup = lookup;
    this.instanceId = instanceId;
  }

  /** The restorable window of the source instance. */
  RestorableWindow window(DBInstance source) {
    Integer retention = source.backupRetentionPeriod();
    if (retention == null || retention == 0) {
      throw new ResourceStateException("automated backups are off (backup retention 0), so there is no point in time"
          + " to restore to; restore from a snapshot, or turn automated backups on", "rds:RestoreDBInstanceToPointInTime",
          instanceId, null);
    }
    Instant latest = source.latestRestorableTime();
    if (latest == null) {
      throw new ResourceStateException("RDS reports no latest restorable time yet; the first automated backup may still"
          + " be running. Try again later or restore from a snapshot", "rds:RestoreDBInstanceToPointInTime", instanceId, null);
    }
    Instant earliest = ctx.clock().instant().minus(Duration.ofDays(retention));
    if (source.instanceCreateTime() != null && source.instanceCreateTime().isAfter(earliest)) {
      earliest = source.instanceCreateTime();
    }
    return new RestorableWindow(earliest.isAfter(latest) ? latest : earliest, latest);
  }

  /**
   * Step 1: the source exists, the restore point is one it can be restored to, and the new identifier is
   * free (or already holds this very restore, so a rerun carries on with it). Reads only. Returns the source.
   */
  DBInstance check(RestorePoint point, DbInstanceId newId) {
    DBInstance source = lookup.instance(instanceId);
    if (lookup.findInstance(newId.value()).filter(existing -> !isSameRestore(existing, point)).isPresent()) {
      throw ValidationException.of("newInstanceId", newId.value(), "an identifier no instance uses yet");
    }
    if (point instanceof RestorePoint.AtTime at) {
      RestorableWindow window = window(source);
      if (!window.contains(at.time())) {
        throw ValidationException.of("restoreTime", at.time(), "a time inside the restorable window " + window + " of " + instanceId);
      }
    } else if (point instanceof RestorePoint.Latest) {
      window(source);
    } else if (point instanceof RestorePoint.FromSnapshot fs) {
      String id = fs.snapshotId().value();
      DBSnapshot snapshot = lookup.findSnapshot(id).orElseThrow(() -> new ResourceNotFoundException(
          "no snapshot " + id + "; list the instance's snapshots to choose one", "rds:DescribeDBSnapshots", id, null));
      if (!instanceId.equals(snapshot.dbInstanceIdentifier())) {
        throw ValidationException.of("snapshotId", id, "a snapshot of " + instanceId + " (this one is of "
            + snapshot.dbInstanceIdentifier() + ")");
      }
      if (!"available".equals(snapshot.status())) {
        throw new ResourceStateException("snapshot " + id + " is " + snapshot.status() + ", not available",
            "rds:RestoreDBInstanceFromDBSnapshot", id, null);
      }
    }
    return source;
  }

  /** Step 2: submits the restore; in a dry run returns the planned instance, else empty. */
  Optional<DatabaseInstance> submit(RestorePoint point, DbInstanceId newId, DBInstance source) {
    String target = newId.value();
    Map<String, String> tags = RdsModel.merged(RdsModel.tags(source.tagList()), ctx.defaultTags(),
        Map.of(RESTORED_FROM, origin(point)));
    ChangeResult<?> result;
    if (point instanceof RestorePoint.FromSnapshot fs) {
      RestoreDbInstanceFromDbSnapshotRequest request = RestoreDbInstanceFromDbSnapshotRequest.builder()
          .dbInstanceIdentifier(target)
          .dbSnapshotIdentifier(fs.snapshotId().value())
          .dbInstanceClass(source.dbInstanceClass())
          .tags(RdsModel.sdkTags(tags))
          .build();
      result = ctx.gate().submit(Change.of("rds:RestoreDBInstanceFromDBSnapshot", target, request,
              rds::restoreDBInstanceFromDBSnapshot)
          .ifAlreadyExists(attempts -> sameRestore(target, point, attempts).map(i ->
              RestoreDbInstanceFromDbSnapshotResponse.builder().dbInstance(i).build()))
          .build());
    } else {
      RestoreDbInstanceToPointInTimeRequest.Builder request = RestoreDbInstanceToPointInTimeRequest.builder()
          .sourceDBInstanceIdentifier(instanceId)
          .targetDBInstanceIdentifier(target)
          .dbInstanceClass(source.dbInstanceClass())
          .tags(RdsModel.sdkTags(tags));
      if (point instanceof RestorePoint.AtTime at) {
        request.restoreTime(at.time());
      } else {
        request.useLatestRestorableTime(true);
      }
      result = ctx.gate().submit(Change.of("rds:RestoreDBInstanceToPointInTime", target, request.build(),
              rds::restoreDBInstanceToPointInTime)
          .ifAlreadyExists(attempts -> sameRestore(target, point, attempts).map(i ->
              RestoreDbInstanceToPointInTimeResponse.builder().dbInstance(i).build()))
          .build());
    }
    if (result.isPlanned()) {
      return Optional.of(new DatabaseInstance(target, DbSnapshot.PLANNED, source.engine(), source.dbInstanceClass(),
          source.allocatedStorage() == null ? 0 : source.allocatedStorage(), null, 0, tags));
    }
    return Optional.empty();
  }

  /** Step 3: waits until the new instance is available. */
  DatabaseInstance await(DbInstanceId newId, Duration timeout) {
    return lookup.awaitInstance(newId.value(), timeout);
  }

  /** Steps 1 to 3. */
  DatabaseInstance restore(RestorePoint point, DbInstanceId newId, Duration timeout) {
    DBInstance source = check(point, newId);
    return submit(point, newId, source).orElseGet(() -> await(newId, timeout));
  }

  /**
   * The instance an earlier attempt of this call made: restored from the same point (its tag says so) and,
   * where RDS already reports it, created during the call.
   */
  private Optional<DBInstance> sameRestore(String target, RestorePoint point, CallAttempts attempts) {
    return lookup.findInstance(target).filter(i -> isSameRestore(i, point)
        && (i.instanceCreateTime() == null || attempts.covers(i.instanceCreateTime())));
  }

  private boolean isSameRestore(DBInstance existing, RestorePoint point) {
    return origin(point).equals(RdsModel.tags(existing.tagList()).get(RESTORED_FROM));
  }

  /** What the {@value #RESTORED_FROM} tag says: {@code prod-database@snapshot:<id>}, {@code @2026-...Z} or {@code @latest}. */
  private String origin(RestorePoint point) {
    if (point instanceof RestorePoint.FromSnapshot fs) {
      return instanceId + "@snapshot:" + fs.snapshotId();
    }
    if (point instanceof RestorePoint.AtTime at) {
      return instanceId + "@" + at.time();
    }
    return instanceId + "@latest";
  }
}
