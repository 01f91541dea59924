package dev.opskit.backup.internal;

import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.RestorableWindow;
import dev.opskit.backup.RestoreOptions;
import dev.opskit.backup.RestorePoint;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.Tags;
import dev.opskit.core.value.DbSnapshotId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceFromDbSnapshotResponse;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbInstanceToPointInTimeResponse;
import software.amazon.awssdk.services.rds.model.RestoreWindow;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Restores an instance from a snapshot or to a point in time, in three steps the recovery procedure
 * also uses one by one: check the restore point, submit the restore, wait.
 *
 * <p>The new instance gets the source's class and tags (for a snapshot whose instance is gone: the class the
 * caller gives and the snapshot's tags), the context's default tags, and the tag {@value #RESTORED_FROM} naming
 * what it was restored from. A new identifier that is already taken is refused before any change, whatever
 * holds it (an earlier run of the same restore included): only the gate's retry of this very call may accept
 * the instance its lost first attempt made, and then only when that tag says it is the same restore.
 */
final class RdsRestorer {
  static final String RESTORED_FROM = "opskit:restored-from";
  static final String FROM_SNAPSHOT = "rds:RestoreDBInstanceFromDBSnapshot";
  static final String TO_POINT_IN_TIME = "rds:RestoreDBInstanceToPointInTime";

  private final OpsContext ctx;
  private final RdsClient rds;
  private final RdsLookup lookup;
  private final String instanceId;

  RdsRestorer(OpsContext ctx, RdsClient rds, RdsLookup lookup, DbInstanceId instanceId) {
    this.ctx = ctx;
    this.rds = rds;
    this.lookup = lookup;
    this.instanceId = instanceId.value();
  }

  /**
   * The restorable window of the source instance: the {@code RestoreWindow} of its automated backup
   * (DescribeDBInstanceAutomatedBackups); when AWS reports none, estimated as now minus the retention period,
   * not before the instance was created, up to the instance's latest restorable time.
   */
  RestorableWindow window(DBInstance source) {
    int retention = retentionDays(source);
    Optional<RestoreWindow> reported = lookup.restoreWindow(source);
    Instant latest = reported.map(RestoreWindow::latestTime).orElse(source.latestRestorableTime());
    if (latest == null) {
      throw new ResourceStateException("RDS reports no latest restorable time yet; the first automated backup may still"
          + " be running. Try again later or restore from a snapshot", TO_POINT_IN_TIME, instanceId, null);
    }
    Instant earliest = reported.map(RestoreWindow::earliestTime).orElseGet(() -> estimatedEarliest(source, retention));
    return new RestorableWindow(earliest.isAfter(latest) ? latest : earliest, latest);
  }

  /** The source's backup retention in days; a state error when automated backups are off (nothing to restore to). */
  private int retentionDays(DBInstance source) {
    Integer retention = source.backupRetentionPeriod();
    if (retention == null || retention == 0) {
      throw new ResourceStateException("automated backups are off (backup retention 0), so there is no point in time"
          + " to restore to; restore from a snapshot, or turn automated backups on", TO_POINT_IN_TIME, instanceId, null);
    }
    return retention;
  }

  /**
   * The latest restorable time needs no window: automated backups on and a latest restorable time. The source's
   * own {@code LatestRestorableTime} is enough; only when it reports none is the automated backup's window read
   * (DescribeDBInstanceAutomatedBackups), which fails with the window's message when that has none either.
   */
  private void requireLatest(DBInstance source) {
    retentionDays(source);
    if (source.latestRestorableTime() == null) {
      window(source);
    }
  }

  private Instant estimatedEarliest(DBInstance source, int retentionDays) {
    Instant earliest = ctx.clock().instant().minus(Duration.ofDays(retentionDays));
    Instant created = source.instanceCreateTime();
    return created != null && created.isAfter(earliest) ? created : earliest;
  }

  /**
   * Step 1: the source exists, the restore point is one it can be restored to, and the new identifier is
   * free. Reads only. Returns the source.
   */
  DBInstance check(RestorePoint point, DbInstanceId newId) {
    DBInstance source = lookup.instance(instanceId);
    requireFree(newId, point);
    if (point instanceof RestorePoint.AtTime at) {
      RestorableWindow window = window(source);
      if (!window.contains(at.time())) {
        throw ValidationException.of("restoreTime", at.time(), "a time inside the restorable window " + window + " of " + instanceId);
      }
    } else if (point instanceof RestorePoint.Latest) {
      requireLatest(source);
    } else if (point instanceof RestorePoint.FromSnapshot fs) {
      availableSnapshot(fs.snapshotId());
    }
    return source;
  }

  /**
   * Restores a snapshot of the instance, which need not exist any more: engine and storage are the snapshot's
   * (RDS takes them from it); the class is the options', else the source instance's while it exists; the tags
   * are the source instance's while it exists, else the snapshot's. Checks everything before any change.
   */
  ChangeResult<DatabaseInstance> restoreSnapshot(DbSnapshotId snapshotId, DbInstanceId newId, RestoreOptions options) {
    DBSnapshot snapshot = availableSnapshot(snapshotId);
    requireFree(newId, new RestorePoint.FromSnapshot(snapshotId));
    Optional<DBInstance> found = lookup.findInstance(instanceId);
    Optional<DBInstance> source = found.filter(i -> isSourceOf(i, snapshot));
    String instanceClass = options.instanceClass().or(() -> source.map(DBInstance::dbInstanceClass)).orElseThrow(() ->
        ValidationException.of("instanceClass", null, "an instance class such as db.t3.micro, passed as"
            + " restoreFromSnapshot(snapshotId, newInstanceId, o -> o.instanceClass(...)): " + instanceId + ", the instance"
            + " snapshot " + snapshotId + " was taken of, no longer exists" + (found.isPresent() ? " (the instance now named "
            + instanceId + " is another one)" : "") + ", so its class cannot be copied"));
    Collection<Tag> sourceTags = source.map(DBInstance::tagList).orElseGet(snapshot::tagList);
    ChangeResult<?> result = submitSnapshotRestore(snapshotId, newId, instanceClass, sourceTags);
    return Results.withValue(result, () -> await(result, newId, options.timeout().orElse(ctx.defaultWaitTimeout())));
  }

  /** The snapshot, when it exists, is of this instance and is available. */
  private DBSnapshot availableSnapshot(DbSnapshotId snapshotId) {
    String id = snapshotId.value();
    DBSnapshot snapshot = lookup.findSnapshot(id).orElseThrow(() -> new ResourceNotFoundException(
        "no snapshot " + id + "; list the instance's snapshots to choose one", RdsLookup.DESCRIBE_SNAPSHOTS, id, null));
    if (!instanceId.equals(snapshot.dbInstanceIdentifier())) {
      throw ValidationException.of("snapshotId", id, "a snapshot of " + instanceId + " (this one is of "
          + snapshot.dbInstanceIdentifier() + ")");
    }
    if (!"available".equals(snapshot.status())) {
      throw new ResourceStateException("snapshot " + id + " is " + snapshot.status() + ", not available", FROM_SNAPSHOT, id, null);
    }
    return snapshot;
  }

  /** Whether an instance of the snapshot's identifier is the very one it was taken of (not a later one of the same name). */
  private static boolean isSourceOf(DBInstance instance, DBSnapshot snapshot) {
    return instance.dbiResourceId() == null || snapshot.dbiResourceId() == null
        || instance.dbiResourceId().equals(snapshot.dbiResourceId());
  }

  /**
   * A restore never takes over an instance that exists before it starts, not even one an earlier run of the
   * same restore made: that run's result may have been changed since, and the caller asked for a new instance.
   */
  private void requireFree(DbInstanceId newId, RestorePoint point) {
    Optional<DBInstance> existing = lookup.findInstance(newId.value());
    if (existing.isEmpty()) {
      return;
    }
    DBInstance taken = existing.get();
    List<String> what = new ArrayList<>();
    what.add(taken.engine() == null ? "unknown engine" : taken.engine());
    what.add(taken.dbInstanceStatus() == null ? "unknown status" : taken.dbInstanceStatus());
    if (taken.instanceCreateTime() != null) {
      what.add("created " + taken.instanceCreateTime());
    }
    String restoredFrom = RdsModel.tags(taken.tagList()).get(RESTORED_FROM);
    if (restoredFrom != null) {
      what.add("restored earlier from " + restoredFrom);
    }
    throw new ResourceStateException("DB instance " + newId + " already exists (" + String.join(", ", what)
        + "); a restore never takes over an existing instance: delete it, or choose another newInstanceId",
        point instanceof RestorePoint.FromSnapshot ? FROM_SNAPSHOT : TO_POINT_IN_TIME, newId.value(), null);
  }

  /** Step 2: submits the restore: the gate's result, {@code Planned} in a dry run. */
  ChangeResult<?> submit(RestorePoint point, DbInstanceId newId, DBInstance source) {
    if (point instanceof RestorePoint.FromSnapshot fs) {
      return submitSnapshotRestore(fs.snapshotId(), newId, source.dbInstanceClass(), source.tagList());
    }
    String target = newId.value();
    String callId = Tags.newCallId();
    Tags tags = RdsModel.created(source.tagList(), ctx.defaultTags(), Map.of(),
        Map.of(RESTORED_FROM, origin(point), Tags.CALL_ID_KEY, callId));
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
    return ctx.gate().submit(Change.of(TO_POINT_IN_TIME, target, request.build(), rds::restoreDBInstanceToPointInTime)
        .ifAlreadyExists(attempts -> sameRestore(target, point, callId, attempts).map(i ->
            RestoreDbInstanceToPointInTimeResponse.builder().dbInstance(i).build()))
        .build());
  }

  private ChangeResult<?> submitSnapshotRestore(DbSnapshotId snapshotId, DbInstanceId newId, String instanceClass,
      Collection<Tag> sourceTags) {
    String target = newId.value();
    RestorePoint point = new RestorePoint.FromSnapshot(snapshotId);
    String callId = Tags.newCallId();
    Tags tags = RdsModel.created(sourceTags, ctx.defaultTags(), Map.of(),
        Map.of(RESTORED_FROM, origin(point), Tags.CALL_ID_KEY, callId));
    RestoreDbInstanceFromDbSnapshotRequest request = RestoreDbInstanceFromDbSnapshotRequest.builder()
        .dbInstanceIdentifier(target)
        .dbSnapshotIdentifier(snapshotId.value())
        .dbInstanceClass(instanceClass)
        .tags(RdsModel.sdkTags(tags))
        .build();
    return ctx.gate().submit(Change.of(FROM_SNAPSHOT, target, request, rds::restoreDBInstanceFromDBSnapshot)
        .ifAlreadyExists(attempts -> sameRestore(target, point, callId, attempts).map(i ->
            RestoreDbInstanceFromDbSnapshotResponse.builder().dbInstance(i).build()))
        .build());
  }

  /** Step 3: waits until the new instance is available. */
  DatabaseInstance await(DbInstanceId newId, Duration timeout) {
    return lookup.awaitInstance(newId.value(), timeout);
  }

  /**
   * Step 3 after a restore this process submitted: RDS answers a restore with the new instance (as a rule
   * {@code creating}); when that answer already says {@code available}, there is nothing to wait for.
   */
  DatabaseInstance await(ChangeResult<?> submitted, DbInstanceId newId, Duration timeout) {
    Object answer = submitted.value().orElse(null);
    DBInstance answered = answer instanceof RestoreDbInstanceToPointInTimeResponse r ? r.dbInstance()
        : answer instanceof RestoreDbInstanceFromDbSnapshotResponse r ? r.dbInstance() : null;
    if (answered != null && newId.value().equals(answered.dbInstanceIdentifier())) {
      DatabaseInstance instance = RdsModel.instance(answered);
      if (instance.isAvailable()) {
        return instance;
      }
    }
    return await(newId, timeout);
  }

  /** Steps 1 to 3 (a snapshot restore goes through {@link #restoreSnapshot}, which does not need the source). */
  ChangeResult<DatabaseInstance> restore(RestorePoint point, DbInstanceId newId, Duration timeout) {
    if (point instanceof RestorePoint.FromSnapshot fs) {
      return restoreSnapshot(fs.snapshotId(), newId, RestoreOptions.builder().timeout(timeout).build());
    }
    DBInstance source = check(point, newId);
    ChangeResult<?> result = submit(point, newId, source);
    return Results.withValue(result, () -> await(result, newId, timeout));
  }

  /**
   * The instance an earlier attempt of this call made: restored from the same point (its tag says so) and,
   * where RDS already reports it, created during the call.
   */
  private Optional<DBInstance> sameRestore(String target, RestorePoint point, String callId, CallAttempts attempts) {
    return lookup.findInstance(target).filter(i -> isSameRestore(i, point)
        && callId.equals(RdsModel.tags(i.tagList()).get(Tags.CALL_ID_KEY))
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
