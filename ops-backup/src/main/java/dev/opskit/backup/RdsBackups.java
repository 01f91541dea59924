package dev.opskit.backup;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Backups of one RDS DB instance: the guide's manual snapshots, restores, point-in-time recovery,
 * automated-backup settings, pruning and the recovery procedure. Obtain with {@link Backups#rds(String)}.
 *
 * <p>Every change goes through the context's gate. Input is checked before any call; an instance that
 * does not exist gives {@link dev.opskit.core.ResourceNotFoundException} before any change is sent.
 */
public interface RdsBackups {

  /** The DB instance these operations act on. */
  String instanceId();

  /**
   * Takes a manual snapshot named as the guide does, {@code <instance>-manual-<yyyyMMdd>} (the date from
   * the context's clock, UTC; {@code -2}, {@code -3}... when the name is taken), tagged with the
   * instance's tags and the context's default tags, and waits until it is available, reporting progress.
   * In a dry run, nothing is sent and the snapshot comes back with status {@value DbSnapshot#PLANNED}.
   *
   * @return the snapshot
   * @throws dev.opskit.core.ResourceNotFoundException when the instance does not exist
   * @throws dev.opskit.core.OperationTimeoutException when it is not available in time
   */
  DbSnapshot snapshot();

  /**
   * Takes a manual snapshot with options: an explicit name, extra tags, don't wait.
   *
   * @param options sets the options, such as {@code o -> o.name("before-upgrade").waitUntilAvailable(false)}
   * @return the snapshot
   */
  DbSnapshot snapshot(Consumer<SnapshotOptions.Builder> options);

  /**
   * Takes a manual snapshot with options.
   *
   * @param options the options
   * @return the snapshot
   */
  DbSnapshot snapshot(SnapshotOptions options);

  /**
   * Every snapshot of the instance, manual and automated, across every page, newest first.
   *
   * @return the snapshots
   */
  List<DbSnapshot> snapshots();

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
   * {@link #restoreFromSnapshot(String, String, Consumer)} (the new instance then gets the snapshot's tags).
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws dev.opskit.core.ValidationException when an identifier is invalid, the snapshot is of another
   *     instance, or this instance no longer exists and so has no class to copy (all before any change)
   * @throws dev.opskit.core.ResourceStateException when an instance named {@code newInstanceId} already
   *     exists, whatever made it (an earlier run of this very restore too): delete it or choose another id;
   *     or when the snapshot is not available (all before any change)
   * @throws dev.opskit.core.ResourceNotFoundException when the snapshot does not exist
   */
  DatabaseInstance restoreFromSnapshot(String snapshotId, String newInstanceId);

  /**
   * Restores a snapshot of this instance with options, such as the class of the new instance (needed when
   * this instance no longer exists): {@code restoreFromSnapshot("prod-database-final", "prod-database-back",
   * o -> o.instanceClass("db.r6g.large").timeout(Duration.ofHours(2)))}. Otherwise as
   * {@link #restoreFromSnapshot(String, String)}.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @param options sets the options
   * @return the new instance
   */
  DatabaseInstance restoreFromSnapshot(String snapshotId, String newInstanceId, Consumer<RestoreOptions.Builder> options);

  /**
   * Restores a snapshot of this instance with options. Otherwise as {@link #restoreFromSnapshot(String, String)}.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @param options the options
   * @return the new instance
   */
  DatabaseInstance restoreFromSnapshot(String snapshotId, String newInstanceId, RestoreOptions options);

  /**
   * Restores the instance as it was at a point in time into a new instance and waits until it is
   * available. The time is checked against {@link #restorableWindow()} before any change.
   *
   * @param time inside the restorable window
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws dev.opskit.core.ValidationException when the time is null or outside the window (before any change)
   * @throws dev.opskit.core.ResourceStateException when automated backups are off, or an instance named
   *     {@code newInstanceId} already exists (before any change; delete it or choose another id)
   */
  DatabaseInstance restoreToPointInTime(Instant time, String newInstanceId);

  /**
   * Restores the instance as of its latest restorable time into a new instance and waits until it is
   * available.
   *
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws dev.opskit.core.ResourceStateException when automated backups are off, or an instance named
   *     {@code newInstanceId} already exists (before any change; delete it or choose another id)
   */
  DatabaseInstance restoreToLatestRestorableTime(String newInstanceId);

  /**
   * Compares the desired automated-backup settings with the live ones. Reads only.
   *
   * @param settings the desired settings
   * @return the differences, outcome {@link PlanOutcome#COMPARED}
   */
  SettingsPlan planAutomatedBackups(AutomatedBackupSettings settings);

  /**
   * Makes the live automated-backup settings the desired ones: one {@code ModifyDBInstance} with
   * {@code ApplyImmediately}, sent only when something differs, repeated while the instance is in a state
   * that refuses it. The resulting windows are checked (format, length, no overlap) before the call.
   *
   * @param settings the desired settings
   * @return the differences and what was done
   */
  SettingsPlan configureAutomatedBackups(AutomatedBackupSettings settings);

  /**
   * Same as {@link #configureAutomatedBackups(AutomatedBackupSettings)} with a builder.
   *
   * @param settings sets the desired settings
   * @return the differences and what was done
   */
  SettingsPlan configureAutomatedBackups(Consumer<AutomatedBackupSettings.Builder> settings);

  /**
   * Deletes the manual snapshots the policy lets go; the newest manual snapshot is never deleted. In a
   * dry run, lists exactly which would go and deletes nothing.
   *
   * @param policy the policy
   * @return every manual snapshot, kept or deleted, with the reason
   */
  PruneResult prune(PrunePolicy policy);

  /**
   * The guide's five-step recovery: identify the restore point, restore into a new instance, wait,
   * verify it against the source (status, engine, class, storage, tags), and hand over the report with
   * the new endpoint, calling the traffic switch when one is given. In a dry run, the restore is only
   * planned and the report's instance has status {@value DbSnapshot#PLANNED}.
   *
   * @param request what to recover to
   * @return the report
   * @throws dev.opskit.core.ValidationException when the time is outside the restorable window (step 1
   *     checks input and fails before any change)
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
  RecoveryReport recover(Consumer<RecoveryRequest.Builder> request);
}
