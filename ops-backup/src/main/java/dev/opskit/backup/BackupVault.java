package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An AWS Backup vault.
 *
 * @param name the vault name
 * @param arn the vault ARN; null in a dry run
 * @param recoveryPoints how many recovery points it holds (0 when unknown)
 */
public record BackupVault(String name, @Nullable String arn, long recoveryPoints) {
  /** Validates. */
  public BackupVault {
    Checks.present("name", name, "a value (required)");
  }
}
