package dev.opskit.core.value;

import java.util.regex.Pattern;

/**
 * An AWS account id: exactly 12 ASCII digits, leading zeros included.
 *
 * @param value the account id
 */
public record AccountId(String value) {
  private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

  /**
   * Validates the id; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the account id
   */
  public AccountId {
    Checks.require(value != null && TWELVE_DIGITS.matcher(value).matches(), "accountId", value, "12 digits");
  }

  /**
   * Validates an account id.
   *
   * @param value the id, such as {@code 123456789012}
   * @return the account id
   * @throws dev.opskit.core.ValidationException when {@code value} is not 12 digits
   */
  public static AccountId of(String value) {
    return new AccountId(value);
  }

  /** Returns the account id. */
  @Override
  public String toString() {
    return value;
  }
}
