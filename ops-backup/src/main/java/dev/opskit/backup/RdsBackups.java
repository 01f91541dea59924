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
   * The times the instance can be restored to; see {@link RestorableWindow} for how the earliest time is
   * worked out.
   *
   * @return the window
   * @throws dev.opskit.core.ResourceStateException when automated backups are off (retention 0)
   */
  RestorableWindow restorableWindow();

  /**
   * Restores a snapshot of this instance into a new instance (with the source's class and tags) and
   * waits until it is available.
   *
   * @param snapshotId the snapshot
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws dev.opskit.core.ValidationException when an identifier is invalid, the snapshot is of another
   *     instance, or another instance already uses {@code newInstanceId} (all before any change)
   * @throws dev.opskit.core.ResourceNotFoundException when the instance or snapshot does not exist
   */
  DatabaseInstance restoreFromSnapshot(String snapshotId, String newInstanceId);

  /**
   * Restores the instance as it was at a point in time into a new instance and waits until it is
   * available. The time is checked against {@link #restorableWindow()} before any change.
   *
   * @param time inside the restorable window
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws dev.opskit.core.ValidationException when the time is null or outside the window, or another
   *     instance already uses {@code newInstanceId} (all before any change)
   * @throws dev.opskit.core.ResourceStateException when automated backups are off
   */
  DatabaseInstance restoreToPointInTime(Instant time, String newInstanceId);

  /**
   * Restores the instance as of its latest restorable time into a new instance and waits until it is
   * available.
   *
   * @param newInstanceId the new instance
   * @return the new instance
   * @throws dev.opskit.core.ValidationException when another instance already uses {@code newInstanceId}
   * @throws dev.opskit.core.ResourceStateException when automated backups are off
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
   * @throws dev.opskit.core.ValidationException when the new id is taken or the time is outside the
   *     restorable window (step 1 checks input and fails before any change)
   * @throws dev.opskit.core.ResourceNotFoundException when the instance or snapshot does not exist (step 1)
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
