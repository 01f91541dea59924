package dev.opskit.core;

import org.jspecify.annotations.Nullable;

/**
 * Input was rejected before any call to AWS. The message names the field, the value given and what
 * is allowed, for example {@code Invalid retentionDays: 40. Allowed: 0 to 35 days.}
 */
public final class ValidationException extends OpsException {
  private static final long serialVersionUID = 1L;

  /** The rejected field. */
  private final String field;
  /** The rejected value as text, or null when absent or secret. */
  private final @Nullable String value;
  /** What would have been accepted. */
  private final String allowed;

  private ValidationException(String field, @Nullable String value, String allowed, boolean secret) {
    super(message(field, value, allowed, secret), null, null, null);
    this.field = field;
    this.value = secret ? null : value;
    this.allowed = allowed;
  }

  /**
   * Creates a validation error.
   *
   * @param field the name of the field or parameter, as the user wrote it (for example {@code period})
   * @param value the rejected value; shown in the message (use {@link #ofSecret} for secrets)
   * @param allowed what is allowed, as a sentence fragment ("10, 30 or a multiple of 60 seconds")
   * @return the exception
   */
  public static ValidationException of(String field, @Nullable Object value, String allowed) {
    return new ValidationException(field, value == null ? null : String.valueOf(value), allowed, false);
  }

  /**
   * Creates a validation error for a secret value (password, key, token): the value is never shown.
   *
   * @param field the field name
   * @param allowed what is allowed
   * @return the exception
   */
  public static ValidationException ofSecret(String field, String allowed) {
    return new ValidationException(field, null, allowed, true);
  }

  /** {@return the name of the rejected field} */
  public String field() {
    return field;
  }

  /** {@return the rejected value as text, or null when it was absent or secret} */
  public @Nullable String value() {
    return value;
  }

  /** {@return what would have been accepted} */
  public String allowed() {
    return allowed;
  }

  private static String message(String field, @Nullable String value, String allowed, boolean secret) {
    String shown = secret ? "(redacted)" : value == null ? "null" : "'" + value + "'";
    return "Invalid " + field + ": " + shown + ". Allowed: " + allowed;
  }
}
