package dev.opskit.backup;

import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * AWS Backup: vaults, plans and selections as desired state, one-off creates, on-demand jobs and recovery
 * points. Obtain with {@link Backups#awsBackup()}.
 *
 * <pre>{@code
 * AwsBackup aws = Backups.using(ctx).awsBackup();
 * aws.vaults().apply(List.of(BackupVaultDefinition.of("efs-backup-vault")));
 * Plan plan = aws.plans().plan(BackupPlanDefinition.fromJson(json));
 * System.out.println(plan.render());
 * aws.plans().apply(plan);
 * String planId = aws.plans().find("efs-backup-plan").orElseThrow().id();
 * aws.selections(planId).apply(List.of(BackupSelectionDefinition.byTag("efs-file-systems", role, "Backup", "daily")));
 * }</pre>
 *
 * <p>In a dry run every change comes back as {@link ChangeResult.Planned} (or an
 * {@link dev.opskit.core.change.ApplyResult} of them): nothing is sent, and no id or ARN is made up.
 */
public interface AwsBackup {

  /** {@return backup vaults as desired state (create, tags, encryption key), and their listing} */
  BackupVaults vaults();

  /** {@return backup plans as desired state (create, update with {@code UpdateBackupPlan}, tags), and their listing} */
  BackupPlans plans();

  /**
   * The selections of one backup plan as desired state.
   *
   * @param planId the plan id, as {@link BackupPlanSummary#id()} gives it
   * @return the selections of that plan
   * @throws dev.opskit.core.ValidationException when the id is blank
   */
  BackupSelections selections(String planId);

  /**
   * Creates a backup vault, tagged with the context's default tags and the definition's. A vault that
   * already exists is an error ({@link dev.opskit.core.ResourceStateException}), except when a lost answer of
   * this very call made it; use {@link #vaults()} to make a vault as defined whether it exists or not.
   *
   * @param vault the vault
   * @return the vault made, or a planned change in a dry run
   */
  ChangeResult<BackupVault> createVault(BackupVaultDefinition vault);

  /**
   * Creates a backup vault with AWS's default key and the context's default tags.
   *
   * @param backupVaultName the vault name
   * @return the vault made, or a planned change in a dry run
   */
  default ChangeResult<BackupVault> createVault(BackupVaultName backupVaultName) {
    return createVault(BackupVaultDefinition.of(backupVaultName));
  }

  /**
   * Creates a backup vault with AWS's default key and the context's default tags.
   *
   * @param backupVaultName the vault name, such as {@code efs-backup-vault}
   * @return the vault made, or a planned change in a dry run
   * @throws dev.opskit.core.ValidationException when it is not a vault name
   */
  default ChangeResult<BackupVault> createVault(String backupVaultName) {
    return createVault(BackupVaultDefinition.of(backupVaultName));
  }

  /**
   * Creates a backup plan, tagged with the context's default tags and the definition's. The request carries a
   * creator request id of its own, so a create retried after a lost answer makes one plan; a plan of that name
   * that this call did not make is an error ({@link dev.opskit.core.ResourceStateException}). Use {@link #plans()}
   * to make a plan as defined whether it exists or not.
   *
   * @param plan the plan
   * @return the plan made, or a planned change in a dry run
   */
  ChangeResult<BackupPlanSummary> createPlan(BackupPlanDefinition plan);

  /**
   * Creates a backup plan built in place.
   *
   * @param plan sets the plan's values
   * @return the plan made, or a planned change in a dry run
   */
  default ChangeResult<BackupPlanSummary> createPlan(Consumer<BackupPlanDefinition.Builder> plan) {
    BackupPlanDefinition.Builder b = BackupPlanDefinition.builder();
    dev.opskit.core.value.Checks.present("plan", plan, "a function setting the plan's values").accept(b);
    return createPlan(b.build());
  }

  /**
   * Assigns resources to a plan, by ARN or by tag (the guide's EFS file systems).
   *
   * @param planId the plan id
   * @param selection the selection
   * @return the selection made, or a planned change in a dry run
   */
  ChangeResult<BackupSelectionSummary> createSelection(String planId, BackupSelectionDefinition selection);

  /**
   * Starts an on-demand backup job. The SDK's idempotency token makes a retried start one job.
   *
   * @param job the job
   * @return the job as AWS first reports it (state {@link BackupJobDetails.State#CREATED}), or a planned change in a
   *     dry run
   */
  ChangeResult<BackupJobDetails> startBackupJob(BackupJobRequest job);

  /**
   * Starts an on-demand backup job built in place.
   *
   * @param job sets the job's values
   * @return the job as first reported, or a planned change in a dry run
   */
  default ChangeResult<BackupJobDetails> startBackupJob(Consumer<BackupJobRequest.Builder> job) {
    BackupJobRequest.Builder b = BackupJobRequest.builder();
    dev.opskit.core.value.Checks.present("job", job, "a function setting the job's values").accept(b);
    return startBackupJob(b.build());
  }

  /**
   * Starts an on-demand backup job with AWS's default windows.
   *
   * @param backupVaultName the vault the recovery point goes to
   * @param resourceArn the resource to back up
   * @param iamRoleArn the IAM role AWS Backup acts as
   * @return the job as first reported, or a planned change in a dry run
   */
  default ChangeResult<BackupJobDetails> startBackupJob(BackupVaultName backupVaultName, Arn resourceArn, Arn iamRoleArn) {
    return startBackupJob(BackupJobRequest.of(backupVaultName, resourceArn, iamRoleArn));
  }

  /**
   * Starts an on-demand backup job with AWS's default windows.
   *
   * @param backupVaultName the vault name
   * @param resourceArn the resource to back up
   * @param iamRoleArn the IAM role AWS Backup acts as
   * @return the job as first reported, or a planned change in a dry run
   * @throws dev.opskit.core.ValidationException when the vault name is not one
   */
  default ChangeResult<BackupJobDetails> startBackupJob(String backupVaultName, Arn resourceArn, Arn iamRoleArn) {
    return startBackupJob(BackupJobRequest.builder().backupVaultName(backupVaultName).resourceArn(resourceArn)
        .iamRoleArn(iamRoleArn).build());
  }

  /**
   * A backup job's current state. Reads only.
   *
   * @param jobId the job id
   * @return the job
   */
  BackupJobDetails job(String jobId);

  /**
   * Waits until a backup job has ended, reporting progress.
   *
   * @param jobId the job id
   * @param timeout how long to wait
   * @return the completed job
   * @throws dev.opskit.core.ResourceStateException when it ends other than {@code COMPLETED}
   * @throws dev.opskit.core.OperationTimeoutException when it has not ended in time
   */
  BackupJobDetails awaitJob(String jobId, Duration timeout);

  /**
   * Waits until a backup job has ended, with the context's default wait timeout.
   *
   * @param jobId the job id
   * @return the completed job
   */
  BackupJobDetails awaitJob(String jobId);

  /**
   * Every recovery point in a vault, read lazily page by page: close the stream (try-with-resources).
   *
   * @param backupVaultName the vault
   * @return the recovery points
   */
  Stream<RecoveryPoint> recoveryPoints(BackupVaultName backupVaultName);

  /**
   * Every recovery point in a vault, read lazily: close the stream (try-with-resources).
   *
   * @param backupVaultName the vault name
   * @return the recovery points
   * @throws dev.opskit.core.ValidationException when it is not a vault name
   */
  default Stream<RecoveryPoint> recoveryPoints(String backupVaultName) {
    return recoveryPoints(BackupVaultName.of(backupVaultName));
  }
}
