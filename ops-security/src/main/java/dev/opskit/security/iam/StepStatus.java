package dev.opskit.security.iam;

/** Where one step of a key rotation stands. */
public enum StepStatus {
  /** Not reached yet. */
  NOT_STARTED,
  /** Dry run: the step's calls are described, nothing was sent. */
  PLANNED,
  /** Done. */
  DONE,
  /** Nothing to do (no old key, old key already inactive, the caller chose to leave it inactive). */
  SKIPPED,
  /** Waiting: the wait's budget ran out before its goal; resume the rotation later. */
  WAITING,
  /** Failed; what it could undo is undone (see the step's detail). */
  FAILED,
  /** Done, then undone because a later step failed (the new key deleted, the old key re-activated). */
  ROLLED_BACK;

  /** {@return whether the step needs no more work: done or skipped} */
  public boolean isSettled() {
    return this == DONE || this == SKIPPED;
  }
}
