package dev.opskit.backup;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An AWS Backup vault as desired state: its name, its tags ({@code BackupVaultTags}; the context's default
 * tags are added when it is applied; the vault's own win on the same key) and the KMS key that encrypts its recovery points ({@code EncryptionKeyArn};
 * null for AWS Backup's default key, and then the live key is not compared).
 *
 * <pre>{@code
 * BackupVaultDefinition vault = BackupVaultDefinition.of("efs-backup-vault").withTags(Map.of("team", "storage"));
 * }</pre>
 *
 * @param name the vault name
 * @param tags the vault's own tags
 * @param encryptionKeyArn the KMS key, {@code arn:aws:kms:<region>:<account>:key/<id>}; null for AWS's default
 */
public record BackupVaultDefinition(BackupVaultName name, Tags tags, @Nullable Arn encryptionKeyArn) {
  /**
   * Validates.
   *
   * @param name the vault name
   * @param tags the vault's own tags
   * @param encryptionKeyArn the KMS key, {@code arn:aws:kms:<region>:<account>:key/<id>}; null for AWS's default
   */
  public BackupVaultDefinition {
    Checks.present("backupVaultName", name, "a backup vault name");
    Checks.present("backupVaultTags", tags, "tags (Tags.none() for none)");
    if (encryptionKeyArn != null && !"kms".equals(encryptionKeyArn.service())) {
      throw ValidationException.of("encryptionKeyArn", encryptionKeyArn, "a KMS key ARN, arn:aws:kms:<region>:<account>:key/<id>");
    }
  }

  /**
   * A vault with AWS's default key and no tags of its own.
   *
   * @param name the vault name
   * @return the definition
   */
  public static BackupVaultDefinition of(BackupVaultName name) {
    return new BackupVaultDefinition(name, Tags.none(), null);
  }

  /**
   * A vault with AWS's default key and no tags of its own.
   *
   * @param name the vault name, such as {@code efs-backup-vault}
   * @return the definition
   * @throws ValidationException when it is not a vault name
   */
  public static BackupVaultDefinition of(String name) {
    return of(BackupVaultName.of(name));
  }

  /**
   * This vault with more tags (later keys win).
   *
   * @param more keys and values
   * @return the new definition
   */
  public BackupVaultDefinition withTags(Map<String, String> more) {
    return new BackupVaultDefinition(name, tags.and(Tags.of("backupVaultTags", more)), encryptionKeyArn);
  }

  /**
   * This vault encrypted with a KMS key of its own.
   *
   * @param key the key ARN
   * @return the new definition
   */
  public BackupVaultDefinition withEncryptionKey(Arn key) {
    return new BackupVaultDefinition(name, tags, Checks.present("encryptionKeyArn", key, "a KMS key ARN"));
  }

  /** {@code backup vault efs-backup-vault}; tag values are not shown. */
  @Override
  public String toString() {
    return "backup vault " + name + (tags.isEmpty() ? "" : " tagged " + tags.asMap().keySet())
        + (encryptionKeyArn == null ? "" : " encrypted with " + encryptionKeyArn);
  }
}
