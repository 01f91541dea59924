package dev.opskit.cost.lifecycle.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.Duplicates;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.lifecycle.SnapshotLifecycle;
import dev.opskit.cost.lifecycle.SnapshotLifecyclePolicy;
import dev.opskit.cost.lifecycle.SnapshotSchedule;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dlm.DlmClient;
import software.amazon.awssdk.services.dlm.model.CreateLifecyclePolicyRequest;
import software.amazon.awssdk.services.dlm.model.CreateLifecyclePolicyResponse;
import software.amazon.awssdk.services.dlm.model.CreateRule;
import software.amazon.awssdk.services.dlm.model.DeleteLifecyclePolicyRequest;
import software.amazon.awssdk.services.dlm.model.GetLifecyclePoliciesRequest;
import software.amazon.awssdk.services.dlm.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.dlm.model.GettablePolicyStateValues;
import software.amazon.awssdk.services.dlm.model.IntervalUnitValues;
import software.amazon.awssdk.services.dlm.model.LifecyclePolicy;
import software.amazon.awssdk.services.dlm.model.LifecyclePolicySummary;
import software.amazon.awssdk.services.dlm.model.PolicyDetails;
import software.amazon.awssdk.services.dlm.model.PolicyTypeValues;
import software.amazon.awssdk.services.dlm.model.RetainRule;
import software.amazon.awssdk.services.dlm.model.Schedule;
import software.amazon.awssdk.services.dlm.model.SettablePolicyStateValues;
import software.amazon.awssdk.services.dlm.model.Tag;
import software.amazon.awssdk.services.dlm.model.UpdateLifecyclePolicyRequest;

/** DLM policies as desired state, found by their name tag. */
public final class SnapshotLifecycleImpl implements SnapshotLifecycle {
  static final String RESOURCE_TYPE = "snapshot lifecycle policy";

  private final OpsContext ctx;

  /**
   * The operations.
   *
   * @param ctx the context
   */
  public SnapshotLifecycleImpl(OpsContext ctx) {
    this.ctx = ctx;
  }

  private DlmClient dlm() {
    return ctx.client(DlmClient.class, DlmClient::builder);
  }

  /**
   * A live policy: its id and its definition, or why it cannot be one (a cron schedule, an interval OpsKit does not
   * model...).
   */
  private record Live(String policyId, @Nullable SnapshotLifecyclePolicy policy, String problem) {}

  /** {@return the ids of the policies by name tag (GetLifecyclePolicies answers every policy in one page)} */
  private Map<String, List<String>> idsByName(DlmClient dlm) {
    List<LifecyclePolicySummary> all = Reads.read("dlm:GetLifecyclePolicies", null,
        () -> dlm.getLifecyclePolicies(GetLifecyclePoliciesRequest.builder().build()).policies());
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (LifecyclePolicySummary s : all) {
      String name = s.tags().get(SnapshotLifecyclePolicy.NAME_TAG);
      if (name != null) {
        ids.computeIfAbsent(name, k -> new ArrayList<>()).add(s.policyId());
      }
    }
    return ids;
  }

  private Optional<Live> live(DlmClient dlm, Map<String, List<String>> ids, String name) {
    List<String> found = ids.getOrDefault(name, List.of());
    if (found.size() > 1) {
      throw new ResourceStateException("several lifecycle policies carry " + SnapshotLifecyclePolicy.NAME_TAG + "="
          + name + " (" + String.join(", ", found) + "); remove the tag from all but one, OpsKit does not guess",
          "dlm:GetLifecyclePolicies", name, null);
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String id = found.get(0);
    LifecyclePolicy policy = Reads.read("dlm:GetLifecyclePolicy", id,
        () -> dlm.getLifecyclePolicy(GetLifecyclePolicyRequest.builder().policyId(id).build()).policy());
    try {
      return Optional.of(new Live(id, fromLive(name, policy), ""));
    } catch (ValidationException e) {
      return Optional.of(new Live(id, null, String.valueOf(e.getMessage())));
    }
  }

  @Override
  public Optional<SnapshotLifecyclePolicy> read(String name) {
    Checks.present("name", name, "a policy name");
    DlmClient dlm = dlm();
    Optional<Live> live = live(dlm, idsByName(dlm), name);
    if (live.isPresent() && live.get().policy() == null) {
      throw new ResourceStateException("lifecycle policy " + live.get().policyId() + " (" + name
          + ") holds settings OpsKit does not model: " + live.get().problem(), "dlm:GetLifecyclePolicy", name, null);
    }
    return live.map(Live::policy);
  }

  /** A live policy as a definition (the members OpsKit manages). */
  static SnapshotLifecyclePolicy fromLive(String name, LifecyclePolicy p) {
    PolicyDetails d = p.policyDetails();
    List<SnapshotLifecyclePolicy.ResourceType> types = new ArrayList<>();
    Map<String, String> targetTags = new LinkedHashMap<>();
    List<SnapshotSchedule> schedules = new ArrayList<>();
    if (d != null) {
      d.resourceTypesAsStrings().forEach(t -> {
        for (SnapshotLifecyclePolicy.ResourceType type : SnapshotLifecyclePolicy.ResourceType.values()) {
          if (type.name().equals(t)) {
            types.add(type);
          }
        }
      });
      d.targetTags().forEach(t -> targetTags.put(t.key(), t.value()));
      for (Schedule s : d.schedules()) {
        CreateRule c = s.createRule();
        int interval = c == null || c.interval() == null ? 0 : c.interval();
        List<LocalTime> times = c == null ? List.of() : c.times().stream().map(SnapshotLifecycleImpl::time).toList();
        int count = s.retainRule() == null || s.retainRule().count() == null ? 0 : s.retainRule().count();
        schedules.add(new SnapshotSchedule(s.name(), interval, times, count, Boolean.TRUE.equals(s.copyTags())));
      }
    }
    return new SnapshotLifecyclePolicy(name, p.description(), Arn.parse(p.executionRoleArn()),
        p.state() == GettablePolicyStateValues.ENABLED, types, targetTags, schedules);
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw ValidationException.of("CreateRule.Times", text, "a time of day hh:mm");
    }
  }

  static PolicyDetails details(SnapshotLifecyclePolicy p) {
    return PolicyDetails.builder().policyType(PolicyTypeValues.EBS_SNAPSHOT_MANAGEMENT)
        .resourceTypesWithStrings(p.resourceTypes().stream().map(Enum::name).toList())
        .targetTags(p.targetTags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList())
        .schedules(p.schedules().stream().map(s -> Schedule.builder().name(s.name())
            .createRule(CreateRule.builder().interval(s.intervalHours()).intervalUnit(IntervalUnitValues.HOURS)
                .times(s.times().isEmpty() ? null : s.times().stream().map(LocalTime::toString).toList()).build())
            .retainRule(RetainRule.builder().count(s.retainCount()).build())
            .copyTags(s.copyTags()).build()).toList())
        .build();
  }

  private static SettablePolicyStateValues state(SnapshotLifecyclePolicy p) {
    return p.enabled() ? SettablePolicyStateValues.ENABLED : SettablePolicyStateValues.DISABLED;
  }

  @Override
  public Plan plan(Collection<? extends SnapshotLifecyclePolicy> definitions) {
    List<SnapshotLifecyclePolicy> all = Checks.list("definitions", definitions, "snapshot lifecycle policies");
    Set<String> names = new HashSet<>();
    all.forEach(p -> Checks.require(names.add(p.name()), "definitions", p.name(), "each policy name once"));
    DlmClient dlm = dlm();
    Map<String, List<String>> ids = idsByName(dlm);
    List<ResourceChange> changes = new ArrayList<>();
    for (SnapshotLifecyclePolicy p : all) {
      Optional<Live> live = live(dlm, ids, p.name());
      if (live.isEmpty()) {
        CreateLifecyclePolicyRequest request = CreateLifecyclePolicyRequest.builder().description(p.description())
            .executionRoleArn(p.executionRole().toString()).state(state(p)).policyDetails(details(p))
            .tags(tags(p)).build();
        // CreateLifecyclePolicy has no idempotency token: an attempt the SDK repeats after a lost answer makes one
        // more policy. The gate lists the policies of this name before and after, and removes those this call made.
        changes.add(ResourceChange.create(RESOURCE_TYPE, p.name(), List.of(
            Change.of("dlm:CreateLifecyclePolicy", p.name(), request, dlm::createLifecyclePolicy)
                .duplicatesOfRetries(Duplicates.of(CreateLifecyclePolicyResponse::policyId, () -> named(dlm, p.name()),
                    id -> Change.of("dlm:DeleteLifecyclePolicy", id,
                        DeleteLifecyclePolicyRequest.builder().policyId(id).build(), dlm::deleteLifecyclePolicy)
                        .ifAlreadyGone().build()))
                .build())));
        continue;
      }
      SnapshotLifecyclePolicy current = live.get().policy();
      List<FieldDiff> diffs = current == null
          ? List.of(FieldDiff.of("PolicyDetails", "settings OpsKit does not model (" + live.get().problem() + ")", "as defined"))
          : diff(current, p);
      if (diffs.isEmpty()) {
        changes.add(ResourceChange.unchanged(RESOURCE_TYPE, p.name()));
        continue;
      }
      String id = live.get().policyId();
      UpdateLifecyclePolicyRequest request = UpdateLifecyclePolicyRequest.builder().policyId(id)
          .description(p.description()).executionRoleArn(p.executionRole().toString()).state(state(p))
          .policyDetails(details(p)).build();
      changes.add(ResourceChange.update(RESOURCE_TYPE, p.name(), diffs, List.of(
          Change.of("dlm:UpdateLifecyclePolicy", id, request, dlm::updateLifecyclePolicy).build())));
    }
    return Plan.of("snapshot lifecycle policies", changes);
  }

  /** {@return the live policies carrying a name, with their creation times, as CreateLifecyclePolicy answers} */
  private List<Duplicates.Made<CreateLifecyclePolicyResponse>> named(DlmClient dlm, String name) {
    List<Duplicates.Made<CreateLifecyclePolicyResponse>> made = new ArrayList<>();
    for (String id : idsByName(dlm).getOrDefault(name, List.of())) {
      LifecyclePolicy policy = Reads.read("dlm:GetLifecyclePolicy", id,
          () -> dlm.getLifecyclePolicy(GetLifecyclePolicyRequest.builder().policyId(id).build()).policy());
      Instant created = policy.dateCreated() == null ? Instant.EPOCH : policy.dateCreated();
      made.add(new Duplicates.Made<>(id, created, CreateLifecyclePolicyResponse.builder().policyId(id).build()));
    }
    return made;
  }

  private Map<String, String> tags(SnapshotLifecyclePolicy p) {
    Map<String, String> tags = new LinkedHashMap<>(ctx.defaultTags());
    tags.put(SnapshotLifecyclePolicy.NAME_TAG, p.name());
    return tags;
  }

  /** The differences, named by DLM's members. */
  static List<FieldDiff> diff(SnapshotLifecyclePolicy live, SnapshotLifecyclePolicy desired) {
    List<FieldDiff> diffs = new ArrayList<>();
    add(diffs, "Description", live.description(), desired.description());
    add(diffs, "ExecutionRoleArn", live.executionRole(), desired.executionRole());
    add(diffs, "State", live.enabled() ? "ENABLED" : "DISABLED", desired.enabled() ? "ENABLED" : "DISABLED");
    add(diffs, "PolicyDetails.ResourceTypes", live.resourceTypes(), desired.resourceTypes());
    add(diffs, "PolicyDetails.TargetTags", live.targetTags(), desired.targetTags());
    int n = Math.max(live.schedules().size(), desired.schedules().size());
    for (int i = 0; i < n; i++) {
      SnapshotSchedule was = i < live.schedules().size() ? live.schedules().get(i) : null;
      SnapshotSchedule want = i < desired.schedules().size() ? desired.schedules().get(i) : null;
      String at = "PolicyDetails.Schedules[" + i + "].";
      if (was == null || want == null) {
        diffs.add(FieldDiff.of(at + "Name", was == null ? null : was.name(), want == null ? null : want.name()));
        continue;
      }
      add(diffs, at + "Name", was.name(), want.name());
      add(diffs, at + "CreateRule.Interval", was.intervalHours(), want.intervalHours());
      add(diffs, at + "CreateRule.Times", was.times(), want.times());
      add(diffs, at + "RetainRule.Count", was.retainCount(), want.retainCount());
      add(diffs, at + "CopyTags", was.copyTags(), want.copyTags());
    }
    return diffs;
  }

  private static void add(List<FieldDiff> diffs, String field, Object live, Object desired) {
    if (!live.equals(desired)) {
      diffs.add(FieldDiff.of(field, live, desired));
    }
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan from plan(...)"));
  }
}
