package dev.opskit.backup;

import dev.opskit.core.value.Arn;
import org.jspecify.annotations.Nullable;

/**
 * Copy each recovery point of a rule to another vault, often in another region or account (AWS's
 * {@code CopyAction}).
 *
 * @param destinationVaultArn the destination vault ({@code DestinationBackupVaultArn}),
 *     {@code arn:aws:backup:<region>:<account>:backup-vault:<name>}
 * @param lifecycle the copies' lifecycle ({@code Lifecycle}); null to keep them forever
 */
public record BackupCopyAction(Arn destinationVaultArn, @Nullable BackupLifecycle lifecycle) {
  /**
   * Validates.
   *
   * @param destinationVaultArn the destination vault ({@code DestinationBackupVaultArn}),     {@code arn:aws:backup:<region>:<account>:backup-vault:<name>}
   * @param lifecycle the copies' lifecycle ({@code Lifecycle}); null to keep them forever
   */
  public BackupCopyAction {
    BackupPlanRule.vaultArn("destinationVaultArn", destinationVaultArn);
    lifecycle = lifecycle == null || lifecycle.isEmpty() ? null : lifecycle;
  }

  /**
   * A copy kept forever.
   *
   * @param destinationVaultArn the destination vault
   * @return the copy action
   */
  public static BackupCopyAction to(Arn destinationVaultArn) {
    return new BackupCopyAction(destinationVaultArn, null);
  }
}
