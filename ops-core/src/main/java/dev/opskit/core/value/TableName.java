package dev.opskit.core.value;

import java.util.regex.Pattern;

/**
 * A DynamoDB table name: 3 to 255 characters, each an ASCII letter, a digit, {@code _}, {@code .} or
 * {@code -}.
 *
 * @param value the table name
 */
public record TableName(String value) {
  private static final String FIELD = "tableName";
  private static final Pattern CHARACTERS = Pattern.compile("[A-Za-z0-9_.-]*");

  /**
   * Validates the name; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the table name
   */
  public TableName {
    Checks.matches(CHARACTERS, FIELD, Checks.length(FIELD, value, 3, 255),
        "only ASCII letters, digits, '_', '.' and '-'");
  }

  /**
   * Validates a DynamoDB table name.
   *
   * @param value the name, such as {@code Orders}
   * @return the table name
   * @throws dev.opskit.core.ValidationException when {@code value} breaks one of the rules above
   */
  public static TableName of(String value) {
    return new TableName(value);
  }

  /** Returns the table name. */
  @Override
  public String toString() {
    return value;
  }
}
