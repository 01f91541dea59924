package dev.opskit.backup.internal;

import dev.opskit.backup.AdvancedBackupOptions;
import dev.opskit.backup.BackupCopyAction;
import dev.opskit.backup.BackupIndexAction;
import dev.opskit.backup.BackupLifecycle;
import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanRule;
import dev.opskit.backup.MalwareScanAction;
import dev.opskit.backup.MalwareScanSetting;
import dev.opskit.core.change.FieldDiff;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.backup.model.AdvancedBackupSetting;
import software.amazon.awssdk.services.backup.model.BackupPlan;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.IndexAction;
import software.amazon.awssdk.services.backup.model.Lifecycle;
import software.amazon.awssdk.services.backup.model.ScanAction;
import software.amazon.awssdk.services.backup.model.ScanSetting;

/**
 * A {@link BackupPlanDefinition} as the SDK's {@code BackupPlanInput}, and the comparison of a definition with a
 * live plan: both as member trees, AWS's defaults filled in on both sides ({@code StartWindowMinutes} 480,
 * {@code CompletionWindowMinutes} 10080, {@code ScheduleExpression} {@code cron(0 5 ? * * *)},
 * {@code ScheduleExpressionTimezone} {@code Etc/UTC}), AWS's "nothing" removed ({@code false} flags, {@code -1}
 * lifecycle days), and what AWS adds ({@code RuleId}, the output-only {@code DeleteAfterEvent}) left out.
 */
final class BackupPlanModel {
  /** The list members compared element by element, and the member naming an element. */
  static final Map<String, String> KEYS = Map.of("Rules", "RuleName", "CopyActions", "DestinationBackupVaultArn",
      "AdvancedBackupSettings", "ResourceType", "ScanSettings", "MalwareScanner", "ScanActions", "MalwareScanner");
  private static final String DEFAULT_TIMEZONE = "Etc/UTC";

  private BackupPlanModel() {}

  /** The plan as AWS takes it in {@code CreateBackupPlan}. */
  static BackupPlanInput toAws(BackupPlanDefinition plan) {
    return toAws(plan, null);
  }

  /**
   * The plan as AWS takes it in {@code UpdateBackupPlan}: a lifecycle setting or flag that the live rule has
   * and the definition drops is sent as AWS's "remove" ({@code -1}, {@code false}, an empty map).
   */
  static BackupPlanInput toAws(BackupPlanDefinition plan, @Nullable BackupPlan live) {
    return BackupPlanInput.builder()
        .backupPlanName(plan.name())
        .rules(plan.rules().stream().map(r -> rule(r, live == null ? null : liveRule(live, r.name()))).toList())
        .advancedBackupSettings(plan.advancedBackupSettings().isEmpty() && (live == null || !live.hasAdvancedBackupSettings())
            ? null : plan.advancedBackupSettings().stream().map(BackupPlanModel::setting).toList())
        .scanSettings(plan.scanSettings().isEmpty() && (live == null || !live.hasScanSettings())
            ? null : plan.scanSettings().stream().map(BackupPlanModel::scanSetting).toList())
        .build();
  }

  private static @Nullable BackupRule liveRule(BackupPlan live, String name) {
    return live.rules().stream().filter(r -> name.equals(r.ruleName())).findFirst().orElse(null);
  }

  private static BackupRuleInput rule(BackupPlanRule r, @Nullable BackupRule live) {
    return BackupRuleInput.builder()
        .ruleName(r.name())
        .targetBackupVaultName(r.targetVault().value())
        .targetLogicallyAirGappedBackupVaultArn(r.targetLogicallyAirGappedVault() == null ? null
            : r.targetLogicallyAirGappedVault().toString())
        .scheduleExpression(r.schedule() == null ? null : r.schedule().expression())
        .scheduleExpressionTimezone(r.scheduleTimezone() == null ? null : r.scheduleTimezone().getId())
        .startWindowMinutes(r.startWindow() == null ? null : r.startWindow().toMinutes())
        .completionWindowMinutes(r.completionWindow() == null ? null : r.completionWindow().toMinutes())
        .lifecycle(lifecycle(r.lifecycle(), live == null ? null : live.lifecycle()))
        .recoveryPointTags(!r.recoveryPointTags().isEmpty() ? r.recoveryPointTags().asMap()
            : live != null && live.hasRecoveryPointTags() && !live.recoveryPointTags().isEmpty() ? Map.of() : null)
        .copyActions(r.copyActions().isEmpty() ? null : r.copyActions().stream()
            .map(c -> copy(c, live == null ? null : liveCopy(live, c))).toList())
        .enableContinuousBackup(r.continuousBackup() ? Boolean.TRUE
            : (live != null && Boolean.TRUE.equals(live.enableContinuousBackup())) ? Boolean.FALSE : null)
        .indexActions(r.indexActions().isEmpty() ? null : r.indexActions().stream().map(BackupPlanModel::index).toList())
        .scanActions(r.scanActions().isEmpty() ? null : r.scanActions().stream().map(BackupPlanModel::scan).toList())
        .build();
  }

  private static @Nullable CopyAction liveCopy(BackupRule live, BackupCopyAction c) {
    String arn = c.destinationVaultArn().toString();
    return live.copyActions().stream().filter(l -> arn.equals(l.destinationBackupVaultArn())).findFirst().orElse(null);
  }

  private static CopyAction copy(BackupCopyAction c, @Nullable CopyAction live) {
    return CopyAction.builder().destinationBackupVaultArn(c.destinationVaultArn().toString())
        .lifecycle(lifecycle(c.lifecycle(), live == null ? null : live.lifecycle())).build();
  }

  private static @Nullable Lifecycle lifecycle(@Nullable BackupLifecycle l, @Nullable Lifecycle live) {
    Long cold = l == null || l.moveToColdStorageAfter() == null ? removed(live == null ? null : live.moveToColdStorageAfterDays())
        : Long.valueOf(l.moveToColdStorageAfter().toDays());
    Long delete = l == null || l.deleteAfter() == null ? removed(live == null ? null : live.deleteAfterDays())
        : Long.valueOf(l.deleteAfter().toDays());
    Boolean archive = (l != null && l.optInToArchiveForSupportedResources()) ? Boolean.TRUE
        : (live != null && Boolean.TRUE.equals(live.optInToArchiveForSupportedResources())) ? Boolean.FALSE : null;
    if (cold == null && delete == null && archive == null) {
      return null;
    }
    return Lifecycle.builder().moveToColdStorageAfterDays(cold).deleteAfterDays(delete)
        .optInToArchiveForSupportedResources(archive).build();
  }

  /** AWS's "remove this setting" when the live one has it, else nothing. */
  private static @Nullable Long removed(@Nullable Long live) {
    return live != null && live != -1 ? Long.valueOf(-1) : null;
  }

  private static AdvancedBackupSetting setting(AdvancedBackupOptions a) {
    return AdvancedBackupSetting.builder().resourceType(a.resourceType()).backupOptions(a.backupOptions()).build();
  }

  private static ScanSetting scanSetting(MalwareScanSetting s) {
    return ScanSetting.builder().malwareScanner(s.malwareScanner()).resourceTypes(s.resourceTypes())
        .scannerRoleArn(s.scannerRole().toString()).build();
  }

  private static IndexAction index(BackupIndexAction i) {
    return IndexAction.builder().resourceTypes(i.resourceTypes()).build();
  }

  private static ScanAction scan(MalwareScanAction s) {
    return ScanAction.builder().malwareScanner(s.malwareScanner()).scanMode(s.scanMode()).build();
  }

  /**
   * The plan's fields that differ from the live plan, in AWS's member names.
   *
   * @param desired the definition
   * @param live the live plan
   * @return the differences (empty when the live plan is as defined)
   */
  static List<FieldDiff> diff(BackupPlanDefinition desired, BackupPlan live) {
    return MemberTree.diff(normalized(live), normalized(toAws(desired)), KEYS);
  }

  static Map<String, Object> normalized(SdkPojo plan) {
    Map<String, Object> tree = MemberTree.of(plan);
    for (Map<String, Object> rule : MemberTree.children(tree, "Rules")) {
      rule.remove("RuleId");
      MemberTree.defaultTo(rule, "ScheduleExpression", BackupPlanRule.DEFAULT_SCHEDULE.expression());
      rule.computeIfPresent("ScheduleExpression", (k, v) -> String.valueOf(v).trim().replaceAll("\\s+", " "));
      MemberTree.defaultTo(rule, "ScheduleExpressionTimezone", DEFAULT_TIMEZONE);
      MemberTree.defaultTo(rule, "StartWindowMinutes", BackupPlanRule.DEFAULT_START_WINDOW.toMinutes());
      MemberTree.defaultTo(rule, "CompletionWindowMinutes", BackupPlanRule.DEFAULT_COMPLETION_WINDOW.toMinutes());
      MemberTree.dropIf(rule, "EnableContinuousBackup", false);
      lifecycle(rule);
      MemberTree.children(rule, "CopyActions").forEach(BackupPlanModel::lifecycle);
    }
    MemberTree.prune(tree);
    return tree;
  }

  private static void lifecycle(Map<String, Object> holder) {
    Optional.ofNullable(MemberTree.child(holder, "Lifecycle")).ifPresent(l -> {
      l.remove("DeleteAfterEvent");
      MemberTree.dropIf(l, "MoveToColdStorageAfterDays", -1L);
      MemberTree.dropIf(l, "DeleteAfterDays", -1L);
      MemberTree.dropIf(l, "OptInToArchiveForSupportedResources", false);
    });
  }
}
