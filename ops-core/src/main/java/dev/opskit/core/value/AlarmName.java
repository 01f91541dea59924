package dev.opskit.core.value;

/**
 * A CloudWatch alarm name: 1 to 255 characters, not only whitespace, without ASCII control characters.
 *
 * @param value the alarm name
 */
public record AlarmName(String value) {
  private static final String FIELD = "alarmName";

  /**
   * Validates the name; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the alarm name
   */
  public AlarmName {
    Checks.length(FIELD, value, 1, 255);
    Checks.require(noControl(value), FIELD, value, "no ASCII control characters");
    Checks.require(!value.isBlank(), FIELD, value, "at least one character that is not whitespace");
  }

  private static boolean noControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * Validates an alarm name.
   *
   * @param value the name, such as {@code HighCPUUtilization}
   * @return the alarm name
   * @throws dev.opskit.core.ValidationException when {@code value} breaks one of the rules above
   */
  public static AlarmName of(String value) {
    return new AlarmName(value);
  }

  /** Returns the alarm name. */
  @Override
  public String toString() {
    return value;
  }
}
