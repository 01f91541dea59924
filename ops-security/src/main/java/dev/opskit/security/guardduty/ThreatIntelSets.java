package dev.opskit.security.guardduty;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.CreateThreatIntelSetRequest;
import software.amazon.awssdk.services.guardduty.model.DeleteThreatIntelSetRequest;
import software.amazon.awssdk.services.guardduty.model.GetThreatIntelSetRequest;
import software.amazon.awssdk.services.guardduty.model.GetThreatIntelSetResponse;
import software.amazon.awssdk.services.guardduty.model.ListThreatIntelSetsRequest;
import software.amazon.awssdk.services.guardduty.model.ThreatIntelSetStatus;
import software.amazon.awssdk.services.guardduty.model.UpdateThreatIntelSetRequest;

/** Threat intel sets of one detector as desired state; every change through the gate. */
final class ThreatIntelSets implements DesiredState<ThreatIntelSetDefinition> {
  static final String TYPE = "threat intel set";

  private final OpsContext ctx;
  private final GuardDutyClient guardDuty;
  private final @Nullable DetectorId detector;

  ThreatIntelSets(OpsContext ctx, GuardDutyClient guardDuty, @Nullable DetectorId detector) {
    this.ctx = ctx;
    this.guardDuty = guardDuty;
    this.detector = detector;
  }

  /** A live set: its id and what AWS says about it. */
  private record Live(String id, GetThreatIntelSetResponse set) {
    boolean active() {
      ThreatIntelSetStatus s = set.status();
      return s == ThreatIntelSetStatus.ACTIVE || s == ThreatIntelSetStatus.ACTIVATING;
    }
  }

  @Override
  public Plan plan(Collection<? extends ThreatIntelSetDefinition> definitions) {
    List<ThreatIntelSetDefinition> defs = Checks.list("definitions", definitions, "threat intel set definitions");
    Set<String> names = new HashSet<>();
    for (ThreatIntelSetDefinition d : defs) {
      if (!names.add(d.name())) {
        throw ValidationException.of("definitions", d.name(), "each threat intel set name once");
      }
    }
    DetectorId id = detector != null ? detector : new GuardDutyImpl(ctx, guardDuty).detector();
    Map<String, Live> live = live(id);
    List<ResourceChange> changes = new ArrayList<>();
    for (ThreatIntelSetDefinition d : defs) {
      Live l = live.get(d.name());
      changes.add(l == null ? ResourceChange.create(TYPE, d.name(), List.of(create(id, d))) : compare(id, d, l));
    }
    return Plan.of("GuardDuty threat intel sets of detector " + id, changes);
  }

  private Map<String, Live> live(DetectorId id) {
    List<String> ids = Reads.read("guardduty:ListThreatIntelSets", id.value(), () -> guardDuty
        .listThreatIntelSetsPaginator(ListThreatIntelSetsRequest.builder().detectorId(id.value()).build()).stream()
        .flatMap(p -> p.threatIntelSetIds().stream()).toList());
    Map<String, Live> byName = new LinkedHashMap<>();
    for (String setId : ids) {
      GetThreatIntelSetResponse set = Reads.read("guardduty:GetThreatIntelSet", setId, () -> guardDuty.getThreatIntelSet(
          GetThreatIntelSetRequest.builder().detectorId(id.value()).threatIntelSetId(setId).build()));
      if (set.name() != null && set.status() != ThreatIntelSetStatus.DELETED
          && set.status() != ThreatIntelSetStatus.DELETE_PENDING) {
        byName.putIfAbsent(set.name(), new Live(setId, set));
      }
    }
    return byName;
  }

  private ResourceChange compare(DetectorId id, ThreatIntelSetDefinition d, Live l) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (!d.format().name().equals(l.set().formatAsString())) {
      diffs.add(FieldDiff.of("Format", l.set().formatAsString(), d.format().name()));
    }
    if (!d.location().equals(l.set().location())) {
      diffs.add(FieldDiff.of("Location", l.set().location(), d.location()));
    }
    if (d.activate() != l.active()) {
      diffs.add(FieldDiff.of("Activate", l.active() + " (" + l.set().statusAsString() + ")", d.activate()));
    }
    if (diffs.isEmpty()) {
      return ResourceChange.unchanged(TYPE, d.name());
    }
    if (diffs.get(0).field().equals("Format")) {
      // AWS cannot change a set's format: the set is deleted and made again.
      Change<?> delete = Change.of("guardduty:DeleteThreatIntelSet", l.id(), DeleteThreatIntelSetRequest.builder()
          .detectorId(id.value()).threatIntelSetId(l.id()).build(), guardDuty::deleteThreatIntelSet).build();
      return ResourceChange.update(TYPE, d.name(), diffs, List.of(delete, create(id, d)));
    }
    UpdateThreatIntelSetRequest update = UpdateThreatIntelSetRequest.builder().detectorId(id.value())
        .threatIntelSetId(l.id()).location(d.location()).activate(d.activate()).build();
    return ResourceChange.update(TYPE, d.name(), diffs,
        List.of(Change.of("guardduty:UpdateThreatIntelSet", l.id(), update, guardDuty::updateThreatIntelSet).build()));
  }

  private Change<?> create(DetectorId id, ThreatIntelSetDefinition d) {
    CreateThreatIntelSetRequest request = CreateThreatIntelSetRequest.builder().detectorId(id.value()).name(d.name())
        .format(d.format().name()).location(d.location()).activate(d.activate()).build();
    return Change.of("guardduty:CreateThreatIntelSet", d.name(), request, guardDuty::createThreatIntelSet).build();
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(plan);
  }
}
