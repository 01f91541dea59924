package dev.opskit.security.patch;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreatePatchBaselineRequest;
import software.amazon.awssdk.services.ssm.model.DeletePatchBaselineRequest;
import software.amazon.awssdk.services.ssm.model.DescribePatchBaselinesRequest;
import software.amazon.awssdk.services.ssm.model.GetPatchBaselineRequest;
import software.amazon.awssdk.services.ssm.model.GetPatchBaselineResponse;
import software.amazon.awssdk.services.ssm.model.PatchBaselineIdentity;
import software.amazon.awssdk.services.ssm.model.PatchOrchestratorFilter;
import software.amazon.awssdk.services.ssm.model.UpdatePatchBaselineRequest;

/** Patch baselines as desired state; every change through the gate. */
final class PatchBaselines implements DesiredState<PatchBaselineDefinition> {
  static final String TYPE = "patch baseline";

  private final OpsContext ctx;
  private final SsmClient ssm;

  PatchBaselines(OpsContext ctx, SsmClient ssm) {
    this.ctx = ctx;
    this.ssm = ssm;
  }

  @Override
  public Plan plan(Collection<? extends PatchBaselineDefinition> definitions) {
    List<PatchBaselineDefinition> defs = Checks.list("definitions", definitions, "patch baseline definitions");
    Set<String> names = new HashSet<>();
    for (PatchBaselineDefinition d : defs) {
      if (!names.add(d.name())) {
        throw ValidationException.of("definitions", d.name(), "each baseline name once");
      }
    }
    List<ResourceChange> changes = new ArrayList<>();
    for (PatchBaselineDefinition d : defs) {
      Optional<PatchBaselineIdentity> live = find(d.name());
      changes.add(live.isEmpty() ? ResourceChange.create(TYPE, d.name(), List.of(create(d)))
          : compare(d, live.get().baselineId()));
    }
    return Plan.of("SSM patch baselines", changes);
  }

  private Optional<PatchBaselineIdentity> find(String name) {
    DescribePatchBaselinesRequest request = DescribePatchBaselinesRequest.builder().filters(
        PatchOrchestratorFilter.builder().key("NAME_PREFIX").values(name).build(),
        PatchOrchestratorFilter.builder().key("OWNER").values("Self").build()).maxResults(100).build();
    return Reads.read("ssm:DescribePatchBaselines", name, () -> ssm.describePatchBaselinesPaginator(request).stream()
        .flatMap(p -> p.baselineIdentities().stream()).filter(b -> name.equals(b.baselineName())).findFirst());
  }

  private ResourceChange compare(PatchBaselineDefinition d, String baselineId) {
    GetPatchBaselineResponse live = Reads.read("ssm:GetPatchBaseline", baselineId,
        () -> ssm.getPatchBaseline(GetPatchBaselineRequest.builder().baselineId(baselineId).build()));
    if (!d.operatingSystem().toString().equals(live.operatingSystemAsString())) {
      Change<?> delete = Change.of("ssm:DeletePatchBaseline", baselineId,
          DeletePatchBaselineRequest.builder().baselineId(baselineId).build(), ssm::deletePatchBaseline).build();
      return ResourceChange.update(TYPE, d.name(),
          List.of(FieldDiff.of("OperatingSystem", live.operatingSystemAsString(), d.operatingSystem())),
          List.of(delete, create(d)));
    }
    List<FieldDiff> diffs = new ArrayList<>();
    String liveRules;
    boolean same;
    try {
      PatchRules rules = PatchRules.fromSdk(live.approvalRules());
      liveRules = compact(rules);
      same = rules.equals(d.approvalRules());
    } catch (ValidationException e) {
      // AWS holds rules OpsKit cannot represent: they differ from any definition, and the update replaces them.
      liveRules = "(rules OpsKit cannot read: " + e.getMessage() + ")";
      same = false;
    }
    if (!same) {
      diffs.add(FieldDiff.of("ApprovalRules", liveRules, compact(d.approvalRules())));
    }
    if (d.description() != null && !Objects.equals(d.description(), live.description())) {
      diffs.add(FieldDiff.of("Description", live.description(), d.description()));
    }
    if (diffs.isEmpty()) {
      return ResourceChange.unchanged(TYPE, d.name());
    }
    UpdatePatchBaselineRequest update = UpdatePatchBaselineRequest.builder().baselineId(baselineId)
        .approvalRules(d.approvalRules().sdk()).description(d.description()).build();
    return ResourceChange.update(TYPE, d.name(), diffs,
        List.of(Change.of("ssm:UpdatePatchBaseline", baselineId, update, ssm::updatePatchBaseline).build()));
  }

  private static String compact(PatchRules rules) {
    return dev.opskit.core.internal.Json.write(dev.opskit.core.internal.Json.parseTrusted(rules.toJson()));
  }

  private Change<?> create(PatchBaselineDefinition d) {
    CreatePatchBaselineRequest request = CreatePatchBaselineRequest.builder().name(d.name())
        .operatingSystem(d.operatingSystem()).approvalRules(d.approvalRules().sdk()).description(d.description())
        .build();
    return Change.of("ssm:CreatePatchBaseline", d.name(), request, ssm::createPatchBaseline).build();
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(plan);
  }
}
