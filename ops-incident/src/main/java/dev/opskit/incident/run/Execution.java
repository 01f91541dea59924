package dev.opskit.incident.run;

import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.ExecutionJson;
import dev.opskit.incident.internal.Values;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an execution of a runbook did: its status, every step's result with timings and outputs, the failure
 * and which compensation ran. Made by {@link RunbookRunner}, or read back from SSM Automation.
 *
 * @param id the execution id (OpsKit's, or SSM's {@code AutomationExecutionId})
 * @param runbook the runbook's name
 * @param status how it ended (or where it is, when read from SSM while it runs)
 * @param dryRun whether nothing was sent
 * @param started when it started
 * @param ended when it ended, or null while it runs
 * @param arguments the arguments it ran with, secret values redacted
 * @param steps the result of every step that ran, in order of running
 * @param failedStep the step whose failure failed the execution, or null
 * @param failure why it failed, or null
 * @param compensation the steps that ran after the failure (its {@code onFailure} target and what followed)
 * @param outputs the runbook's outputs, secret values redacted
 */
public record Execution(String id, String runbook, RunStatus status, boolean dryRun, Instant started,
    @Nullable Instant ended, Map<String, Object> arguments, List<StepResult> steps, @Nullable String failedStep,
    @Nullable String failure, List<String> compensation, Map<String, Object> outputs) {

  /**
   * Validates and copies.
   *
   * @param id the execution id
   * @param runbook the runbook's name
   * @param status how it ended
   * @param dryRun whether nothing was sent
   * @param started when it started
   * @param ended when it ended, or null while it runs
   * @param arguments the arguments, secret values redacted
   * @param steps the result of every step that ran
   * @param failedStep the step whose failure failed the execution, or null
   * @param failure why it failed, or null
   * @param compensation the steps that ran after the failure
   * @param outputs the runbook's outputs, secret values redacted
   */
  public Execution {
    Checks.present("id", id, "an execution id");
    Checks.present("runbook", runbook, "a runbook name");
    Checks.present("status", status, "a status");
    Checks.present("started", started, "a time");
    arguments = Values.copyMap("arguments", arguments);
    steps = Checks.list("steps", steps, "step results");
    compensation = Checks.list("compensation", compensation, "step names");
    outputs = Values.copyMap("outputs", outputs);
  }

  /**
   * The result of a step.
   *
   * @param name the step's name
   * @return its last result, or empty when it did not run
   */
  public Optional<StepResult> step(String name) {
    StepResult found = null;
    for (StepResult r : steps) {
      if (r.step().equals(name)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@return every AWS call made or, in a dry run, planned, in order} */
  public List<PlannedCall> calls() {
    return steps.stream().flatMap(s -> s.calls().stream()).toList();
  }

  /** {@return whether compensation ran after a failure} */
  public boolean compensated() {
    return !compensation.isEmpty();
  }

  /** {@return a readable report: status, failure, compensation and one line per step} */
  public String toText() {
    return ExecutionJson.text(this);
  }

  /** {@return the JSON form of the report} */
  public String toJson() {
    return ExecutionJson.write(this);
  }
}
