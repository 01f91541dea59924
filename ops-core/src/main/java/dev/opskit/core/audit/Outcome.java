package dev.opskit.core.audit;

/** How a change ended. */
public enum Outcome {
  /** AWS accepted the change (or it had already been made, see {@link AuditEvent#detail()}). */
  SUCCEEDED,
  /** The change failed; {@link AuditEvent#detail()} says why. */
  FAILED,
  /** Dry run: the change was recorded but nothing was sent. */
  PLANNED
}
