package dev.opskit.incident.run;

import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one step did.
 *
 * @param step the step's name
 * @param action what kind of step, in SSM's words ({@code aws:executeAwsApi}, ..., {@code opskit:java})
 * @param status how it ended
 * @param started when it started
 * @param ended when it ended
 * @param attempts attempts made (0 for a planned step)
 * @param outputs its outputs by name, secret values redacted
 * @param calls the AWS calls it made or, in a dry run, planned, each with its resolved (redacted) request
 * @param failure why it failed, or null
 */
public record StepResult(String step, String action, RunStatus status, Instant started, Instant ended, int attempts,
    Map<String, Object> outputs, List<PlannedCall> calls, @Nullable String failure) {

  /**
   * Validates and copies.
   *
   * @param step the step's name
   * @param action what kind of step
   * @param status how it ended
   * @param started when it started
   * @param ended when it ended
   * @param attempts attempts made
   * @param outputs its outputs by name, secret values redacted
   * @param calls the AWS calls it made or planned
   * @param failure why it failed, or null
   */
  public StepResult {
    Checks.present("step", step, "a step name");
    Checks.present("action", action, "an action");
    Checks.present("status", status, "a status");
    Checks.present("started", started, "a time");
    Checks.present("ended", ended, "a time");
    outputs = Values.copyMap("outputs", outputs);
    calls = Checks.list("calls", calls, "calls");
  }

  /** {@return how long it took} */
  public Duration duration() {
    return Duration.between(started, ended);
  }

  /** {@return whether it ended well (Success, or Planned in a dry run)} */
  public boolean isOk() {
    return status.equals(RunStatus.SUCCESS) || status.equals(RunStatus.PLANNED);
  }
}
