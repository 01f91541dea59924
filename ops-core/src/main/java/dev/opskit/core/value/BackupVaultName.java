package dev.opskit.core.value;

import java.util.regex.Pattern;

/**
 * An AWS Backup vault name: 2 to 50 characters, each an ASCII letter, a digit, {@code -} or {@code _}.
 *
 * @param value the vault name
 */
public record BackupVaultName(String value) {
  private static final String FIELD = "backupVaultName";
  private static final Pattern CHARACTERS = Pattern.compile("[A-Za-z0-9_-]*");

  /**
   * Validates the name; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the vault name
   */
  public BackupVaultName {
    Checks.matches(CHARACTERS, FIELD, Checks.length(FIELD, value, 2, 50),
        "only ASCII letters, digits, '-' and '_'");
  }

  /**
   * Validates a backup vault name.
   *
   * @param value the name, such as {@code Default}
   * @return the vault name
   * @throws dev.opskit.core.ValidationException when {@code value} breaks one of the rules above
   */
  public static BackupVaultName of(String value) {
    return new BackupVaultName(value);
  }

  /** Returns the vault name. */
  @Override
  public String toString() {
    return value;
  }
}
