package dev.opskit.backup.internal;

import dev.opskit.backup.BackupSelectionDefinition;
import dev.opskit.backup.BackupVaultDefinition;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.Condition;
import software.amazon.awssdk.services.backup.model.ConditionType;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsResponse;
import software.amazon.awssdk.services.backup.model.TagResourceRequest;
import software.amazon.awssdk.services.backup.model.TagResourceResponse;
import software.amazon.awssdk.services.backup.model.UntagResourceRequest;
import software.amazon.awssdk.services.backup.model.UntagResourceResponse;
import software.amazon.awssdk.services.backup.model.UpdateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.UpdateBackupPlanResponse;

/**
 * The changes AWS Backup operations make, each a {@link Change} for the gate, shared by the one-off creates of
 * {@code AwsBackupImpl} and the plans of vaults, backup plans and selections; and the tags of a resource, read
 * and corrected the same way for vaults and plans.
 *
 * <p>Creates carry a creator request id made fresh for each call: AWS answers a retried request with the
 * resource the first attempt made, and the gate's "already exists" lookup accepts only a resource with this
 * call's id, made inside the call.
 */
final class BackupChanges {
  private final OpsContext ctx;
  private final BackupClient backup;

  BackupChanges(OpsContext ctx, BackupClient backup) {
    this.ctx = ctx;
    this.backup = backup;
  }

  BackupClient client() {
    return backup;
  }

  OpsContext context() {
    return ctx;
  }

  /** The tags a resource made with these own tags gets: the context's default tags, then its own (which win). */
  Tags tagsFor(Tags own) {
    return Tags.of("defaultTags", ctx.defaultTags()).and(own);
  }

  static String newRequestId() {
    return "opskit-" + UUID.randomUUID();
  }

  Change<CreateBackupVaultResponse> createVault(BackupVaultDefinition vault) {
    String name = vault.name().value();
    String requestId = newRequestId();
    Tags tags = tagsFor(vault.tags());
    CreateBackupVaultRequest request = CreateBackupVaultRequest.builder()
        .backupVaultName(name)
        .backupVaultTags(tags.isEmpty() ? null : tags.asMap())
        .encryptionKeyArn(vault.encryptionKeyArn() == null ? null : vault.encryptionKeyArn().toString())
        .creatorRequestId(requestId)
        .build();
    return Change.of("backup:CreateBackupVault", name, request, backup::createBackupVault)
        .ifAlreadyExists(attempts -> Reads.find("backup:DescribeBackupVault", name, () ->
                backup.describeBackupVault(DescribeBackupVaultRequest.builder().backupVaultName(name).build()))
            .filter(d -> attempts.covers(d.creationDate()) && requestId.equals(d.creatorRequestId()))
            .map(d -> CreateBackupVaultResponse.builder().backupVaultName(d.backupVaultName())
                .backupVaultArn(d.backupVaultArn()).creationDate(d.creationDate()).build()))
        .build();
  }

  Change<DeleteBackupVaultResponse> deleteVault(String name) {
    return Change.of("backup:DeleteBackupVault", name, DeleteBackupVaultRequest.builder().backupVaultName(name).build(),
        backup::deleteBackupVault).ifAlreadyGone().build();
  }

  Change<CreateBackupPlanResponse> createPlan(String name, BackupPlanInput plan, Tags tags) {
    String requestId = newRequestId();
    CreateBackupPlanRequest request = CreateBackupPlanRequest.builder()
        .backupPlan(plan)
        .backupPlanTags(tags.isEmpty() ? null : tags.asMap())
        .creatorRequestId(requestId)
        .build();
    return Change.of("backup:CreateBackupPlan", name, request, backup::createBackupPlan)
        .ifAlreadyExists(attempts -> samePlan(name, requestId, attempts))
        .build();
  }

  /**
   * The existing plan of that name, only when this very call made it (its creator request id, created inside
   * the call); a different plan that has the name is not accepted as this one.
   */
  private Optional<CreateBackupPlanResponse> samePlan(String name, String creatorRequestId, CallAttempts attempts) {
    return Reads.read("backup:ListBackupPlans", name, () ->
        backup.listBackupPlansPaginator(ListBackupPlansRequest.builder().build()).backupPlansList().stream()
            .filter(p -> name.equals(p.backupPlanName()) && creatorRequestId.equals(p.creatorRequestId())
                && attempts.covers(p.creationDate()))
            .findFirst()
            .map(p -> CreateBackupPlanResponse.builder().backupPlanId(p.backupPlanId()).backupPlanArn(p.backupPlanArn())
                .versionId(p.versionId()).creationDate(p.creationDate()).build()));
  }

  Change<UpdateBackupPlanResponse> updatePlan(String planId, BackupPlanInput plan) {
    UpdateBackupPlanRequest request = UpdateBackupPlanRequest.builder().backupPlanId(planId).backupPlan(plan).build();
    return Change.of("backup:UpdateBackupPlan", plan.backupPlanName(), request, backup::updateBackupPlan).build();
  }

  Change<CreateBackupSelectionResponse> createSelection(String planId, BackupSelectionDefinition selection) {
    String requestId = newRequestId();
    CreateBackupSelectionRequest request = CreateBackupSelectionRequest.builder()
        .backupPlanId(planId)
        .backupSelection(toAws(selection))
        .creatorRequestId(requestId)
        .build();
    String name = selection.name();
    return Change.of("backup:CreateBackupSelection", planId + "/" + name, request, backup::createBackupSelection)
        .ifAlreadyExists(attempts -> Reads.read("backup:ListBackupSelections", planId, () ->
            backup.listBackupSelectionsPaginator(ListBackupSelectionsRequest.builder().backupPlanId(planId).build())
                .backupSelectionsList().stream()
                .filter(s -> name.equals(s.selectionName()) && requestId.equals(s.creatorRequestId())
                    && attempts.covers(s.creationDate()))
                .findFirst()
                .map(s -> CreateBackupSelectionResponse.builder().selectionId(s.selectionId()).backupPlanId(planId)
                    .creationDate(s.creationDate()).build())))
        .build();
  }

  Change<DeleteBackupSelectionResponse> deleteSelection(String planId, String selectionId, String name) {
    DeleteBackupSelectionRequest request = DeleteBackupSelectionRequest.builder()
        .backupPlanId(planId).selectionId(selectionId).build();
    return Change.of("backup:DeleteBackupSelection", planId + "/" + name, request, backup::deleteBackupSelection)
        .ifAlreadyGone().build();
  }

  static software.amazon.awssdk.services.backup.model.BackupSelection toAws(BackupSelectionDefinition selection) {
    return software.amazon.awssdk.services.backup.model.BackupSelection.builder()
        .selectionName(selection.name())
        .iamRoleArn(selection.role().toString())
        .resources(selection.resources().isEmpty() ? null : selection.resources().stream().map(Arn::toString).toList())
        .listOfTags(selection.tags().isEmpty() ? null : selection.tags().entrySet().stream().map(t -> Condition.builder()
            .conditionType(ConditionType.STRINGEQUALS).conditionKey(t.getKey()).conditionValue(t.getValue()).build()).toList())
        .build();
  }

  /** A resource's tags, every page, without those AWS itself puts ({@code aws:}). */
  Map<String, String> liveTags(String arn) {
    return Reads.read("backup:ListTags", arn, () -> {
      Map<String, String> tags = new LinkedHashMap<>();
      for (ListTagsResponse page : backup.listTagsPaginator(ListTagsRequest.builder().resourceArn(arn).build())) {
        page.tags().forEach((k, v) -> {
          if (!k.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            tags.put(k, v);
          }
        });
      }
      return tags;
    });
  }

  /**
   * The tag keys that differ, one field each ({@code <member>.<key>}), values redacted: AWS Backup's tags are
   * marked sensitive by the SDK.
   */
  static List<FieldDiff> tagDiffs(String member, Map<String, String> live, Map<String, String> desired) {
    return MemberTree.diff(Map.of(member, new MemberTree.Sensitive(live)), Map.of(member, new MemberTree.Sensitive(desired)),
        Map.of());
  }

  /** The calls that make a resource's tags the desired ones: a tag of what is new or changed, an untag of what is gone. */
  List<Change<?>> retag(String arn, String target, Map<String, String> live, Map<String, String> desired) {
    List<Change<?>> steps = new ArrayList<>();
    Map<String, String> set = new LinkedHashMap<>();
    desired.forEach((k, v) -> {
      if (!v.equals(live.get(k))) {
        set.put(k, v);
      }
    });
    List<String> gone = live.keySet().stream().filter(k -> !desired.containsKey(k)).toList();
    if (!set.isEmpty()) {
      TagResourceRequest request = TagResourceRequest.builder().resourceArn(arn).tags(set).build();
      steps.add(Change.<TagResourceRequest, TagResourceResponse>of("backup:TagResource", target, request,
          backup::tagResource).build());
    }
    if (!gone.isEmpty()) {
      UntagResourceRequest request = UntagResourceRequest.builder().resourceArn(arn).tagKeyList(gone).build();
      steps.add(Change.<UntagResourceRequest, UntagResourceResponse>of("backup:UntagResource", target, request,
          backup::untagResource).build());
    }
    return steps;
  }
}
