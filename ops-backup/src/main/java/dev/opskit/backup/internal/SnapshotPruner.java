package dev.opskit.backup.internal;

import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.PrunePolicy;
import dev.opskit.backup.PruneResult;
import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.DbInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotResponse;

/**
 * Deletes the manual snapshots a policy lets go, never the newest. The deletions are a core {@link Plan}
 * (one delete per snapshot, the kept ones unchanged) applied by the gate, so a deletion that fails ends in
 * the one part-way failure, {@link dev.opskit.core.change.PartialApplyException}.
 */
final class SnapshotPruner {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotPruner.class);
  static final String RESOURCE_TYPE = "DB snapshot";
  private final OpsContext ctx;
  private final RdsClient rds;
  private final RdsLookup lookup;
  private final DbInstanceId instanceId;

  SnapshotPruner(OpsContext ctx, RdsClient rds, RdsLookup lookup, DbInstanceId instanceId) {
    this.ctx = ctx;
    this.rds = rds;
    this.lookup = lookup;
    this.instanceId = instanceId;
  }

  PruneResult prune(PrunePolicy policy) {
    lookup.instance(instanceId.value());
    List<DbSnapshot> manual = lookup.manualSnapshots(instanceId.value());
    List<PruneResult.Decision> kept = new ArrayList<>();
    List<PruneResult.Decision> toDelete = new ArrayList<>();
    List<ResourceChange> changes = new ArrayList<>();
    Instant now = ctx.clock().instant();
    int rank = 0;
    for (DbSnapshot s : manual) {
      String keep = s.isAvailable() ? reasonToKeep(policy, s, rank, now) : "status " + s.status() + ", not available";
      LOG.debug("prune instance={} snapshot={} keep={} reason={}", instanceId, s.id(), keep != null, keep);
      if (keep != null) {
        kept.add(new PruneResult.Decision(s, keep));
        changes.add(ResourceChange.unchanged(RESOURCE_TYPE, s.id()));
      } else {
        toDelete.add(new PruneResult.Decision(s, reasonToDelete(policy, rank)));
        changes.add(ResourceChange.delete(RESOURCE_TYPE, s.id(), List.of(delete(s))));
      }
      rank += s.isAvailable() ? 1 : 0;
    }
    ApplyResult applied = ctx.gate().apply(Plan.of("manual snapshots of " + instanceId, changes));
    // The gate applies the deletions in plan order, so the i-th applied change is the i-th deletion.
    List<PruneResult.Deletion> deleted = new ArrayList<>();
    for (int i = 0; i < toDelete.size(); i++) {
      PruneResult.Decision d = toDelete.get(i);
      deleted.add(new PruneResult.Deletion(d.snapshot(), d.reason(), deleted(applied.results().get(i).results().get(0),
          d.snapshot())));
    }
    return new PruneResult(instanceId, kept, deleted);
  }

  private Change<DeleteDbSnapshotResponse> delete(DbSnapshot s) {
    DeleteDbSnapshotRequest request = DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier(s.id()).build();
    return Change.of("rds:DeleteDBSnapshot", s.id(), request, rds::deleteDBSnapshot).ifAlreadyGone().build();
  }

  /** The deletion's result, its value the snapshot as AWS answered (empty when a retried delete found it gone). */
  private static ChangeResult<DbSnapshot> deleted(ChangeResult<?> result, DbSnapshot listed) {
    return result.map(answer -> answer instanceof DeleteDbSnapshotResponse r && r.dbSnapshot() != null
        ? RdsModel.snapshot(r.dbSnapshot()) : listed);
  }

  /**
   * Why an available snapshot stays, or null when the policy lets it go. Snapshots that are not available
   * (still creating, failed) are always kept and are not counted: {@code rank} counts only available ones,
   * so the newest snapshot one can restore from is never deleted, even while a newer one is being made.
   */
  static @Nullable String reasonToKeep(PrunePolicy policy, DbSnapshot s, int rank, Instant now) {
    if (rank == 0) {
      return "newest manual snapshot (a policy never deletes it)";
    }
    if (policy.keepLast() != null && rank < policy.keepLast()) {
      return "among the newest " + policy.keepLast();
    }
    if (policy.maxAge() != null) {
      if (s.createdAt() == null) {
        return "no creation time reported";
      }
      if (Duration.between(s.createdAt(), now).compareTo(policy.maxAge()) <= 0) {
        return "not older than " + describe(policy.maxAge());
      }
    }
    return null;
  }

  private static String reasonToDelete(PrunePolicy policy, int rank) {
    List<String> reasons = new ArrayList<>();
    if (policy.maxAge() != null) {
      reasons.add("older than " + describe(policy.maxAge()));
    }
    if (policy.keepLast() != null) {
      reasons.add("not among the newest " + policy.keepLast() + " (number " + (rank + 1) + ")");
    }
    return String.join(" and ", reasons);
  }

  static String describe(Duration d) {
    return d.equals(Duration.ofDays(d.toDays())) ? d.toDays() + " days" : d.toString();
  }
}
