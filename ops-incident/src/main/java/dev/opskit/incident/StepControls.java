package dev.opskit.incident;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a step is run: its timeout, its attempts and the pause between them, what happens when it fails,
 * whether its failure fails the runbook, and where the runbook goes after it. The SSM step controls
 * {@code timeoutSeconds}, {@code maxAttempts}, {@code onFailure}, {@code isCritical}, {@code isEnd} and
 * {@code nextStep}; Step Functions' {@code TimeoutSeconds}, {@code Retry} and {@code Catch}.
 *
 * @param timeout the time allowed for one attempt, or null for the default (SSM: 3600 s); in process it bounds
 *     waits, approvals and (when exported) SSM's and Step Functions' steps, while one AWS call is bounded by the
 *     context's {@code RetryPolicy.apiCallTimeout}
 * @param maxAttempts attempts in all, 1 to 100
 * @param backoff the pause before a repeated attempt (doubling each time), zero to 1 hour
 * @param onFailure what happens when the step fails after its attempts
 * @param critical whether a failure of this step fails the runbook
 * @param end whether the runbook ends after this step
 * @param nextStep the step to run next instead of the following one, or null
 */
public record StepControls(@Nullable Duration timeout, int maxAttempts, Duration backoff, OnFailure onFailure,
    boolean critical, boolean end, @Nullable String nextStep) {

  private static final StepControls DEFAULTS =
      new StepControls(null, 1, Duration.ZERO, OnFailure.abort(), true, false, null);

  /**
   * Validates.
   *
   * @param timeout the time allowed for one attempt, or null for the default (SSM: 3600 s)
   * @param maxAttempts attempts in all, 1 to 100
   * @param backoff the pause before a repeated attempt (doubling each time), zero to 1 hour
   * @param onFailure what happens when the step fails after its attempts
   * @param critical whether a failure of this step fails the runbook
   * @param end whether the runbook ends after this step
   * @param nextStep the step to run next instead of the following one, or null
   * @throws dev.opskit.core.ValidationException when a value is out of range
   */
  public StepControls {
    if (timeout != null) {
      Checks.duration("timeout", timeout, Duration.ofSeconds(1), Duration.ofDays(7), "1 second to 7 days");
      Checks.require(Duration.ofSeconds(timeout.toSeconds()).equals(timeout), "timeout", timeout, "whole seconds");
    }
    Checks.range("maxAttempts", maxAttempts, 1, 100, "1 to 100");
    Checks.duration("backoff", backoff, Duration.ZERO, Duration.ofHours(1), "zero to 1 hour");
    Checks.present("onFailure", onFailure, "Abort, Continue or step:Name");
    if (nextStep != null) {
      Checks.require(!end, "nextStep", nextStep, "no next step on a step that ends the runbook");
    }
  }

  /** {@return the defaults: SSM's timeout, one attempt, abort on failure, critical, go on with the following step} */
  public static StepControls defaults() {
    return DEFAULTS;
  }

  /**
   * With a timeout.
   *
   * @param value the time allowed for one attempt
   * @return the new controls
   */
  public StepControls timeout(Duration value) {
    return new StepControls(value, maxAttempts, backoff, onFailure, critical, end, nextStep);
  }

  /**
   * With attempts in all.
   *
   * @param value 1 to 100
   * @return the new controls
   */
  public StepControls maxAttempts(int value) {
    return new StepControls(timeout, value, backoff, onFailure, critical, end, nextStep);
  }

  /**
   * With a pause before a repeated attempt.
   *
   * @param value the first pause; each further one doubles
   * @return the new controls
   */
  public StepControls backoff(Duration value) {
    return new StepControls(timeout, maxAttempts, value, onFailure, critical, end, nextStep);
  }

  /**
   * With a failure rule.
   *
   * @param value what happens when the step fails
   * @return the new controls
   */
  public StepControls onFailure(OnFailure value) {
    return new StepControls(timeout, maxAttempts, backoff, value, critical, end, nextStep);
  }

  /**
   * Whether a failure of this step fails the runbook.
   *
   * @param value true for critical
   * @return the new controls
   */
  public StepControls critical(boolean value) {
    return new StepControls(timeout, maxAttempts, backoff, onFailure, value, end, nextStep);
  }

  /**
   * Whether the runbook ends after this step.
   *
   * @param value true to end
   * @return the new controls
   */
  public StepControls end(boolean value) {
    return new StepControls(timeout, maxAttempts, backoff, onFailure, critical, value, value ? null : nextStep);
  }

  /**
   * The step to run next.
   *
   * @param step its name
   * @return the new controls
   */
  public StepControls nextStep(String step) {
    return new StepControls(timeout, maxAttempts, backoff, onFailure, critical, false, step);
  }
}
