package dev.opskit.backup;

import dev.opskit.core.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The AWS tag rules shared by the option builders of this package. */
final class Tags {
  private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");

  private Tags() {}

  static void check(String key, String value) {
    if (key == null || !KEY.matcher(key).matches() || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw ValidationException.of("tags.key", key, "1 to 128 letters, digits, spaces and _.:/=+-@, not starting with aws:");
    }
    if (value == null || value.length() > 256) {
      throw ValidationException.of("tags." + key, value, "a value of at most 256 characters");
    }
  }
}
