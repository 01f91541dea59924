package dev.opskit.monitoring.alarm;

import dev.opskit.core.OpsException;
import dev.opskit.core.change.PlannedCall;
import java.util.List;

/**
 * Applying an {@link AlarmPlan} failed part-way. Nothing is rolled back: the calls in {@link #applied()}
 * took effect, the failed call and the ones after it did not. Alarms are desired state, so planning
 * again with the same definitions shows exactly what is left, and applying that plan finishes the job.
 * The cause is the {@link OpsException} of the failed call.
 */
public final class AlarmApplyException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final transient List<PlannedCall> applied;
  private final int total;

  /**
   * Creates the exception.
   *
   * @param applied the calls made before the failure, in order
   * @param total how many calls the plan needed in all
   * @param cause the failure of the next call
   */
  public AlarmApplyException(List<PlannedCall> applied, int total, OpsException cause) {
    super(message(applied, total, cause), cause.operation(), cause.resource(), cause.awsErrorCode(),
        cause.requestId(), cause);
    this.applied = List.copyOf(applied);
    this.total = total;
  }

  /** The calls that took effect before the failure, in order. */
  public List<PlannedCall> applied() {
    return applied;
  }

  /** How many calls the plan needed in all. */
  public int total() {
    return total;
  }

  private static String message(List<PlannedCall> applied, int total, OpsException cause) {
    String done = applied.isEmpty() ? "none"
        : String.join(", ", applied.stream().map(c -> c.operation() + " " + c.target()).toList());
    return "applying the alarm plan failed at call " + (applied.size() + 1) + " of " + total + " ("
        + cause.getMessage() + "). Applied before the failure and left in place: " + done
        + ". Not applied: the failed call and the " + (total - applied.size() - 1)
        + " after it. Plan again with the same definitions to see what is left, then apply.";
  }
}
