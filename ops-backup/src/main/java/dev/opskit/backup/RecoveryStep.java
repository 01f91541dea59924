package dev.opskit.backup;

/** The guide's five recovery steps, in order. */
public enum RecoveryStep {
  /**
   * 1. Identify the restore point (snapshot, time or latest), checked against the source. This step only
   * checks input, so its failures are thrown as they are ({@link dev.opskit.core.ValidationException},
   * {@link dev.opskit.core.ResourceNotFoundException}), not as a {@link RecoveryFailedException}.
   */
  IDENTIFY_RESTORE_POINT(1),
  /** 2. Create the new instance from the snapshot or point in time. */
  RESTORE(2),
  /** 3. Wait until the new instance is available. */
  WAIT(3),
  /** 4. Verify the new instance: status, engine, class, storage and tags against the source. */
  VERIFY(4),
  /** 5. Hand over the new endpoint and, when a hook is given, switch traffic. */
  SWITCH_TRAFFIC(5);

  private final int number;

  RecoveryStep(int number) {
    this.number = number;
  }

  /** The step's number in the guide, 1 to 5. */
  int number() {
    return number;
  }
}
