package dev.opskit.backup;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The difference between a bucket's live replication and the desired one, the prerequisites that are
 * missing, and what was done.
 *
 * @param bucket the source bucket
 * @param desired the desired replication
 * @param current the live replication; null when none is configured
 * @param missingPrerequisites what must be fixed first, such as
 *     {@code versioning is not enabled on source bucket app-data}; empty when ready
 * @param outcome what was done
 */
public record ReplicationPlan(
    String bucket,
    ReplicationDefinition desired,
    @Nullable ReplicationDefinition current,
    List<String> missingPrerequisites,
    PlanOutcome outcome) {

  /** Validates and copies. */
  public ReplicationPlan {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(desired, "desired");
    missingPrerequisites = List.copyOf(missingPrerequisites);
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Whether every prerequisite is met. */
  public boolean isReady() {
    return missingPrerequisites.isEmpty();
  }

  /** Whether the live replication already is the desired one. */
  public boolean isUpToDate() {
    return desired.equals(current);
  }
}
