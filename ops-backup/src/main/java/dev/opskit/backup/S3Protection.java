package dev.opskit.backup;

import java.util.Optional;

/**
 * Versioning and replication of one S3 bucket, the guide's cross-region replication. Obtain with
 * {@link Backups#s3(String)}.
 */
public interface S3Protection {

  /** The bucket these operations act on. */
  String bucket();

  /** The bucket's versioning state. Reads only. */
  BucketVersioning versioning();

  /**
   * Turns versioning on ({@code PutBucketVersioning}); sends nothing when it already is.
   *
   * @return the state read back; in a dry run, the unchanged current state (the plan is in the audit trail)
   * @throws dev.opskit.core.ResourceNotFoundException when the bucket does not exist
   */
  BucketVersioning enableVersioning();

  /**
   * Compares the desired replication with the live one and names missing prerequisites (versioning off
   * on the source or a destination bucket, a destination that does not exist). Reads only.
   *
   * @param definition the desired replication
   * @return the plan, outcome {@link PlanOutcome#COMPARED}
   */
  ReplicationPlan plan(ReplicationDefinition definition);

  /**
   * Makes the live replication the desired one ({@code PutBucketReplication}), only when it differs.
   *
   * @param definition the desired replication
   * @return the plan and what was done
   * @throws dev.opskit.core.ResourceStateException naming the missing prerequisites, before any change
   */
  ReplicationPlan apply(ReplicationDefinition definition);

  /** The live replication configuration; empty when none is configured. Reads only. */
  Optional<ReplicationDefinition> readReplication();
}
