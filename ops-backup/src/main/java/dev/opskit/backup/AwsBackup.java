package dev.opskit.backup;

import dev.opskit.core.value.Arn;
import java.time.Duration;
import java.util.List;

/**
 * AWS Backup: the guide's vault and plan, selections, on-demand jobs and recovery points. Obtain with
 * {@link Backups#awsBackup()}.
 */
public interface AwsBackup {

  /**
   * Creates a backup vault, tagged with the context's default tags; an existing vault of that name is
   * returned as it is (idempotent). In a dry run, returns the vault with a null ARN.
   *
   * @param name the vault name, such as {@code efs-backup-vault}
   * @return the vault
   */
  BackupVault createVault(String name);

  /** Every backup vault, across every page. */
  List<BackupVault> vaults();

  /**
   * Creates a backup plan. The request carries a creator request id derived from the definition, so a
   * retried create does not make a second plan.
   *
   * @param plan the plan
   * @return the created plan (null id and ARN in a dry run)
   */
  BackupPlanSummary createPlan(BackupPlanDefinition plan);

  /** Every backup plan, across every page. */
  List<BackupPlanSummary> plans();

  /**
   * Assigns resources to a plan, by ARN or by tag (the guide's EFS file systems).
   *
   * @param planId the plan id
   * @param selection the selection
   * @return the selection id (null in a dry run)
   */
  @org.jspecify.annotations.Nullable String createSelection(String planId, BackupSelection selection);

  /**
   * Starts an on-demand backup job. The SDK's idempotency token makes a retried start one job.
   *
   * @param vault the vault the recovery point goes to
   * @param resource the resource to back up
   * @param role the IAM role AWS Backup acts as
   * @return the job as first reported (state {@value DbSnapshot#PLANNED} in a dry run)
   */
  BackupJob startBackupJob(String vault, Arn resource, Arn role);

  /**
   * A backup job's current state. Reads only.
   *
   * @param jobId the job id
   * @return the job
   */
  BackupJob job(String jobId);

  /**
   * Waits until a backup job has ended, reporting progress.
   *
   * @param jobId the job id
   * @param timeout how long to wait
   * @return the completed job
   * @throws dev.opskit.core.ResourceStateException when it ends other than {@code COMPLETED}
   * @throws dev.opskit.core.OperationTimeoutException when it has not ended in time
   */
  BackupJob awaitJob(String jobId, Duration timeout);

  /**
   * Waits until a backup job has ended, with the context's default wait timeout.
   *
   * @param jobId the job id
   * @return the completed job
   */
  BackupJob awaitJob(String jobId);

  /**
   * Every recovery point in a vault, across every page.
   *
   * @param vault the vault name
   * @return the recovery points
   */
  List<RecoveryPoint> recoveryPoints(String vault);
}
