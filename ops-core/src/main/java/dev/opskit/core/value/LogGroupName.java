package dev.opskit.core.value;

import java.util.regex.Pattern;

/**
 * A CloudWatch Logs log group name: 1 to 512 characters, each an ASCII letter, a digit, {@code .},
 * {@code -}, {@code _}, {@code /} or {@code #}.
 *
 * @param value the log group name
 */
public record LogGroupName(String value) {
  private static final String FIELD = "logGroupName";
  private static final Pattern CHARACTERS = Pattern.compile("[.\\-_/#A-Za-z0-9]*");

  /**
   * Validates the name; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the log group name
   */
  public LogGroupName {
    Checks.matches(CHARACTERS, FIELD, Checks.length(FIELD, value, 1, 512),
        "only ASCII letters, digits, '.', '-', '_', '/' and '#'");
  }

  /**
   * Validates a log group name.
   *
   * @param value the name, such as {@code /aws/lambda/orders}
   * @return the log group name
   * @throws dev.opskit.core.ValidationException when {@code value} breaks one of the rules above
   */
  public static LogGroupName of(String value) {
    return new LogGroupName(value);
  }

  /** Returns the log group name. */
  @Override
  public String toString() {
    return value;
  }
}
