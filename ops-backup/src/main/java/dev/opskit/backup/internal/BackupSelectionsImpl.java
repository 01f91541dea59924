package dev.opskit.backup.internal;

import dev.opskit.backup.BackupSelectionDefinition;
import dev.opskit.backup.BackupSelectionSummary;
import dev.opskit.backup.BackupSelections;
import dev.opskit.core.Reads;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsRequest;

/**
 * The selections of one backup plan as desired state: the definitions are the plan's whole set; a changed
 * selection is replaced (AWS has no update), one no longer defined is deleted.
 */
final class BackupSelectionsImpl implements BackupSelections {
  static final String RESOURCE_TYPE = "backup selection";
  static final String REPLACED = "; AWS cannot change a selection, so each update deletes it and creates it again";

  private final BackupChanges changes;
  private final String planId;

  BackupSelectionsImpl(BackupChanges changes, String planId) {
    this.changes = changes;
    this.planId = Checks.length("planId", planId, 1, 1024);
    Checks.require(!planId.isBlank(), "planId", planId, "the id of an existing backup plan");
  }

  @Override
  public String planId() {
    return planId;
  }

  @Override
  public Plan plan(Collection<? extends BackupSelectionDefinition> definitions) {
    List<BackupSelectionDefinition> all = Checks.list("selections", definitions, "backup selection definitions");
    Set<String> names = new HashSet<>();
    all.forEach(d -> Checks.require(names.add(d.name()), "selections", d.name(), "one definition per selection name"));
    Map<String, List<BackupSelectionsListMember>> live = new LinkedHashMap<>();
    try (Stream<BackupSelectionsListMember> members = members()) {
      members.forEach(m -> live.computeIfAbsent(m.selectionName(), k -> new ArrayList<>()).add(m));
    }
    List<ResourceChange> planned = new ArrayList<>();
    boolean replaces = false;
    for (BackupSelectionDefinition d : all) {
      List<BackupSelectionsListMember> same = live.remove(d.name());
      if (same == null) {
        planned.add(ResourceChange.create(RESOURCE_TYPE, d.name(), List.of(changes.createSelection(planId, d))));
        continue;
      }
      BackupSelectionsListMember kept = same.get(0);
      List<FieldDiff> diffs = diff(d, kept);
      if (diffs.isEmpty()) {
        planned.add(ResourceChange.unchanged(RESOURCE_TYPE, d.name()));
      } else {
        replaces = true;
        planned.add(ResourceChange.update(RESOURCE_TYPE, d.name(), diffs,
            List.of(changes.deleteSelection(planId, kept.selectionId(), d.name()), changes.createSelection(planId, d))));
      }
      same.subList(1, same.size()).forEach(extra -> planned.add(delete(extra, true)));
    }
    live.values().forEach(rest -> rest.forEach(extra -> planned.add(delete(extra, rest.size() > 1))));
    return Plan.of("backup selections of plan " + planId + (replaces ? REPLACED : ""), planned);
  }

  private ResourceChange delete(BackupSelectionsListMember m, boolean byId) {
    String resource = byId ? m.selectionName() + " (" + m.selectionId() + ")" : m.selectionName();
    return ResourceChange.delete(RESOURCE_TYPE, resource, List.of(changes.deleteSelection(planId, m.selectionId(), resource)));
  }

  private List<FieldDiff> diff(BackupSelectionDefinition d, BackupSelectionsListMember kept) {
    GetBackupSelectionResponse got = Reads.read("backup:GetBackupSelection", planId + "/" + d.name(), () ->
        changes.client().getBackupSelection(GetBackupSelectionRequest.builder().backupPlanId(planId)
            .selectionId(kept.selectionId()).build()));
    return MemberTree.diff(normalized(got.backupSelection()), normalized(BackupChanges.toAws(d)), Map.of());
  }

  /** Resources and conditions compared as sets, empty as absent. */
  static Map<String, Object> normalized(SdkPojo selection) {
    Map<String, Object> tree = MemberTree.of(selection);
    MemberTree.asSet(tree, "Resources");
    MemberTree.asSet(tree, "NotResources");
    MemberTree.asSet(tree, "ListOfTags");
    Map<String, Object> conditions = MemberTree.child(tree, "Conditions");
    if (conditions != null) {
      List.copyOf(conditions.keySet()).forEach(k -> MemberTree.asSet(conditions, k));
    }
    MemberTree.prune(tree);
    return tree;
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return changes.context().gate().apply(Checks.present("plan", plan, "a plan from plan(...)"));
  }

  private Stream<BackupSelectionsListMember> members() {
    return Reads.stream("backup:ListBackupSelections", planId, () -> changes.client()
        .listBackupSelectionsPaginator(ListBackupSelectionsRequest.builder().backupPlanId(planId).build())
        .backupSelectionsList().stream());
  }

  @Override
  public Stream<BackupSelectionSummary> list() {
    return members().map(m -> new BackupSelectionSummary(planId, m.selectionId(), m.selectionName()));
  }
}
