package dev.opskit.core.waiting;

import dev.opskit.core.value.Checks;

/**
 * What one poll saw.
 *
 * @param <T> the value a finished wait yields
 */
public sealed interface PollResult<T> {

  /** {@return the status in AWS's words, for progress reports ({@code creating}, {@code available}...)} */
  String status();

  /**
   * The goal is reached.
   *
   * @param value what the wait yields
   * @param status the status seen
   * @param <T> the value type
   * @return the result
   */
  static <T> PollResult<T> done(T value, String status) {
    return new Done<>(value, status);
  }

  /**
   * Not there yet; poll again.
   *
   * @param status the status seen
   * @param <T> the value type
   * @return the result
   */
  static <T> PollResult<T> pending(String status) {
    return new Pending<>(status);
  }

  /**
   * The goal can no longer be reached (for example the snapshot is {@code failed}); stop polling.
   *
   * @param status the status seen
   * @param reason why, in words a user can act on
   * @param <T> the value type
   * @return the result
   */
  static <T> PollResult<T> failed(String status, String reason) {
    return new Failed<>(status, reason);
  }

  /**
   * Reached.
   *
   * @param value the value
   * @param status the status
   * @param <T> the value type
   */
  record Done<T>(T value, String status) implements PollResult<T> {
    /**
     * Validates.
     *
     * @param value the value
     * @param status the status
     */
    public Done {
      Checks.present("value", value, "a value (required)");
      Checks.present("status", status, "a value (required)");
    }
  }

  /**
   * Not yet.
   *
   * @param status the status
   * @param <T> the value type
   */
  record Pending<T>(String status) implements PollResult<T> {
    /**
     * Validates.
     *
     * @param status the status
     */
    public Pending {
      Checks.present("status", status, "a value (required)");
    }
  }

  /**
   * Unreachable.
   *
   * @param status the status
   * @param reason why
   * @param <T> the value type
   */
  record Failed<T>(String status, String reason) implements PollResult<T> {
    /**
     * Validates.
     *
     * @param status the status
     * @param reason why
     */
    public Failed {
      Checks.present("status", status, "a value (required)");
      Checks.present("reason", reason, "a value (required)");
    }
  }
}
