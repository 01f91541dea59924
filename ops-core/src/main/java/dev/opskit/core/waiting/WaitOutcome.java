package dev.opskit.core.waiting;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.value.Checks;
import java.time.Duration;

/**
 * How a wait ended: done, failed with a reason, or timed out.
 *
 * @param <T> the value a finished wait yields
 */
public sealed interface WaitOutcome<T> {

  /** {@return the operation waited on, such as {@code rds:wait-snapshot-available}} */
  String operation();

  /** {@return the resource waited on} */
  String target();

  /** {@return how many polls were made} */
  int polls();

  /** {@return how long the wait took} */
  Duration elapsed();

  /**
   * The value of a finished wait.
   *
   * @return the value
   * @throws ResourceStateException when the wait failed
   * @throws OperationTimeoutException when it timed out
   */
  T orElseThrow();

  /**
   * The goal was reached.
   *
   * @param operation the operation
   * @param target the resource
   * @param value the value
   * @param polls polls made
   * @param elapsed time taken
   * @param <T> the value type
   */
  record Done<T>(String operation, String target, T value, int polls, Duration elapsed) implements WaitOutcome<T> {
    /**
     * Validates.
     *
     * @param operation the operation
     * @param target the resource
     * @param value the value
     * @param polls polls made
     * @param elapsed time taken
     */
    public Done {
      Checks.present("value", value, "a value (required)");
    }

    @Override
    public T orElseThrow() {
      return value;
    }
  }

  /**
   * The goal became unreachable.
   *
   * @param operation the operation
   * @param target the resource
   * @param status the last status
   * @param reason why
   * @param polls polls made
   * @param elapsed time taken
   * @param <T> the value type
   */
  record Failed<T>(String operation, String target, String status, String reason, int polls, Duration elapsed)
      implements WaitOutcome<T> {
    @Override
    public T orElseThrow() {
      throw new ResourceStateException(
          reason + " (status " + status + " after " + polls + " polls, " + elapsed + ")", operation, target, null);
    }
  }

  /**
   * The timeout passed first.
   *
   * @param operation the operation
   * @param target the resource
   * @param lastStatus the status seen last
   * @param timeout the timeout
   * @param polls polls made
   * @param elapsed time taken
   * @param <T> the value type
   */
  record TimedOut<T>(String operation, String target, String lastStatus, Duration timeout, int polls, Duration elapsed)
      implements WaitOutcome<T> {
    @Override
    public T orElseThrow() {
      throw new OperationTimeoutException(
          "still " + lastStatus + " after " + elapsed + " (" + polls + " polls); the timeout was " + timeout
              + ". The operation may still finish: check again later or allow a longer timeout.",
          operation, target, null);
    }
  }
}
