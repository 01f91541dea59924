package dev.opskit.core;

import dev.opskit.core.value.Checks;
import java.time.Duration;

/**
 * One progress report of a long-running operation (a wait, a restore, a runbook step).
 *
 * @param operation what is running, such as {@code rds:wait-snapshot-available}
 * @param target the resource, such as a snapshot id
 * @param status the last status seen, such as {@code creating}, in AWS's words
 * @param attempt the number of the poll that saw it, from 1
 * @param elapsed time since the operation started
 * @param timeout the time allowed in all
 */
public record ProgressEvent(
    String operation, String target, String status, int attempt, Duration elapsed, Duration timeout) {

  /**
   * Validates that every component is present.
   *
   * @param operation what is running, such as {@code rds:wait-snapshot-available}
   * @param target the resource, such as a snapshot id
   * @param status the last status seen, such as {@code creating}, in AWS's words
   * @param attempt the number of the poll that saw it, from 1
   * @param elapsed time since the operation started
   * @param timeout the time allowed in all
   */
  public ProgressEvent {
    Checks.present("operation", operation, "a value (required)");
    Checks.present("target", target, "a value (required)");
    Checks.present("status", status, "a value (required)");
    Checks.present("elapsed", elapsed, "a value (required)");
    Checks.present("timeout", timeout, "a value (required)");
  }
}
