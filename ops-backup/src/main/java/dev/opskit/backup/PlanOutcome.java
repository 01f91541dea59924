package dev.opskit.backup;

/**
 * What S3 replication's {@link ReplicationPlan} did with the differences it found, until replication too moves
 * to core's {@link dev.opskit.core.change.Plan}; the RDS automated-backup settings already speak core's plan,
 * apply and drift, and nothing else in this module uses it.
 */
public enum PlanOutcome {
  /** Only compared; nothing was sent or planned. */
  COMPARED,
  /** Nothing to do: the live state already is the desired one. */
  UP_TO_DATE,
  /** A dry run recorded the change; nothing was sent. */
  PLANNED,
  /** The change was sent. */
  APPLIED
}
