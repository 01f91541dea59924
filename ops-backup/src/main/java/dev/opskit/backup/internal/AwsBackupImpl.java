package dev.opskit.backup.internal;

import dev.opskit.core.Reads;
import dev.opskit.backup.AwsBackup;
import dev.opskit.backup.BackupCopyAction;
import dev.opskit.backup.BackupJob;
import dev.opskit.backup.BackupLifecycle;
import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanRule;
import dev.opskit.backup.BackupPlanSummary;
import dev.opskit.backup.BackupSelection;
import dev.opskit.backup.BackupVault;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.RecoveryPoint;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.waiting.PollResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.backup.model.Condition;
import software.amazon.awssdk.services.backup.model.ConditionType;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobRequest;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.Lifecycle;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.StartBackupJobRequest;
import software.amazon.awssdk.services.backup.model.StartBackupJobResponse;

/** AWS Backup vaults, plans, selections, jobs and recovery points. */
public final class AwsBackupImpl implements AwsBackup {
  private final OpsContext ctx;
  private final BackupClient backup;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param backup the AWS Backup client
   */
  public AwsBackupImpl(OpsContext ctx, BackupClient backup) {
    this.ctx = ctx;
    this.backup = backup;
  }

  @Override
  public BackupVault createVault(String name) {
    String vault = BackupVaultName.of(name).value();
    CreateBackupVaultRequest request = CreateBackupVaultRequest.builder()
        .backupVaultName(vault)
        .backupVaultTags(ctx.defaultTags().isEmpty() ? null : ctx.defaultTags())
        .build();
    ChangeResult<CreateBackupVaultResponse> result = ctx.gate().submit(
        Change.of("backup:CreateBackupVault", vault, request, backup::createBackupVault)
            .ifAlreadyExists(attempts -> Reads.find("backup:DescribeBackupVault", vault, () ->
                    backup.describeBackupVault(DescribeBackupVaultRequest.builder().backupVaultName(vault).build()))
                .filter(d -> attempts.covers(d.creationDate()))
                .map(d -> CreateBackupVaultResponse.builder().backupVaultName(d.backupVaultName())
                    .backupVaultArn(d.backupVaultArn()).creationDate(d.creationDate()).build()))
            .build());
    return new BackupVault(vault, result.value().map(CreateBackupVaultResponse::backupVaultArn).orElse(null), 0);
  }

  @Override
  public List<BackupVault> vaults() {
    return Reads.read("backup:ListBackupVaults", "vaults", () ->
        backup.listBackupVaultsPaginator(ListBackupVaultsRequest.builder().build()).backupVaultList().stream()
            .map(v -> new BackupVault(v.backupVaultName(), v.backupVaultArn(),
                v.numberOfRecoveryPoints() == null ? 0 : v.numberOfRecoveryPoints()))
            .toList());
  }

  @Override
  public BackupPlanSummary createPlan(BackupPlanDefinition plan) {
    String creatorRequestId = requestId(plan.toJson());
    CreateBackupPlanRequest request = CreateBackupPlanRequest.builder()
        .backupPlan(toAws(plan))
        .creatorRequestId(creatorRequestId)
        .build();
    ChangeResult<CreateBackupPlanResponse> result = ctx.gate().submit(
        Change.of("backup:CreateBackupPlan", plan.name(), request, backup::createBackupPlan)
            .ifAlreadyExists(attempts -> samePlan(plan.name(), creatorRequestId, attempts))
            .build());
    return result.value()
        .map(r -> new BackupPlanSummary(plan.name(), r.backupPlanId(), r.backupPlanArn(), r.versionId()))
        .orElse(new BackupPlanSummary(plan.name(), null, null, null));
  }

  /**
   * The existing plan of that name, only when it was created from this very definition (same creator
   * request id); a different plan that has the name is not accepted as this one.
   */
  private Optional<CreateBackupPlanResponse> samePlan(String name, String creatorRequestId, CallAttempts attempts) {
    return Reads.read("backup:ListBackupPlans", name, () ->
        backup.listBackupPlansPaginator(ListBackupPlansRequest.builder().build()).backupPlansList().stream()
            .filter(p -> name.equals(p.backupPlanName()) && creatorRequestId.equals(p.creatorRequestId())
                && attempts.covers(p.creationDate()))
            .findFirst()
            .map(p -> CreateBackupPlanResponse.builder().backupPlanId(p.backupPlanId()).backupPlanArn(p.backupPlanArn())
                .versionId(p.versionId()).build()));
  }

  static BackupPlanInput toAws(BackupPlanDefinition plan) {
    return BackupPlanInput.builder()
        .backupPlanName(plan.name())
        .rules(plan.rules().stream().map(AwsBackupImpl::rule).toList())
        .build();
  }

  private static BackupRuleInput rule(BackupPlanRule r) {
    return BackupRuleInput.builder()
        .ruleName(r.name())
        .targetBackupVaultName(r.targetVault().value())
        .scheduleExpression(r.schedule().expression())
        .startWindowMinutes(r.startWindow() == null ? null : r.startWindow().toMinutes())
        .completionWindowMinutes(r.completionWindow() == null ? null : r.completionWindow().toMinutes())
        .lifecycle(lifecycle(r.lifecycle()))
        .copyActions(r.copyActions().stream().map(AwsBackupImpl::copy).toList())
        .build();
  }

  private static CopyAction copy(BackupCopyAction c) {
    return CopyAction.builder().destinationBackupVaultArn(c.destinationVaultArn().toString()).lifecycle(lifecycle(c.lifecycle())).build();
  }

  private static @Nullable Lifecycle lifecycle(@Nullable BackupLifecycle l) {
    if (l == null) {
      return null;
    }
    return Lifecycle.builder()
        .moveToColdStorageAfterDays(l.moveToColdStorageAfter() == null ? null : l.moveToColdStorageAfter().toDays())
        .deleteAfterDays(l.deleteAfter() == null ? null : l.deleteAfter().toDays())
        .build();
  }

  /** A creator request id that is the same for the same content, so a retried create is recognised. */
  static String requestId(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "opskit-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public List<BackupPlanSummary> plans() {
    return Reads.read("backup:ListBackupPlans", "plans", () ->
        backup.listBackupPlansPaginator(ListBackupPlansRequest.builder().build()).backupPlansList().stream()
            .map(p -> new BackupPlanSummary(p.backupPlanName(), p.backupPlanId(), p.backupPlanArn(), p.versionId()))
            .toList());
  }

  @Override
  public @Nullable String createSelection(String planId, BackupSelection selection) {
    if (planId == null || planId.isBlank()) {
      throw ValidationException.of("planId", planId, "the id of an existing backup plan");
    }
    software.amazon.awssdk.services.backup.model.BackupSelection aws =
        software.amazon.awssdk.services.backup.model.BackupSelection.builder()
            .selectionName(selection.name())
            .iamRoleArn(selection.role().toString())
            .resources(selection.resources().stream().map(Arn::toString).toList())
            .listOfTags(selection.tags().entrySet().stream().map(AwsBackupImpl::condition).toList())
            .build();
    CreateBackupSelectionRequest request = CreateBackupSelectionRequest.builder()
        .backupPlanId(planId)
        .backupSelection(aws)
        .creatorRequestId(requestId(planId + "/" + selection))
        .build();
    ChangeResult<CreateBackupSelectionResponse> result = ctx.gate().submit(
        Change.of("backup:CreateBackupSelection", planId, request, backup::createBackupSelection)
            .ifAlreadyExists(attempts -> existingSelection(planId, selection.name(), attempts))
            .build());
    return result.value().map(CreateBackupSelectionResponse::selectionId).orElse(null);
  }

  private static Condition condition(Map.Entry<String, String> tag) {
    return Condition.builder().conditionType(ConditionType.STRINGEQUALS).conditionKey(tag.getKey()).conditionValue(tag.getValue()).build();
  }

  private Optional<CreateBackupSelectionResponse> existingSelection(String planId, String name, CallAttempts attempts) {
    return Reads.read("backup:ListBackupSelections", planId, () ->
        backup.listBackupSelectionsPaginator(ListBackupSelectionsRequest.builder().backupPlanId(planId).build())
            .backupSelectionsList().stream()
            .filter(s -> name.equals(s.selectionName()) && attempts.covers(s.creationDate()))
            .findFirst()
            .map(s -> CreateBackupSelectionResponse.builder().selectionId(s.selectionId()).backupPlanId(planId).build()));
  }

  @Override
  public BackupJob startBackupJob(String vault, Arn resource, Arn role) {
    String name = BackupVaultName.of(vault).value();
    if (resource == null) {
      throw ValidationException.of("resourceArn", null, "the ARN of the resource to back up");
    }
    Checks.iamRole("iamRoleArn", role);
    StartBackupJobRequest request = StartBackupJobRequest.builder()
        .backupVaultName(name)
        .resourceArn(resource.toString())
        .iamRoleArn(role.toString())
        .build();
    ChangeResult<StartBackupJobResponse> result = ctx.gate().submit(
        Change.of("backup:StartBackupJob", resource.toString(), request, backup::startBackupJob).build());
    if (result instanceof ChangeResult.Applied<StartBackupJobResponse> applied) {
      StartBackupJobResponse r = applied.answer();
      return new BackupJob(r.backupJobId(), "CREATED", name, resource.toString(), r.recoveryPointArn(), null, null,
          r.creationDate(), null);
    }
    return new BackupJob(null, DbSnapshot.PLANNED, name, resource.toString(), null, null, null, null, null);
  }

  @Override
  public BackupJob job(String jobId) {
    if (jobId == null || jobId.isBlank()) {
      throw ValidationException.of("jobId", jobId, "the id of a backup job");
    }
    DescribeBackupJobResponse r = Reads.read("backup:DescribeBackupJob", jobId, () ->
        backup.describeBackupJob(DescribeBackupJobRequest.builder().backupJobId(jobId).build()));
    return new BackupJob(r.backupJobId(), r.stateAsString() == null ? "UNKNOWN" : r.stateAsString(),
        r.backupVaultName() == null ? "" : r.backupVaultName(), r.resourceArn(), r.recoveryPointArn(), r.percentDone(),
        r.statusMessage(), r.creationDate(), r.completionDate());
  }

  @Override
  public BackupJob awaitJob(String jobId) {
    return awaitJob(jobId, ctx.defaultWaitTimeout());
  }

  @Override
  public BackupJob awaitJob(String jobId, Duration timeout) {
    if (jobId == null || jobId.isBlank()) {
      throw ValidationException.of("jobId", jobId, "the id of a backup job");
    }
    return ctx.poller("backup:wait-backup-job-completed", jobId).timeout(timeout).await(() -> {
      BackupJob job = job(jobId);
      if (job.isCompleted()) {
        return PollResult.done(job, job.state());
      }
      if (job.hasEnded()) {
        return PollResult.<BackupJob>failed(job.state(), "backup job " + jobId + " ended " + job.state()
            + (job.statusMessage() == null ? "" : ": " + job.statusMessage()));
      }
      return PollResult.pending(job.state() + (job.percentDone() == null ? "" : " " + job.percentDone() + "%"));
    }).orElseThrow();
  }

  @Override
  public List<RecoveryPoint> recoveryPoints(String vault) {
    String name = BackupVaultName.of(vault).value();
    return Reads.read("backup:ListRecoveryPointsByBackupVault", name, () ->
        backup.listRecoveryPointsByBackupVaultPaginator(
                ListRecoveryPointsByBackupVaultRequest.builder().backupVaultName(name).build())
            .recoveryPoints().stream()
            .map(p -> new RecoveryPoint(p.recoveryPointArn(), p.backupVaultName() == null ? name : p.backupVaultName(),
                p.resourceArn(), p.resourceType(), p.statusAsString() == null ? "UNKNOWN" : p.statusAsString(),
                p.creationDate(), p.backupSizeInBytes() == null ? 0 : p.backupSizeInBytes()))
            .toList());
  }
}
