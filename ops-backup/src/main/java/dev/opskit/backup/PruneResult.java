package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.DbInstanceId;
import java.util.List;

/**
 * What {@link RdsBackups#prune(PrunePolicy)} did with each manual snapshot: kept it, with the reason, or
 * deleted it, with the reason and the result of the {@code DeleteDBSnapshot} change. In a dry run every
 * deletion's result is a {@link ChangeResult.Planned}: nothing was deleted.
 *
 * @param instanceId the DB instance
 * @param kept the snapshots kept, newest first, each with the reason
 * @param deleted the snapshots deleted (in a dry run: planned for deletion), newest first
 */
public record PruneResult(DbInstanceId instanceId, List<Decision> kept, List<Deletion> deleted) {

  /**
   * Validates and copies.
   *
   * @param instanceId the DB instance
   * @param kept the snapshots kept, newest first, each with the reason
   * @param deleted the snapshots deleted (in a dry run: planned for deletion), newest first
   */
  public PruneResult {
    Checks.present("instanceId", instanceId, "a value (required)");
    kept = Checks.list("kept", kept, "the snapshots kept");
    deleted = Checks.list("deleted", deleted, "the snapshots deleted");
  }

  /** {@return whether no deletion was sent: a dry run (or nothing to delete)} */
  public boolean isPlanned() {
    return deleted.stream().allMatch(d -> d.result().isPlanned());
  }

  /** {@return the ids of the deleted (or, in a dry run, to-be-deleted) snapshots} */
  public List<String> deletedIds() {
    return deleted.stream().map(d -> d.snapshot().id()).toList();
  }

  /** {@return the ids of the kept snapshots} */
  public List<String> keptIds() {
    return kept.stream().map(d -> d.snapshot().id()).toList();
  }

  /**
   * A snapshot kept, and why.
   *
   * @param snapshot the snapshot
   * @param reason why, such as {@code newest manual snapshot (a policy never deletes it)}
   */
  public record Decision(DbSnapshot snapshot, String reason) {
    /**
     * Validates.
     *
     * @param snapshot the snapshot
     * @param reason why, such as {@code newest manual snapshot (a policy never deletes it)}
     */
    public Decision {
      Checks.present("snapshot", snapshot, "a value (required)");
      Checks.present("reason", reason, "a value (required)");
    }
  }

  /**
   * A snapshot deleted, why, and the change that deleted it.
   *
   * @param snapshot the snapshot as listed before the deletion
   * @param reason why, such as {@code older than 30 days}
   * @param result the {@code rds:DeleteDBSnapshot} change: {@link ChangeResult.Applied} with the snapshot as AWS
   *     answered (status {@code deleted}; no answer when a retried delete found it already gone), or
   *     {@link ChangeResult.Planned} in a dry run
   */
  public record Deletion(DbSnapshot snapshot, String reason, ChangeResult<DbSnapshot> result) {
    /**
     * Validates.
     *
     * @param snapshot the snapshot as listed before the deletion
     * @param reason why, such as {@code older than 30 days}
     * @param result the {@code rds:DeleteDBSnapshot} change: {@link ChangeResult.Applied} with the snapshot as AWS     answered (status {@code deleted}; no answer when a retried delete found it already gone), or     {@link ChangeResult.Planned} in a dry run
     */
    public Deletion {
      Checks.present("snapshot", snapshot, "a value (required)");
      Checks.present("reason", reason, "a value (required)");
      Checks.present("result", result, "the result of the DeleteDBSnapshot change");
    }
  }
}
