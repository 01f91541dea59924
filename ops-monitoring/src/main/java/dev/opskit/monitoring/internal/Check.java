package dev.opskit.monitoring.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.AlarmName;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The validation rules of CloudWatch, shared by the alarm and dashboard definitions. */
public final class Check {
  /** Most tags AWS accepts on one resource. */
  public static final int MAX_TAGS = 50;
  private static final Pattern DASHBOARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private Check() {}

  /**
   * Throws a {@link ValidationException} unless {@code ok}.
   *
   * @param ok the condition
   * @param field the field name
   * @param value the value given
   * @param allowed what is allowed
   */
  public static void require(boolean ok, String field, @Nullable Object value, String allowed) {
    if (!ok) {
      throw ValidationException.of(field, value, allowed);
    }
  }

  /**
   * Requires a present string of {@code min} to {@code max} characters.
   *
   * @param field the field name
   * @param value the value
   * @param min least length
   * @param max greatest length
   * @return the value
   */
  public static String length(String field, @Nullable String value, int min, int max) {
    require(value != null && value.length() >= min && value.length() <= max, field, value,
        min + " to " + max + " characters");
    return value;
  }

  /**
   * An alarm name as CloudWatch accepts it: 1 to 255 characters, no control characters.
   *
   * @param field the field name
   * @param value the name
   * @return the name
   */
  public static String alarmName(String field, @Nullable String value) {
    try {
      return AlarmName.of(value).value();
    } catch (ValidationException e) {
      throw ValidationException.of(field, value, e.allowed());
    }
  }

  /**
   * Validates resource tags: at most 50, keys 1 to 128 characters not starting with {@code aws:}, values
   * up to 256 characters.
   *
   * @param field the field name
   * @param tags the tags
   */
  public static void tags(String field, Map<String, String> tags) {
    require(tags.size() <= MAX_TAGS, field, tags.keySet(), "at most " + MAX_TAGS + " tags");
    tags.forEach((key, value) -> {
      require(key.length() >= 1 && key.length() <= 128 && !key.startsWith("aws:"), field + ".key", key,
          "1 to 128 characters, not starting with aws:");
      require(value.length() <= 256, field + "." + key, value, "at most 256 characters");
    });
  }

  /**
   * A dashboard name as CloudWatch accepts it: 1 to 255 letters, digits, hyphens and underscores.
   *
   * @param field the field name
   * @param value the name
   * @return the name
   */
  public static String dashboardName(String field, @Nullable String value) {
    require(value != null && DASHBOARD_NAME.matcher(value).matches(), field, value,
        "1 to 255 letters, digits, hyphens and underscores (CloudWatch's rule for dashboard names)");
    return value;
  }
}
