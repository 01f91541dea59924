package dev.opskit.security.patch;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.util.List;

/**
 * How waiting for a command ended: every invocation finished ({@link Completed}), or the caller's budget ran
 * out ({@link TimedOut}, naming the instances still running).
 */
public sealed interface CommandOutcome {

  /** {@return the command} */
  String commandId();

  /** {@return the invocations seen last, per instance} */
  List<InstanceInvocation> invocations();

  /**
   * The invocations, when all finished.
   *
   * @return them
   * @throws OperationTimeoutException when the budget ran out, naming the instances still running
   */
  List<InstanceInvocation> orElseThrow();

  /** {@return the instances whose invocation did not succeed (failed, timed out, cancelled) once finished} */
  default List<InstanceInvocation> failed() {
    return invocations().stream().filter(i -> i.status().isFinal() && !i.status().isSuccess()).toList();
  }

  /**
   * Every invocation finished (successfully or not) within the budget.
   *
   * @param commandId the command
   * @param invocations one per instance
   * @param polls how many polls it took
   * @param elapsed how long
   */
  record Completed(String commandId, List<InstanceInvocation> invocations, int polls, Duration elapsed)
      implements CommandOutcome {
    /**
     * Copies.
     *
     * @param commandId the command
     * @param invocations one per instance
     * @param polls how many polls it took
     * @param elapsed how long
     */
    public Completed {
      Checks.present("commandId", commandId, "a command id");
      invocations = Checks.list("invocations", invocations, "invocations");
    }

    @Override
    public List<InstanceInvocation> orElseThrow() {
      return invocations;
    }
  }

  /**
   * The budget ran out with instances still running.
   *
   * @param commandId the command
   * @param invocations the invocations seen last (finished and not)
   * @param stillRunning the instances whose invocation had not finished (empty when SSM had listed none yet)
   * @param budget the caller's budget
   * @param polls how many polls were made
   * @param elapsed how long
   */
  record TimedOut(String commandId, List<InstanceInvocation> invocations, List<String> stillRunning, Duration budget,
      int polls, Duration elapsed) implements CommandOutcome {
    /**
     * Copies.
     *
     * @param commandId the command
     * @param invocations the invocations seen last
     * @param stillRunning the instances still running
     * @param budget the caller's budget
     * @param polls how many polls were made
     * @param elapsed how long
     */
    public TimedOut {
      Checks.present("commandId", commandId, "a command id");
      invocations = Checks.list("invocations", invocations, "invocations");
      stillRunning = Checks.list("stillRunning", stillRunning, "instance ids");
      Checks.present("budget", budget, "a duration");
    }

    @Override
    public List<InstanceInvocation> orElseThrow() {
      String running = stillRunning.isEmpty() ? "SSM listed no invocation yet" : "still running on " + stillRunning;
      throw new OperationTimeoutException("command " + commandId + " " + running + " after " + elapsed + " (" + polls
          + " polls); the budget was " + budget + ". It may still finish: wait again with the same command id, "
          + "or cancel it (aws ssm cancel-command --command-id " + commandId + ").", "ssm:wait-command", commandId, null);
    }
  }
}
