package dev.opskit.backup.internal;

import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.PrunePolicy;
import dev.opskit.backup.PruneResult;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.change.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;

/** Deletes the manual snapshots a policy lets go, never the newest. */
final class SnapshotPruner {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotPruner.class);
  private final OpsContext ctx;
  private final RdsClient rds;
  private final RdsLookup lookup;
  private final String instanceId;

  SnapshotPruner(OpsContext ctx, RdsClient rds, RdsLookup lookup, String instanceId) {
    this.ctx = ctx;
    this.rds = rds;
    this.lookup = lookup;
    this.instanceId = instanceId;
  }

  PruneResult prune(PrunePolicy policy) {
    lookup.instance(instanceId);
    List<DbSnapshot> manual = lookup.snapshots(instanceId).stream().filter(s -> s.type() == DbSnapshot.Type.MANUAL).toList();
    List<PruneResult.Decision> kept = new ArrayList<>();
    List<PruneResult.Decision> deleted = new ArrayList<>();
    Instant now = ctx.clock().instant();
    int rank = 0;
    for (DbSnapshot s : manual) {
      String keep = s.isAvailable() ? reasonToKeep(policy, s, rank, now) : "status " + s.status() + ", not available";
      LOG.debug("prune instance={} snapshot={} keep={} reason={}", instanceId, s.id(), keep != null, keep);
      if (keep != null) {
        kept.add(new PruneResult.Decision(s, keep));
      } else {
        deleted.add(new PruneResult.Decision(s, delete(s, reasonToDelete(policy, rank))));
      }
      rank += s.isAvailable() ? 1 : 0;
    }
    return new PruneResult(instanceId, kept, deleted, ctx.isDryRun());
  }

  /**
   * Why an available snapshot stays, or null when the policy lets it go. Snapshots that are not available
   * (still creating, failed) are always kept and are not counted: {@code rank} counts only available ones,
   * so the newest snapshot one can restore from is never deleted, even while a newer one is being made.
   */
  static @org.jspecify.annotations.Nullable String reasonToKeep(PrunePolicy policy, DbSnapshot s, int rank, Instant now) {
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

  private String delete(DbSnapshot s, String reason) {
    DeleteDbSnapshotRequest request = DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier(s.id()).build();
    try {
      ctx.gate().submit(Change.of("rds:DeleteDBSnapshot", s.id(), request, rds::deleteDBSnapshot).ifAlreadyGone().build());
      return reason;
    } catch (ResourceNotFoundException e) {
      return reason + " (already gone)";
    }
  }

  static String describe(Duration d) {
    return d.equals(Duration.ofDays(d.toDays())) ? d.toDays() + " days" : d.toString();
  }
}
