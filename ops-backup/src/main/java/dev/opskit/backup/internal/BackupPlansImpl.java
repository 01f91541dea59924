package dev.opskit.backup.internal;

import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanSummary;
import dev.opskit.backup.BackupPlans;
import dev.opskit.core.Reads;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.backup.model.BackupPlan;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.GetBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;

/** Backup plans as desired state: create, update (a new version) and tags. */
final class BackupPlansImpl implements BackupPlans {
  static final String RESOURCE_TYPE = "backup plan";

  private final BackupChanges changes;

  BackupPlansImpl(BackupChanges changes) {
    this.changes = changes;
  }

  @Override
  public Plan plan(Collection<? extends BackupPlanDefinition> definitions) {
    List<BackupPlanDefinition> all = Checks.list("plans", definitions, "backup plan definitions");
    Set<String> names = new HashSet<>();
    all.forEach(d -> Checks.require(names.add(d.name()), "plans", d.name(), "one definition per plan name"));
    Map<String, BackupPlansListMember> live = new LinkedHashMap<>();
    if (!all.isEmpty()) {
      try (Stream<BackupPlansListMember> plans = members()) {
        plans.forEach(p -> live.putIfAbsent(p.backupPlanName(), p));
      }
    }
    List<ResourceChange> planned = new ArrayList<>();
    for (BackupPlanDefinition d : all) {
      planned.add(planOne(d, live.get(d.name())));
    }
    return Plan.of("backup plans", planned);
  }

  private ResourceChange planOne(BackupPlanDefinition d, @Nullable BackupPlansListMember member) {
    Tags desiredTags = changes.tagsFor(d.tags());
    if (member == null) {
      return ResourceChange.create(RESOURCE_TYPE, d.name(),
          List.of(changes.createPlan(d.name(), BackupPlanModel.toAws(d), desiredTags)));
    }
    GetBackupPlanResponse got = Reads.read("backup:GetBackupPlan", d.name(), () -> changes.client().getBackupPlan(
        GetBackupPlanRequest.builder().backupPlanId(member.backupPlanId()).build()));
    BackupPlan live = got.backupPlan();
    if (!live.hasAdvancedBackupSettings() && got.hasAdvancedBackupSettings()) {
      live = live.toBuilder().advancedBackupSettings(got.advancedBackupSettings()).build();
    }
    List<FieldDiff> diffs = new ArrayList<>(BackupPlanModel.diff(d, live));
    List<Change<?>> steps = new ArrayList<>();
    if (!diffs.isEmpty()) {
      steps.add(changes.updatePlan(member.backupPlanId(), BackupPlanModel.toAws(d, live)));
    }
    Map<String, String> liveTags = changes.liveTags(member.backupPlanArn());
    diffs.addAll(BackupChanges.tagDiffs("BackupPlanTags", liveTags, desiredTags.asMap()));
    steps.addAll(changes.retag(member.backupPlanArn(), d.name(), liveTags, desiredTags.asMap()));
    return diffs.isEmpty() ? ResourceChange.unchanged(RESOURCE_TYPE, d.name())
        : ResourceChange.update(RESOURCE_TYPE, d.name(), diffs, steps);
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return changes.context().gate().apply(Checks.present("plan", plan, "a plan from plan(...)"));
  }

  private Stream<BackupPlansListMember> members() {
    return Reads.stream("backup:ListBackupPlans", null, () -> changes.client()
        .listBackupPlansPaginator(ListBackupPlansRequest.builder().build()).backupPlansList().stream()
        .filter(p -> p.deletionDate() == null));
  }

  @Override
  public Stream<BackupPlanSummary> list() {
    return members().map(BackupPlansImpl::summary);
  }

  static BackupPlanSummary summary(BackupPlansListMember p) {
    return new BackupPlanSummary(p.backupPlanName(), p.backupPlanId(), Arn.parse(p.backupPlanArn()), p.versionId());
  }

  @Override
  public Optional<BackupPlanSummary> find(String name) {
    Checks.length("backupPlanName", name, 1, 50);
    try (Stream<BackupPlansListMember> plans = members()) {
      return plans.filter(p -> name.equals(p.backupPlanName())).findFirst().map(BackupPlansImpl::summary);
    }
  }
}
