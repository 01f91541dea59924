package dev.opskit.core.value;

/**
 * An RDS DB snapshot identifier: 1 to 255 ASCII letters, digits and hyphens, starting with a letter,
 * without two consecutive hyphens and not ending with a hyphen. RDS stores identifiers in lower case,
 * so the value is kept lower-cased.
 *
 * @param value the identifier, in lower case
 */
public record DbSnapshotId(String value) {
  /**
   * Validates and lower-cases the identifier; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the identifier, in lower case
   */
  public DbSnapshotId {
    value = Checks.rdsIdentifier("dbSnapshotId", value, 255);
  }

  /**
   * Validates a DB snapshot identifier.
   *
   * @param value the identifier, in any case, such as {@code orders-db-before-upgrade}
   * @return the identifier, lower-cased
   * @throws dev.opskit.core.ValidationException when {@code value} breaks one of the rules above
   */
  public static DbSnapshotId of(String value) {
    return new DbSnapshotId(value);
  }

  /** Returns the identifier. */
  @Override
  public String toString() {
    return value;
  }
}
