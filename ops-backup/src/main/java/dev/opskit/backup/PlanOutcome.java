package dev.opskit.backup;

/** What a desired-state operation did with the differences it found. */
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
