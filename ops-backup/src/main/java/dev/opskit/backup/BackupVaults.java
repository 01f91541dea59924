package dev.opskit.backup;

import dev.opskit.core.change.DesiredState;
import dev.opskit.core.value.BackupVaultName;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * AWS Backup vaults as desired state. {@link #plan} compares each definition with the live vault of its
 * name: a missing vault is created (with the context's default tags and the definition's); differing tags
 * are corrected ({@code TagResource}, {@code UntagResource}; field {@code BackupVaultTags.<key>}, values
 * redacted as the SDK marks them sensitive); a differing encryption key, which AWS cannot change, replaces the
 * vault (delete, then create: AWS refuses the delete while the vault holds recovery points, and the plan's title
 * says so). Vaults that are not defined are left alone.
 *
 * <pre>{@code
 * BackupVaults vaults = Backups.using(ctx).awsBackup().vaults();
 * Plan plan = vaults.plan(BackupVaultDefinition.of("efs-backup-vault").withTags(Map.of("team", "storage")));
 * vaults.apply(plan);
 * }</pre>
 */
public interface BackupVaults extends DesiredState<BackupVaultDefinition> {

  /** {@return every backup vault, read lazily page by page: close the stream (try-with-resources)} */
  Stream<BackupVault> list();

  /**
   * The vault of that name. Reads only.
   *
   * @param backupVaultName the vault name
   * @return the vault, or empty when there is none
   */
  Optional<BackupVault> find(BackupVaultName backupVaultName);

  /**
   * The vault of that name. Reads only.
   *
   * @param backupVaultName the vault name
   * @return the vault, or empty when there is none
   * @throws dev.opskit.core.ValidationException when it is not a vault name
   */
  default Optional<BackupVault> find(String backupVaultName) {
    return find(BackupVaultName.of(backupVaultName));
  }
}
