package dev.opskit.backup;

import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Checks;

/**
 * An AWS Backup vault as AWS reports it.
 *
 * @param name the vault name
 * @param arn the vault ARN
 * @param recoveryPoints how many recovery points it holds (0 when not reported)
 */
public record BackupVault(BackupVaultName name, Arn arn, long recoveryPoints) {
  /**
   * Validates.
   *
   * @param name the vault name
   * @param arn the vault ARN
   * @param recoveryPoints how many recovery points it holds (0 when not reported)
   */
  public BackupVault {
    Checks.present("name", name, "a value (required)");
    Checks.present("arn", arn, "a value (required)");
  }
}
