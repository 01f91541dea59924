package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Tags;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An on-demand backup job to start ({@code StartBackupJob}): which resource, into which vault, as which
 * IAM role, and optionally its windows, lifecycle and recovery-point tags.
 *
 * <pre>{@code
 * awsBackup.startBackupJob(j -> j.backupVaultName("efs-backup-vault").resourceArn(fileSystemArn).iamRoleArn(backupRole)
 *     .lifecycle(BackupLifecycle.deleteAfterDays(35)));
 * }</pre>
 */
public final class BackupJobRequest {
  private final BackupVaultName vault;
  private final Arn resource;
  private final Arn role;
  private final @Nullable Duration startWindow;
  private final @Nullable Duration completeWindow;
  private final @Nullable BackupLifecycle lifecycle;
  private final Tags recoveryPointTags;

  private BackupJobRequest(Builder b) {
    this.vault = dev.opskit.core.value.Checks.present("backupVaultName", b.vault, "the vault the recovery point goes to");
    this.resource = dev.opskit.core.value.Checks.present("resourceArn", b.resource, "the ARN of the resource to back up");
    this.role = Checks.iamRole("iamRoleArn", b.role);
    if (b.startWindow != null && (b.startWindow.compareTo(Duration.ofHours(1)) < 0
        || b.startWindow.compareTo(BackupPlanRule.MAX_WINDOW) > 0 || !b.startWindow.equals(Duration.ofMinutes(b.startWindow.toMinutes())))) {
      throw ValidationException.of("startWindow", b.startWindow,
          "a whole number of minutes, at least 60 and at most " + BackupPlanRule.MAX_WINDOW.toMinutes());
    }
    if (b.completeWindow != null && (b.completeWindow.isNegative() || b.completeWindow.isZero()
        || b.completeWindow.compareTo(BackupPlanRule.MAX_WINDOW) > 0
        || !b.completeWindow.equals(Duration.ofMinutes(b.completeWindow.toMinutes())))) {
      throw ValidationException.of("completeWindow", b.completeWindow,
          "a positive whole number of minutes, at most " + BackupPlanRule.MAX_WINDOW.toMinutes());
    }
    this.startWindow = b.startWindow;
    this.completeWindow = b.completeWindow;
    this.lifecycle = b.lifecycle == null || b.lifecycle.isEmpty() ? null : b.lifecycle;
    this.recoveryPointTags = Tags.of("recoveryPointTags", b.recoveryPointTags);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A job with AWS's default windows and the vault's lifecycle.
   *
   * @param vault the vault
   * @param resource the resource to back up
   * @param role the IAM role AWS Backup acts as
   * @return the request
   */
  public static BackupJobRequest of(BackupVaultName vault, Arn resource, Arn role) {
    return builder().backupVaultName(vault).resourceArn(resource).iamRoleArn(role).build();
  }

  /** {@return the vault the recovery point goes to ({@code BackupVaultName})} */
  public BackupVaultName backupVaultName() {
    return vault;
  }

  /** {@return the resource to back up ({@code ResourceArn})} */
  public Arn resourceArn() {
    return resource;
  }

  /** {@return the IAM role AWS Backup acts as ({@code IamRoleArn})} */
  public Arn iamRoleArn() {
    return role;
  }

  /** {@return how long the job may wait to start ({@code StartWindowMinutes}); null for AWS's default} */
  public @Nullable Duration startWindow() {
    return startWindow;
  }

  /** {@return how long a started job may run ({@code CompleteWindowMinutes}); null for AWS's default} */
  public @Nullable Duration completeWindow() {
    return completeWindow;
  }

  /** {@return the recovery point's lifecycle ({@code Lifecycle}); null for none} */
  public @Nullable BackupLifecycle lifecycle() {
    return lifecycle;
  }

  /** {@return tags put on the recovery point ({@code RecoveryPointTags})} */
  public Tags recoveryPointTags() {
    return recoveryPointTags;
  }

  /** {@code backup of <resource> into <vault>}. */
  @Override
  public String toString() {
    return "backup of " + resource + " into " + vault;
  }

  /** Builds a {@link BackupJobRequest}. */
  public static final class Builder {
    private @Nullable BackupVaultName vault;
    private @Nullable Arn resource;
    private @Nullable Arn role;
    private @Nullable Duration startWindow;
    private @Nullable Duration completeWindow;
    private @Nullable BackupLifecycle lifecycle;
    private Map<String, String> recoveryPointTags = Map.of();

    private Builder() {}

    /**
     * The vault.
     *
     * @param value the vault name
     * @return this builder
     */
    public Builder backupVaultName(BackupVaultName value) {
      this.vault = value;
      return this;
    }

    /**
     * The vault.
     *
     * @param value the vault name
     * @return this builder
     * @throws ValidationException when it is not a vault name
     */
    public Builder backupVaultName(String value) {
      this.vault = BackupVaultName.of(value);
      return this;
    }

    /**
     * The resource to back up.
     *
     * @param value its ARN
     * @return this builder
     */
    public Builder resourceArn(Arn value) {
      this.resource = value;
      return this;
    }

    /**
     * The IAM role AWS Backup acts as.
     *
     * @param value the role ARN
     * @return this builder
     */
    public Builder iamRoleArn(Arn value) {
      this.role = value;
      return this;
    }

    /**
     * How long the job may wait to start.
     *
     * @param value at least 1 hour; null for AWS's default
     * @return this builder
     */
    public Builder startWindow(@Nullable Duration value) {
      this.startWindow = value;
      return this;
    }

    /**
     * How long a started job may run.
     *
     * @param value whole minutes; null for AWS's default
     * @return this builder
     */
    public Builder completeWindow(@Nullable Duration value) {
      this.completeWindow = value;
      return this;
    }

    /**
     * The recovery point's lifecycle.
     *
     * @param value the lifecycle, or null for none
     * @return this builder
     */
    public Builder lifecycle(@Nullable BackupLifecycle value) {
      this.lifecycle = value;
      return this;
    }

    /**
     * Tags put on the recovery point (AWS's tag rules apply).
     *
     * @param value keys and values
     * @return this builder
     */
    public Builder recoveryPointTags(Map<String, String> value) {
      this.recoveryPointTags = value;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws ValidationException when a part is missing or invalid
     */
    public BackupJobRequest build() {
      return new BackupJobRequest(this);
    }
  }
}
