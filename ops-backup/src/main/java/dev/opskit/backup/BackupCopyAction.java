package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import org.jspecify.annotations.Nullable;

/**
 * Copy each recovery point of a rule to another vault (often in another region or account).
 *
 * @param destinationVaultArn the destination vault, {@code arn:aws:backup:<region>:<account>:backup-vault:<name>}
 * @param lifecycle the copies' lifecycle; null to keep them forever
 */
public record BackupCopyAction(Arn destinationVaultArn, @Nullable BackupLifecycle lifecycle) {
  /** Validates. */
  public BackupCopyAction {
    Checks.present("destinationVaultArn", destinationVaultArn,
        "a backup vault ARN, arn:aws:backup:<region>:<account>:backup-vault:<name>");
    if (!"backup".equals(destinationVaultArn.service()) || !destinationVaultArn.resource().startsWith("backup-vault:")) {
      throw ValidationException.of("destinationVaultArn", destinationVaultArn,
          "a backup vault ARN, arn:aws:backup:<region>:<account>:backup-vault:<name>");
    }
  }
}
