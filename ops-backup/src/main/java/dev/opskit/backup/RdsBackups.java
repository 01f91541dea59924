package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.DbSnapshotId;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Backups of one RDS DB instance: the guide's manual snapshots, restores, point-in-time recovery,
 * automated-backup settings (desired state), pruning and the recovery procedure. Obtain with
 * {@link Backups#rds(String)}.
 *
 * <p>Every change goes through the context's gate and comes back as a {@link ChangeResult}: {@code Applied}
 * with the result, or {@code Planned} with the exact call in a dry run. Input is checked before any call, and
 * a {@link ValidationException} names the parameter given ({@code newInstanceId}, {@code snapshotId}...); an
 * instance that does not exist gives {@link dev.opskit.core.ResourceNotFoundException} before any change is
 * sent.
 *
 * <p>The automated-backup settings are desired state, in core's one vocabulary ({@link DesiredState}):
 *
 * <pre>{@code
 * RdsBackups rds = backups.rds("prod-database");
 * Plan plan = rds.plan(AutomatedBackupSettings.builder().retention(Duration.ofDays(7)).build());
 * System.out.println(plan.render());   // ~ update DB instance prod-database / BackupRetentionPeriod: 1 -> 7
 * ApplyResult result = rds.apply(plan); // exactly one ModifyDBInstance, retried while the instance is busy
 * }</pre>
 */
public interface RdsBackups extends DesiredState<AutomatedBackupSettings> {

  /** {@return the DB instance these operations act on} */
  DbInstanceId instanceId();

  /**
   * Takes a manual snapshot named as the guide does, {@code <instance>-manual-<yyyyMMdd>} (the date from
   * the context's clock, UTC; {@code -2}, {@code -3}... when the name is taken), tagged with the instance's
   * tags and the context's default tags, and waits until it is available, reporting progress.
   *
   * @return the snapshot, available; in a dry run {@code Planned}, its call naming the snapshot it would take
   * @throws dev.opskit.core.ResourceNotFoundException when the instance does not exist
   * @throws dev.opskit.core.OperationTimeoutException when it is not available in time
   */
  default ChangeResult<DbSnapshot> snapshot() {
    return snapshot(SnapshotOptions.builder().build());
  }

  /**
   * Takes a manual snapshot with options: an explicit name, extra tags, don't wait.
   *
   * @param options sets the options, such as {@code o -> o.name("before-upgrade").waitUntilAvailable(false)}
   * @return the snapshot (as AWS first reports it when not waiting)
   */
  default ChangeResult<DbSnapshot> snapshot(Consumer<SnapshotOptions.Builder> options) {
    Checks.present("options", options, "a function that sets the snapshot options, such as o -> o.name(\"before-upgrade\")");
    SnapshotOptions.Builder b = SnapshotOptions.builder();
    options.accept(b);
    return snapshot(b.build());
  }

  /**
   * Takes a manual snapshot with options.
   *
   * @param options the options
   * @return the snapshot
   */
  ChangeResult<DbSnapshot> snapshot(SnapshotOptions options);

  /**
   * Every snapshot of the instance, manual and automated, in the order AWS lists them, read page by page
   * as the stream is consumed (constant memory). An error on any page comes out as an
   * {@link dev.opskit.core.OpsException}. Close the stream (try-with-resources) when not consuming it to the
   * end; sort with {@link DbSnapshot#NEWEST_FIRST}.
   *
   * <pre>{@code
   * try (Stream<DbSnapshot> all = rds.snapshots()) {
   *   List<DbSnapshot> newestFirst = all.sorted(DbSnapshot.NEWEST_FIRST).toList();
   * }
   * }</pre>
   *
   * @return the snapshots, lazily
   */
  Stream<DbSnapshot> snapshots();

  /**
   * The times the instance can be restored to: the {@code RestoreWindow} AWS reports for the instance's
   * automated backup (DescribeDBInstanceAutomatedBackups); see {@link RestorableWindow} for the estimate used
   * when AWS reports none.
   *
   * @return the window
   * @throws dev.opskit.core.ResourceStateException when automated backups are off (retention 0)
   */
  RestorableWindow restorableWindow();

  /**
   * Restores a snapshot of this instance into a new instance and waits until it is available. The new
   * instance gets the snapshot's engine and storage, the class and tags of this instance, the context's
   * default tags and the tag {@code opskit:restored-from}. The snapshot may outlive the instance: to restore
   * a snapshot of an instance that no longer exists, give the class with
   * {@link #restoreFromSnapshot(DbSnapshotId, DbInstanceId, RestoreOptions)} (the new instance then gets the
   * snapshot's tags).
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @param options the class of the new instance, how long to wait
   * @return the new instance, available; {@code Planned} in a dry run
   * @throws ValidationException when the snapshot is of another instance, or this instance no longer exists and
   *     so has no class to copy (all before any change)
   * @throws dev.opskit.core.ResourceStateException when an instance named {@code newInstanceId} already
   *     exists, whatever made it (an earlier run of this very restore too): delete it or choose another id;
   *     or when the snapshot is not available (all before any change)
   * @throws dev.opskit.core.ResourceNotFoundException when the snapshot does not exist
   */
  ChangeResult<DatabaseInstance> restoreFromSnapshot(DbSnapshotId snapshotId, DbInstanceId newInstanceId,
      RestoreOptions options);

  /**
   * Restores a snapshot of this instance with the default options. Otherwise as
   * {@link #restoreFromSnapshot(DbSnapshotId, DbInstanceId, RestoreOptions)}.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @return the new instance
   */
  default ChangeResult<DatabaseInstance> restoreFromSnapshot(DbSnapshotId snapshotId, DbInstanceId newInstanceId) {
    return restoreFromSnapshot(snapshotId, newInstanceId, RestoreOptions.builder().build());
  }

  /**
   * Restores a snapshot of this instance with options set in place, such as
   * {@code o -> o.instanceClass("db.r6g.large")}.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @param options sets the options
   * @return the new instance
   */
  default ChangeResult<DatabaseInstance> restoreFromSnapshot(
      DbSnapshotId snapshotId, DbInstanceId newInstanceId, Consumer<RestoreOptions.Builder> options) {
    Checks.present("options", options,
        "a function that sets the restore options, such as o -> o.instanceClass(\"db.t3.micro\")");
    RestoreOptions.Builder b = RestoreOptions.builder();
    options.accept(b);
    return restoreFromSnapshot(snapshotId, newInstanceId, b.build());
  }

  /**
   * Restores a snapshot of this instance with the default options.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws ValidationException naming {@code snapshotId} or {@code newInstanceId} when RDS would not accept it
   */
  default ChangeResult<DatabaseInstance> restoreFromSnapshot(String snapshotId, String newInstanceId) {
    return restoreFromSnapshot(snapshotId, newInstanceId, RestoreOptions.builder().build());
  }

  /**
   * Restores a snapshot of this instance with options.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @param options the options
   * @return the new instance
   * @throws ValidationException naming {@code snapshotId}, {@code newInstanceId} or {@code options}
   */
  default ChangeResult<DatabaseInstance> restoreFromSnapshot(String snapshotId, String newInstanceId, RestoreOptions options) {
    DbSnapshotId snapshot = Checks.dbSnapshotId("snapshotId", snapshotId);
    DbInstanceId target = Checks.dbInstanceId("newInstanceId", newInstanceId);
    return restoreFromSnapshot(snapshot, target,
        Checks.present("options", options, "restore options, such as RestoreOptions.builder().build()"));
  }

  /**
   * Restores a snapshot of this instance with options, such as the class of the new instance (needed when
   * this instance no longer exists): {@code restoreFromSnapshot("prod-database-final", "prod-database-back",
   * o -> o.instanceClass("db.r6g.large").timeout(Duration.ofHours(2)))}.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @param options sets the options
   * @return the new instance
   */
  default ChangeResult<DatabaseInstance> restoreFromSnapshot(
      String snapshotId, String newInstanceId, Consumer<RestoreOptions.Builder> options) {
    Checks.present("options", options,
        "a function that sets the restore options, such as o -> o.instanceClass(\"db.t3.micro\")");
    RestoreOptions.Builder b = RestoreOptions.builder();
    options.accept(b);
    return restoreFromSnapshot(snapshotId, newInstanceId, b.build());
  }

  /**
   * Restores the instance as it was at a point in time into a new instance and waits until it is
   * available. The time is checked against {@link #restorableWindow()} before any change.
   *
   * @param time inside the restorable window
   * @param newInstanceId the new instance
   * @return the new instance, available; {@code Planned} in a dry run
   * @throws ValidationException when the time is null or outside the window (before any change)
   * @throws dev.opskit.core.ResourceStateException when automated backups are off, or an instance named
   *     {@code newInstanceId} already exists (before any change; delete it or choose another id)
   */
  ChangeResult<DatabaseInstance> restoreToPointInTime(Instant time, DbInstanceId newInstanceId);

  /**
   * Restores the instance as it was at a point in time into a new instance.
   *
   * @param time inside the restorable window
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws ValidationException naming {@code newInstanceId} when RDS would not accept it
   */
  default ChangeResult<DatabaseInstance> restoreToPointInTime(Instant time, String newInstanceId) {
    return restoreToPointInTime(time, Checks.dbInstanceId("newInstanceId", newInstanceId));
  }

  /**
   * Restores the instance as of its latest restorable time into a new instance and waits until it is
   * available.
   *
   * @param newInstanceId the new instance
   * @return the new instance, available; {@code Planned} in a dry run
   * @throws dev.opskit.core.ResourceStateException when automated backups are off, or an instance named
   *     {@code newInstanceId} already exists (before any change; delete it or choose another id)
   */
  ChangeResult<DatabaseInstance> restoreToLatestRestorableTime(DbInstanceId newInstanceId);

  /**
   * Restores the instance as of its latest restorable time into a new instance.
   *
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws ValidationException naming {@code newInstanceId} when RDS would not accept it
   */
  default ChangeResult<DatabaseInstance> restoreToLatestRestorableTime(String newInstanceId) {
    return restoreToLatestRestorableTime(Checks.dbInstanceId("newInstanceId", newInstanceId));
  }

  /**
   * The plan of this instance's automated-backup settings: one {@code DB instance} change, an update with
   * the fields that differ ({@code BackupRetentionPeriod}, {@code PreferredBackupWindow},
   * {@code PreferredMaintenanceWindow}, {@code CopyTagsToSnapshot}: AWS's members, live then desired) and the
   * one {@code ModifyDBInstance} with {@code ApplyImmediately} that makes them so, or unchanged. Only the
   * settings given are managed. The resulting windows are checked (no overlap) here, before any change. Reads
   * only.
   *
   * @param definitions at most one settings (this instance's); none gives an empty plan
   * @return the plan
   * @throws ValidationException when more than one settings are given, or the windows would overlap
   */
  @Override
  Plan plan(java.util.Collection<? extends AutomatedBackupSettings> definitions);

  /**
   * The plan of this instance's automated-backup settings, built in place.
   *
   * @param settings sets the desired settings, such as {@code s -> s.retention(Duration.ofDays(7))}
   * @return the plan
   */
  default Plan plan(Consumer<AutomatedBackupSettings.Builder> settings) {
    return plan(build(settings));
  }

  /**
   * Makes exactly the plan's changes through the gate (the {@code ModifyDBInstance} is repeated while the
   * instance is in a state that refuses it). It does not plan again: what the plan says is what is sent.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done; only {@code Planned} results in a dry run
   * @throws dev.opskit.core.change.PartialApplyException when a change fails (what was applied, what failed,
   *     what was not attempted)
   */
  @Override
  ApplyResult apply(Plan plan);

  /**
   * Makes the live automated-backup settings the desired ones: {@code apply(plan(settings))}.
   *
   * @param settings the desired settings
   * @return what was done (nothing when already so)
   */
  default ApplyResult configureAutomatedBackups(AutomatedBackupSettings settings) {
    return apply(plan(Checks.present("settings", settings, "the desired automated-backup settings")));
  }

  /**
   * Same as {@link #configureAutomatedBackups(AutomatedBackupSettings)} with a builder.
   *
   * @param settings sets the desired settings
   * @return what was done
   */
  default ApplyResult configureAutomatedBackups(Consumer<AutomatedBackupSettings.Builder> settings) {
    return configureAutomatedBackups(build(settings));
  }

  /**
   * Deletes the manual snapshots the policy lets go; the newest manual snapshot is never deleted. The
   * deletions are a plan applied through the gate, so a deletion that fails ends the prune with a
   * {@link dev.opskit.core.change.PartialApplyException} (pruning again finishes it). In a dry run, lists
   * exactly which would go and deletes nothing.
   *
   * @param policy the policy
   * @return every manual snapshot, kept or deleted, with the reason and each deletion's result
   */
  PruneResult prune(PrunePolicy policy);

  /**
   * The guide's five-step recovery: identify the restore point, restore into a new instance, wait,
   * verify it against the source (status, engine, class, storage, tags), and hand over the report with
   * the new endpoint, calling the traffic switch when one is given. In a dry run, the restore is only
   * planned (the report's {@link RecoveryReport#restore()} is {@code Planned}) and nothing else happens.
   *
   * @param request what to recover to
   * @return the report
   * @throws ValidationException when the time is outside the restorable window (step 1 checks input and fails
   *     before any change)
   * @throws dev.opskit.core.ResourceStateException when an instance named like the new one already exists
   *     (step 1)
   * @throws dev.opskit.core.ResourceNotFoundException when the instance or snapshot does not exist (step 1;
   *     verification needs the source, so a snapshot of a deleted instance is restored with
   *     {@link #restoreFromSnapshot(String, String, Consumer)} instead)
   * @throws RecoveryFailedException when step 2 to 5 fails: says which, and what exists now (a restored
   *     instance is left in place, never deleted)
   */
  RecoveryReport recover(RecoveryRequest request);

  /**
   * Same as {@link #recover(RecoveryRequest)} with a builder, such as
   * {@code recover(r -> r.restorePoint(RestorePoint.latest()).newInstanceId("prod-database-recovered"))}.
   *
   * @param request sets the request
   * @return the report
   */
  default RecoveryReport recover(Consumer<RecoveryRequest.Builder> request) {
    Checks.present("request", request, "a function that sets the recovery request, such as r -> r.newInstanceId(\"...\")");
    RecoveryRequest.Builder b = RecoveryRequest.builder();
    request.accept(b);
    return recover(b.build());
  }

  private static AutomatedBackupSettings build(Consumer<AutomatedBackupSettings.Builder> settings) {
    Checks.present("settings", settings, "a function that sets the desired settings, such as s -> s.retention(Duration.ofDays(7))");
    AutomatedBackupSettings.Builder b = AutomatedBackupSettings.builder();
    settings.accept(b);
    return b.build();
  }
}
