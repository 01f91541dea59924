package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.util.List;

/**
 * What {@link RdsBackups#prune(PrunePolicy)} did, or in a dry run would do, with each manual snapshot.
 *
 * @param instanceId the DB instance
 * @param kept the snapshots kept, newest first, each with the reason
 * @param deleted the snapshots deleted (in a dry run: that would be deleted), newest first, with the reason
 * @param dryRun whether this was a dry run (nothing deleted)
 */
public record PruneResult(String instanceId, List<Decision> kept, List<Decision> deleted, boolean dryRun) {

  /** Validates and copies. */
  public PruneResult {
    Checks.present("instanceId", instanceId, "a value (required)");
    kept = List.copyOf(kept);
    deleted = List.copyOf(deleted);
  }

  /** The ids of the deleted (or, in a dry run, to-be-deleted) snapshots. */
  public List<String> deletedIds() {
    return deleted.stream().map(d -> d.snapshot().id()).toList();
  }

  /** The ids of the kept snapshots. */
  public List<String> keptIds() {
    return kept.stream().map(d -> d.snapshot().id()).toList();
  }

  /**
   * What happens to one snapshot, and why.
   *
   * @param snapshot the snapshot
   * @param reason why, such as {@code newest snapshot} or {@code older than PT720H}
   */
  public record Decision(DbSnapshot snapshot, String reason) {
    /** Validates. */
    public Decision {
      Checks.present("snapshot", snapshot, "a value (required)");
      Checks.present("reason", reason, "a value (required)");
    }
  }
}
