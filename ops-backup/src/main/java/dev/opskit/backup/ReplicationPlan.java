package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.util.List;
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
    Checks.present("bucket", bucket, "a value (required)");
    Checks.present("desired", desired, "a value (required)");
    missingPrerequisites = List.copyOf(missingPrerequisites);
    Checks.present("outcome", outcome, "a value (required)");
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
