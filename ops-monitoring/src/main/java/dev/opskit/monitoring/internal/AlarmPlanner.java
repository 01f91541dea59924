package dev.opskit.monitoring.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmRule;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.ManagedBy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;

/**
 * Compares definitions with live alarms and makes the plan: one resource change per alarm, with the exact
 * call it makes. Order: metric alarms (definition order), composite alarms (after the composite alarms they
 * name), then deletes: each composite alarm in a call of its own (AWS deletes at most one per DeleteAlarms),
 * those that name others first, then metric alarms in batches of 100 names, one call shared by the batch.
 */
final class AlarmPlanner {
  static final String METRIC = "alarm";
  static final String COMPOSITE = "composite alarm";

  private final CloudWatchClient cloudWatch;
  private final LiveAlarms live;
  private final Map<String, String> defaultTags;

  AlarmPlanner(CloudWatchClient cloudWatch, LiveAlarms live, Map<String, String> defaultTags) {
    this.cloudWatch = cloudWatch;
    this.live = live;
    this.defaultTags = defaultTags;
  }

  Plan plan(Collection<? extends AlarmSpec> definitions, @Nullable ManagedBy managedBy) {
    Map<String, AlarmSpec> wanted = byName(definitions);
    String prefix = managedBy == null ? null : managedBy.namePrefix();
    if (prefix != null) {
      wanted.keySet().stream().filter(n -> !n.startsWith(prefix)).findFirst().ifPresent(n -> {
        throw ValidationException.of("AlarmName", n, "a name starting with the managed-by prefix '" + prefix + "'");
      });
    }
    Map<String, LiveAlarm> current = new LinkedHashMap<>();
    if (managedBy == null) {
      live.named(wanted.keySet()).forEach(a -> current.put(a.name(), a));
    } else {
      try (Stream<LiveAlarm> all = live.all()) {
        all.forEach(a -> current.put(a.name(), a));
      }
    }
    List<ResourceChange> changes = new ArrayList<>();
    List<CompositeAlarmDefinition> composites = new ArrayList<>();
    for (AlarmSpec spec : wanted.values()) {
      if (spec instanceof CompositeAlarmDefinition c) {
        composites.add(c);
      } else {
        changes.add(change(spec, current.get(spec.name()), managedBy));
      }
    }
    for (CompositeAlarmDefinition c : CompositeOrder.referencedFirst(composites)) {
      changes.add(change(c, current.get(c.name()), managedBy));
    }
    if (managedBy != null) {
      changes.addAll(deletes(current.values().stream()
          .filter(a -> !wanted.containsKey(a.name()) && isManaged(a, managedBy)).toList()));
    }
    return Plan.of(managedBy == null ? "alarms" : "alarms managed by " + managedBy, changes);
  }

  private ResourceChange change(AlarmSpec spec, @Nullable LiveAlarm alarm, @Nullable ManagedBy managedBy) {
    String type = spec instanceof CompositeAlarmDefinition ? COMPOSITE : METRIC;
    if (alarm == null) {
      Tags tags = Tags.of("defaultTags", defaultTags).and(spec.tags())
          .and(managedBy == null ? Map.of() : managedBy.markerTags());
      return ResourceChange.create(type, spec.name(), List.of(put(spec, tags.asMap())));
    }
    List<FieldDiff> diffs = AlarmDiff.diff(spec, alarm.tree());
    if (diffs.isEmpty()) {
      return ResourceChange.unchanged(type, spec.name());
    }
    // AWS ignores tags when an alarm is updated: none are sent.
    return ResourceChange.update(type, spec.name(), diffs, List.of(put(spec, Map.of())));
  }

  private Change<?> put(AlarmSpec spec, Map<String, String> tags) {
    if (spec instanceof AlarmDefinition d) {
      return Change.of("cloudwatch:PutMetricAlarm", d.name(), SdkAlarms.putRequest(d, tags), cloudWatch::putMetricAlarm)
          .build();
    }
    CompositeAlarmDefinition c = (CompositeAlarmDefinition) spec;
    return Change.of("cloudwatch:PutCompositeAlarm", c.name(), SdkAlarms.putRequest(c, tags),
        cloudWatch::putCompositeAlarm).build();
  }

  private List<ResourceChange> deletes(List<LiveAlarm> gone) {
    List<ResourceChange> out = new ArrayList<>();
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    gone.stream().filter(LiveAlarm::composite).forEach(a -> rules.put(a.name(), referenced(a)));
    for (String name : CompositeOrder.referringFirst(rules)) {
      out.add(ResourceChange.delete(COMPOSITE, name, List.of(delete(List.of(name)))));
    }
    List<String> metric = gone.stream().filter(a -> !a.composite()).map(LiveAlarm::name).toList();
    for (List<String> batch : Batches.of(metric, AlarmsImpl.BATCH)) {
      Change<?> call = delete(batch);
      batch.forEach(name -> out.add(ResourceChange.delete(METRIC, name, List.of(call))));
    }
    return out;
  }

  private Change<?> delete(List<String> names) {
    return Change.of("cloudwatch:DeleteAlarms", String.join(",", names),
        DeleteAlarmsRequest.builder().alarmNames(names).build(), cloudWatch::deleteAlarms).ifAlreadyGone().build();
  }

  private static Set<String> referenced(LiveAlarm composite) {
    String rule = composite.tree().path("AlarmRule").asText("");
    try {
      return AlarmRule.of(rule).alarmNames();
    } catch (ValidationException e) {
      return Set.of();
    }
  }

  private boolean isManaged(LiveAlarm alarm, ManagedBy managedBy) {
    if (!managedBy.needsTags()) {
      return managedBy.manages(alarm.name(), Map.of());
    }
    String arn = alarm.arn();
    return arn != null && managedBy.manages(alarm.name(), live.tags(arn));
  }

  private static Map<String, AlarmSpec> byName(Collection<? extends AlarmSpec> definitions) {
    Map<String, AlarmSpec> out = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (AlarmSpec spec : Checks.list("definitions", definitions, "alarm definitions")) {
      if (!seen.add(spec.name())) {
        throw ValidationException.of("definitions", spec.name(), "definitions with unique alarm names");
      }
      out.put(spec.name(), spec);
    }
    return out;
  }
}
