package dev.opskit.core.value;

/**
 * An RDS DB instance identifier: 1 to 63 ASCII letters, digits and hyphens, starting with a letter,
 * without two consecutive hyphens and not ending with a hyphen. RDS stores identifiers in lower case,
 * so the value is kept lower-cased.
 *
 * @param value the identifier, in lower case
 */
public record DbInstanceId(String value) {
  /**
   * Validates and lower-cases the identifier; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the identifier, in lower case
   */
  public DbInstanceId {
    value = Checks.rdsIdentifier("dbInstanceId", value, 63);
  }

  /**
   * Validates a DB instance identifier.
   *
   * @param value the identifier, in any case, such as {@code orders-db}
   * @return the identifier, lower-cased
   * @throws dev.opskit.core.ValidationException when {@code value} breaks one of the rules above
   */
  public static DbInstanceId of(String value) {
    return new DbInstanceId(value);
  }

  /** Returns the identifier. */
  @Override
  public String toString() {
    return value;
  }
}
