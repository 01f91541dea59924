package dev.opskit.core.value;

import dev.opskit.core.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The length and character checks shared by the identifier types. */
final class Checks {
  private static final Pattern RDS_CHARACTERS = Pattern.compile("[A-Za-z0-9-]*");

  private Checks() {}

  /**
   * Requires {@code value} to be present and {@code min} to {@code max} characters long (code points).
   *
   * @return the value, now known to be non-null
   */
  static String length(String field, @Nullable String value, int min, int max) {
    if (value == null) {
      throw ValidationException.of(field, null, min + " to " + max + " characters");
    }
    int length = value.codePointCount(0, value.length());
    require(length >= min && length <= max, field, value, min + " to " + max + " characters");
    return value;
  }

  /** Requires the whole of {@code value} to match {@code pattern}. */
  static void matches(Pattern pattern, String field, String value, String allowed) {
    require(pattern.matcher(value).matches(), field, value, allowed);
  }

  /** Throws a {@link ValidationException} naming {@code allowed} unless {@code ok}. */
  static void require(boolean ok, String field, @Nullable Object value, String allowed) {
    if (!ok) {
      throw ValidationException.of(field, value, allowed);
    }
  }

  /**
   * The RDS identifier rules (DB instances, snapshots): letters, digits and hyphens; a letter first; no
   * two consecutive hyphens; no hyphen at the end.
   *
   * @return the value in lower case, as RDS stores it
   */
  static String rdsIdentifier(String field, @Nullable String value, int maxLength) {
    String id = length(field, value, 1, maxLength);
    matches(RDS_CHARACTERS, field, id, "only ASCII letters, digits and hyphens");
    require(isAsciiLetter(id.charAt(0)), field, id, "a letter as the first character");
    require(!id.contains("--"), field, id, "no two consecutive hyphens");
    require(!id.endsWith("-"), field, id, "no hyphen as the last character");
    return id.toLowerCase(Locale.ROOT);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
