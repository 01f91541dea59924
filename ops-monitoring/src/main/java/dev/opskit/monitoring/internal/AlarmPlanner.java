package dev.opskit.monitoring.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.monitoring.alarm.AlarmChange;
import dev.opskit.monitoring.alarm.AlarmDrift;
import dev.opskit.monitoring.alarm.AlarmPlan;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.FieldDiff;
import dev.opskit.monitoring.alarm.ManagedBy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares definitions with live alarms. */
final class AlarmPlanner {
  private final LiveAlarms live;

  AlarmPlanner(LiveAlarms live) {
    this.live = live;
  }

  AlarmPlan plan(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy) {
    Map<String, AlarmSpec> wanted = byName(definitions);
    String prefix = managedBy.namePrefix();
    if (prefix != null) {
      wanted.keySet().stream().filter(n -> !n.startsWith(prefix)).findFirst().ifPresent(n -> {
        throw ValidationException.of("AlarmName", n, "a name starting with the managed-by prefix '" + prefix + "'");
      });
    }
    Map<String, LiveAlarm> current = index(live.all());
    List<AlarmChange> changes = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (AlarmSpec spec : wanted.values()) {
      LiveAlarm alarm = current.get(spec.name());
      if (alarm == null) {
        changes.add(new AlarmChange.Create(spec));
        continue;
      }
      List<FieldDiff> diffs = AlarmDiff.diff(spec, alarm.tree());
      if (diffs.isEmpty()) {
        unchanged.add(spec.name());
      } else {
        changes.add(new AlarmChange.Update(spec, diffs));
      }
    }
    for (LiveAlarm alarm : current.values()) {
      if (!wanted.containsKey(alarm.name()) && isManaged(alarm, managedBy)) {
        changes.add(new AlarmChange.Delete(alarm.name(), alarm.composite()));
      }
    }
    return new AlarmPlan(changes, unchanged, managedBy);
  }

  List<AlarmDrift> drift(Collection<? extends AlarmSpec> definitions) {
    Map<String, AlarmSpec> wanted = byName(definitions);
    Map<String, LiveAlarm> current = index(live.named(wanted.keySet()));
    List<AlarmDrift> out = new ArrayList<>();
    for (AlarmSpec spec : wanted.values()) {
      LiveAlarm alarm = current.get(spec.name());
      if (alarm == null) {
        out.add(new AlarmDrift(spec.name(), true, List.of()));
      } else {
        List<FieldDiff> diffs = AlarmDiff.diff(spec, alarm.tree());
        if (!diffs.isEmpty()) {
          out.add(new AlarmDrift(spec.name(), false, diffs));
        }
      }
    }
    return out;
  }

  private boolean isManaged(LiveAlarm alarm, ManagedBy managedBy) {
    if (!managedBy.needsTags()) {
      return managedBy.manages(alarm.name(), Map.of());
    }
    return alarm.arn() != null && managedBy.manages(alarm.name(), live.tags(alarm.arn()));
  }

  private static Map<String, AlarmSpec> byName(Collection<? extends AlarmSpec> definitions) {
    Map<String, AlarmSpec> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (AlarmSpec spec : definitions) {
      if (!seen.add(spec.name())) {
        throw ValidationException.of("definitions", spec.name(), "definitions with unique alarm names");
      }
      out.put(spec.name(), spec);
    }
    return out;
  }

  private static Map<String, LiveAlarm> index(List<LiveAlarm> alarms) {
    Map<String, LiveAlarm> out = new LinkedHashMap<>();
    alarms.forEach(a -> out.put(a.name(), a));
    return out;
  }
}
