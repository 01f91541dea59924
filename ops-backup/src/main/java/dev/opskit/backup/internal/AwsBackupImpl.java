package dev.opskit.backup.internal;

import dev.opskit.backup.AwsBackup;
import dev.opskit.backup.BackupJobDetails;
import dev.opskit.backup.BackupJobRequest;
import dev.opskit.backup.BackupLifecycle;
import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanSummary;
import dev.opskit.backup.BackupPlans;
import dev.opskit.backup.BackupSelectionDefinition;
import dev.opskit.backup.BackupSelectionSummary;
import dev.opskit.backup.BackupSelections;
import dev.opskit.backup.BackupVault;
import dev.opskit.backup.BackupVaultDefinition;
import dev.opskit.backup.BackupVaults;
import dev.opskit.backup.RecoveryPoint;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Checks;
import dev.opskit.core.waiting.PollResult;
import java.time.Duration;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobRequest;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.backup.model.Lifecycle;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.StartBackupJobRequest;
import software.amazon.awssdk.services.backup.model.StartBackupJobResponse;

/** AWS Backup: vaults, plans and selections (desired state and one-off creates), jobs and recovery points. */
public final class AwsBackupImpl implements AwsBackup {
  private final OpsContext ctx;
  private final BackupClient backup;
  private final BackupChanges changes;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param backup the AWS Backup client
   */
  public AwsBackupImpl(OpsContext ctx, BackupClient backup) {
    this.ctx = ctx;
    this.backup = backup;
    this.changes = new BackupChanges(ctx, backup);
  }

  @Override
  public BackupVaults vaults() {
    return new BackupVaultsImpl(changes);
  }

  @Override
  public BackupPlans plans() {
    return new BackupPlansImpl(changes);
  }

  @Override
  public BackupSelections selections(String planId) {
    return new BackupSelectionsImpl(changes, planId);
  }

  @Override
  public ChangeResult<BackupVault> createVault(BackupVaultDefinition vault) {
    Checks.present("vault", vault, "a backup vault definition");
    return ctx.gate().submit(changes.createVault(vault))
        .map(r -> new BackupVault(BackupVaultName.of(r.backupVaultName()), Arn.parse(r.backupVaultArn()), 0));
  }

  @Override
  public ChangeResult<BackupPlanSummary> createPlan(BackupPlanDefinition plan) {
    Checks.present("plan", plan, "a backup plan definition");
    return ctx.gate().submit(changes.createPlan(plan.name(), BackupPlanModel.toAws(plan), changes.tagsFor(plan.tags())))
        .map(r -> new BackupPlanSummary(plan.name(), r.backupPlanId(), Arn.parse(r.backupPlanArn()), r.versionId()));
  }

  @Override
  public ChangeResult<BackupSelectionSummary> createSelection(String planId, BackupSelectionDefinition selection) {
    String plan = Checks.length("planId", planId, 1, 1024);
    Checks.require(!plan.isBlank(), "planId", planId, "the id of an existing backup plan");
    Checks.present("selection", selection, "a backup selection definition");
    return ctx.gate().submit(changes.createSelection(plan, selection))
        .map(r -> new BackupSelectionSummary(plan, r.selectionId(), selection.name()));
  }

  @Override
  public ChangeResult<BackupJobDetails> startBackupJob(BackupJobRequest job) {
    Checks.present("job", job, "a backup job request");
    StartBackupJobRequest request = StartBackupJobRequest.builder()
        .backupVaultName(job.backupVaultName().value())
        .resourceArn(job.resourceArn().toString())
        .iamRoleArn(job.iamRoleArn().toString())
        .startWindowMinutes(job.startWindow() == null ? null : job.startWindow().toMinutes())
        .completeWindowMinutes(job.completeWindow() == null ? null : job.completeWindow().toMinutes())
        .lifecycle(lifecycle(job.lifecycle()))
        .recoveryPointTags(job.recoveryPointTags().isEmpty() ? null : job.recoveryPointTags().asMap())
        .build();
    ChangeResult<StartBackupJobResponse> result = ctx.gate().submit(
        Change.of("backup:StartBackupJob", job.resourceArn().toString(), request, backup::startBackupJob).build());
    return result.map(r -> new BackupJobDetails(r.backupJobId(), BackupJobDetails.State.CREATED, job.backupVaultName(), job.resourceArn(),
        r.recoveryPointArn() == null ? null : Arn.parse(r.recoveryPointArn()), null, null, r.creationDate(), null));
  }

  private static @Nullable Lifecycle lifecycle(@Nullable BackupLifecycle l) {
    if (l == null) {
      return null;
    }
    return Lifecycle.builder()
        .moveToColdStorageAfterDays(l.moveToColdStorageAfter() == null ? null : l.moveToColdStorageAfter().toDays())
        .deleteAfterDays(l.deleteAfter() == null ? null : l.deleteAfter().toDays())
        .optInToArchiveForSupportedResources(l.optInToArchiveForSupportedResources() ? Boolean.TRUE : null)
        .build();
  }

  @Override
  public BackupJobDetails job(String jobId) {
    String id = jobId(jobId);
    DescribeBackupJobResponse r = Reads.read("backup:DescribeBackupJob", id, () ->
        backup.describeBackupJob(DescribeBackupJobRequest.builder().backupJobId(id).build()));
    return new BackupJobDetails(r.backupJobId() == null ? id : r.backupJobId(), BackupJobDetails.State.of(r.stateAsString()),
        r.backupVaultName() == null ? null : BackupVaultName.of(r.backupVaultName()), arn(r.resourceArn()), arn(r.recoveryPointArn()), r.percentDone(),
        r.statusMessage(), r.creationDate(), r.completionDate());
  }

  private static String jobId(@Nullable String jobId) {
    String id = Checks.length("jobId", jobId, 1, 1024);
    Checks.require(!id.isBlank(), "jobId", id, "the id of a backup job");
    return id;
  }

  private static @Nullable Arn arn(@Nullable String value) {
    return value == null || value.isEmpty() ? null : Arn.parse(value);
  }

  @Override
  public BackupJobDetails awaitJob(String jobId) {
    return awaitJob(jobId, ctx.defaultWaitTimeout());
  }

  @Override
  public BackupJobDetails awaitJob(String jobId, Duration timeout) {
    String id = jobId(jobId);
    return ctx.poller("backup:wait-backup-job-completed", id).timeout(timeout).await(() -> {
      BackupJobDetails job = job(id);
      if (job.isCompleted()) {
        return PollResult.done(job, job.state().value());
      }
      if (job.hasEnded()) {
        return PollResult.<BackupJobDetails>failed(job.state().value(), "backup job " + id + " ended " + job.state()
            + (job.statusMessage() == null ? "" : ": " + job.statusMessage()));
      }
      return PollResult.pending(job.state() + (job.percentDone() == null ? "" : " " + job.percentDone() + "%"));
    }).orElseThrow();
  }

  @Override
  public Stream<RecoveryPoint> recoveryPoints(BackupVaultName vault) {
    BackupVaultName name = Checks.present("backupVaultName", vault, "a backup vault name");
    return Reads.stream("backup:ListRecoveryPointsByBackupVault", name.value(), () ->
        backup.listRecoveryPointsByBackupVaultPaginator(
                ListRecoveryPointsByBackupVaultRequest.builder().backupVaultName(name.value()).build())
            .recoveryPoints().stream()
            .map(p -> new RecoveryPoint(Arn.parse(p.recoveryPointArn()),
                p.backupVaultName() == null ? name : BackupVaultName.of(p.backupVaultName()), arn(p.resourceArn()),
                p.resourceType(), RecoveryPoint.Status.of(p.statusAsString()), p.creationDate(),
                p.backupSizeInBytes() == null ? 0 : p.backupSizeInBytes())));
  }
}
