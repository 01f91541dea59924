package dev.opskit.security.iam;

import dev.opskit.core.value.Checks;
import java.util.Locale;

/**
 * An access key's status as IAM reports it: {@link #ACTIVE} or {@link #INACTIVE}, or any other text IAM
 * may send, kept as it came (an open set: an unknown status never throws).
 *
 * @param value the status in IAM's words, such as {@code Active}
 */
public record KeyStatus(String value) {
  /** The key can sign requests. */
  public static final KeyStatus ACTIVE = new KeyStatus("Active");
  /** The key is deactivated: requests signed with it fail, and it still counts towards the two-key limit. */
  public static final KeyStatus INACTIVE = new KeyStatus("Inactive");

  /**
   * Validates.
   *
   * @param value the status in IAM's words
   */
  public KeyStatus {
    Checks.present("status", value, "a key status such as Active or Inactive");
  }

  /**
   * The status for IAM's text; the documented ones in any case, any other text kept.
   *
   * @param text IAM's text
   * @return the status
   */
  public static KeyStatus of(String text) {
    Checks.present("status", text, "a key status such as Active or Inactive");
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "active" -> ACTIVE;
      case "inactive" -> INACTIVE;
      default -> new KeyStatus(text);
    };
  }

  /** {@return whether the key can sign requests} */
  public boolean isActive() {
    return equals(ACTIVE);
  }

  @Override
  public String toString() {
    return value;
  }
}
