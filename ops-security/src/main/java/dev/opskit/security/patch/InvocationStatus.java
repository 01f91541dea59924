package dev.opskit.security.patch;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The status of a command on one instance ({@code Pending}, {@code InProgress}, {@code Delayed}, {@code
 * Success}, {@code Cancelled}, {@code TimedOut}, {@code Failed}, {@code Cancelling}). An open set: a status
 * AWS adds later is kept and counts as still running.
 *
 * @param value the status in AWS's words
 */
public record InvocationStatus(String value) {
  private static final Set<String> FINAL = Set.of("Success", "Cancelled", "TimedOut", "Failed");

  /**
   * Keeps AWS's text; an absent one is {@code Unknown}.
   *
   * @param value the status in AWS's words
   */
  public InvocationStatus {
    value = value == null || value.isBlank() ? "Unknown" : value;
  }

  /**
   * The status AWS sent, never failing.
   *
   * @param value AWS's text, or null
   * @return the status
   */
  public static InvocationStatus of(@Nullable String value) {
    return new InvocationStatus(value == null ? "Unknown" : value);
  }

  /** {@return whether the command has ended on the instance (Success, Cancelled, TimedOut, Failed)} */
  public boolean isFinal() {
    return FINAL.contains(value);
  }

  /** {@return whether it ended well} */
  public boolean isSuccess() {
    return "Success".equals(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
