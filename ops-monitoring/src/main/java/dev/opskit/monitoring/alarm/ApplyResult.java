package dev.opskit.monitoring.alarm;

import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * What {@link Alarms#apply} did: the plan, and either the calls made or, in a dry run, the calls that
 * would have been made (nothing was sent).
 *
 * @param plan the plan applied
 * @param dryRun whether this was a dry run
 * @param calls the calls, in order: each {@code cloudwatch:PutMetricAlarm}, {@code cloudwatch:PutCompositeAlarm}
 *     and {@code cloudwatch:DeleteAlarms} with its (redacted) parameters
 */
public record ApplyResult(AlarmPlan plan, boolean dryRun, List<PlannedCall> calls) {
  /** Validates and copies. */
  public ApplyResult {
    Checks.present("plan", plan, "a value (required)");
    calls = List.copyOf(calls);
  }

  /**
   * The plan and the calls for people; a dry run says that nothing was changed.
   *
   * @return the text
   */
  public String render() {
    StringBuilder sb = new StringBuilder(plan.render()).append('\n');
    sb.append(dryRun ? "Dry run: nothing was changed; would call:" : "Called:").append('\n');
    calls.forEach(c -> sb.append("  ").append(c.operation()).append(' ').append(c.target()).append('\n'));
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
