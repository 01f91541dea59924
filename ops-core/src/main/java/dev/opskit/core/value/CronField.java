package dev.opskit.core.value;

import dev.opskit.core.ValidationException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The six fields of an AWS cron expression and their rules: values, names, and which of the wildcards
 * {@code , - * ? / L W #} each accepts.
 *
 * <p>A field is {@code ?} (day-of-month and day-of-week only), one of the {@code L}/{@code W}/{@code #}
 * forms, or a comma-separated list of items; an item is {@code *}, a value or a range {@code a-b},
 * optionally followed by an increment {@code /n} from 1 to the field's largest value (229 for years).
 * Ranges may wrap ({@code FRI-MON}). {@code L}, {@code W} and {@code #} forms stand alone, as AWS allows
 * only one {@code #} expression per field. {@code /} is also accepted in day-of-week, as the CloudWatch
 * Events and Lambda tables list it; EventBridge's current table does not.
 */
enum CronField {
  MINUTES("minutes", 0, 59, 59, List.of(), "0-59 with , - * /"),
  HOURS("hours", 0, 23, 23, List.of(), "0-23 with , - * /"),
  DAY_OF_MONTH("dayOfMonth", 1, 31, 31, List.of(), "1-31 with , - * ? / L W"),
  MONTH("month", 1, 12, 12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
      "1-12 or JAN-DEC with , - * /"),
  DAY_OF_WEEK("dayOfWeek", 1, 7, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"),
      "1-7 or SUN-SAT with , - * ? / L #"),
  YEAR("year", 1970, 2199, 229, List.of(), "1970-2199 with , - * /");

  private final String field;
  private final int min;
  private final int max;
  private final int maxIncrement;
  private final List<String> names;
  private final String allowed;

  CronField(String name, int min, int max, int maxIncrement, List<String> names, String allowed) {
    this.field = "schedule.cron." + name;
    this.min = min;
    this.max = max;
    this.maxIncrement = maxIncrement;
    this.names = names;
    this.allowed = allowed;
  }

  /**
   * Checks one field of a cron expression.
   *
   * @return the field in canonical form: month and day names and {@code L}/{@code W} in upper case
   * @throws ValidationException naming this field when the text breaks its rules
   */
  String check(@Nullable String text) {
    String canonical = text == null ? null : asciiUpperCase(text);
    if (canonical == null || !isValid(canonical)) {
      throw ValidationException.of(field, text, allowed);
    }
    return canonical;
  }

  private boolean isValid(String text) {
    if (text.equals("?")) {
      return this == DAY_OF_MONTH || this == DAY_OF_WEEK;
    }
    if (isSpecial(text)) {
      return true;
    }
    for (String item : text.split(",", -1)) {
      if (!isItem(item)) {
        return false;
      }
    }
    return true;
  }

  /** The stand-alone forms: {@code L}, {@code LW}, {@code 15W}; {@code L}, {@code 6L}, {@code 3#2}. */
  private boolean isSpecial(String text) {
    String head = text.isEmpty() ? "" : text.substring(0, text.length() - 1);
    return switch (this) {
      case DAY_OF_MONTH -> text.equals("L") || text.equals("LW") || (text.endsWith("W") && isValue(head));
      case DAY_OF_WEEK -> {
        int hash = text.indexOf('#');
        yield hash >= 0
            ? isValue(text.substring(0, hash)) && isNumber(text.substring(hash + 1), 1, 5)
            : text.equals("L") || (text.endsWith("L") && isValue(head));
      }
      default -> false;
    };
  }

  private boolean isItem(String item) {
    int slash = item.indexOf('/');
    if (slash >= 0 && !isNumber(item.substring(slash + 1), 1, maxIncrement)) {
      return false;
    }
    String base = slash < 0 ? item : item.substring(0, slash);
    if (base.equals("*")) {
      return true;
    }
    int dash = base.indexOf('-');
    return dash < 0 ? isValue(base) : isValue(base.substring(0, dash)) && isValue(base.substring(dash + 1));
  }

  private boolean isValue(String text) {
    return names.contains(text) || isNumber(text, min, max);
  }

  private static boolean isNumber(String text, int min, int max) {
    if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int value = Integer.parseInt(text);
    return value >= min && value <= max;
  }

  private static String asciiUpperCase(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
    }
    return sb.toString();
  }
}
