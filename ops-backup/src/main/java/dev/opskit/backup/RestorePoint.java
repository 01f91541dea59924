package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.DbSnapshotId;
import java.time.Instant;

/**
 * Where a recovery restores to: a snapshot, a point in time, or the latest restorable time.
 */
public sealed interface RestorePoint permits RestorePoint.FromSnapshot, RestorePoint.AtTime, RestorePoint.Latest {

  /**
   * A manual snapshot.
   *
   * @param snapshotId the snapshot identifier
   * @return the restore point
   * @throws ValidationException when it is not a valid DB snapshot identifier (naming {@code snapshotId})
   */
  static RestorePoint snapshot(String snapshotId) {
    return new FromSnapshot(Checks.dbSnapshotId("snapshotId", snapshotId));
  }

  /**
   * A manual snapshot.
   *
   * @param snapshotId the snapshot identifier
   * @return the restore point
   * @throws ValidationException when the id is null
   */
  static RestorePoint snapshot(DbSnapshotId snapshotId) {
    return new FromSnapshot(snapshotId);
  }

  /**
   * A point in time inside the instance's restorable window.
   *
   * @param time the time
   * @return the restore point
   * @throws ValidationException when the time is null
   */
  static RestorePoint at(Instant time) {
    return new AtTime(time);
  }

  /** {@return the latest restorable time (usually a few minutes ago)} */
  static RestorePoint latest() {
    return new Latest();
  }

  /**
   * A snapshot.
   *
   * @param snapshotId the snapshot
   */
  record FromSnapshot(DbSnapshotId snapshotId) implements RestorePoint {
    /**
     * Validates.
     *
     * @param snapshotId the snapshot
     */
    public FromSnapshot {
      Checks.present("snapshotId", snapshotId, "a DB snapshot identifier");
    }

    @Override
    public String toString() {
      return "snapshot " + snapshotId;
    }
  }

  /**
   * A point in time.
   *
   * @param time the time
   */
  record AtTime(Instant time) implements RestorePoint {
    /**
     * Validates.
     *
     * @param time the time
     */
    public AtTime {
      if (time == null) {
        throw ValidationException.of("restoreTime", null, "a time inside the instance's restorable window");
      }
    }

    @Override
    public String toString() {
      return "point in time " + time;
    }
  }

  /** The latest restorable time. */
  record Latest() implements RestorePoint {
    @Override
    public String toString() {
      return "latest restorable time";
    }
  }
}
