package dev.opskit.core.secret;

import dev.opskit.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * One secret string (a secret access key, a password). Its text never shows: {@link #toString()} and its
 * JSON form are {@code *** redacted ***}, and a {@link ValidationException} about it never carries it. The
 * only way to read it is {@link #reveal()}, meant for the one call that must send it (a sink's write).
 *
 * <p>Equality compares the secret in constant time; the hash code is the same for every value, so a secret
 * cannot be guessed from where it lands in a hash table.
 */
public final class SecretValue {
  /** What {@link #toString()} and the JSON form show instead of the secret. */
  public static final String REDACTED = "*** redacted ***";

  /** The longest secret accepted: 64 KiB of text (Secrets Manager's own limit is 65,536 bytes). */
  public static final int MAX_LENGTH = 65_536;

  private final String value;

  private SecretValue(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret.
   *
   * @param field the parameter name, for the message when the value is refused
   * @param value the secret, 1 to {@link #MAX_LENGTH} characters
   * @return the wrapped secret
   * @throws ValidationException when the value is null, empty or too long (the message never shows it)
   */
  public static SecretValue of(String field, @Nullable String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw ValidationException.ofSecret(field, "a secret of 1 to " + MAX_LENGTH + " characters");
    }
    return new SecretValue(value);
  }

  /** {@return the secret text; send it, never log or print it} */
  public String reveal() {
    return value;
  }

  /** {@return how many characters the secret has} */
  public int length() {
    return value.length();
  }

  /** {@return {@value #REDACTED}, whatever the secret} */
  @Override
  public String toString() {
    return REDACTED;
  }

  /** The JSON form: {@value #REDACTED}. */
  @com.fasterxml.jackson.annotation.JsonValue
  String json() {
    return REDACTED;
  }

  /** Equal when the secrets are equal, compared in constant time. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SecretValue that
        && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  /** The same for every secret. */
  @Override
  public int hashCode() {
    return SecretValue.class.hashCode();
  }
}
