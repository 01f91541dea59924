package dev.opskit.monitoring.internal;

import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders composite alarms so that each comes after the composite alarms its rule refers to: CloudWatch
 * rejects a PutCompositeAlarm whose rule names an alarm that does not exist yet. Otherwise the given
 * order is kept; a cycle (which CloudWatch itself rejects) is broken where it is met.
 */
final class CompositeOrder {
  private CompositeOrder() {}

  static List<CompositeAlarmDefinition> referencedFirst(List<CompositeAlarmDefinition> composites) {
    Map<String, CompositeAlarmDefinition> byName = new LinkedHashMap<>();
    composites.forEach(c -> byName.put(c.name(), c));
    Set<String> visited = new HashSet<>();
    List<CompositeAlarmDefinition> out = new ArrayList<>();
    composites.forEach(c -> visit(c, byName, visited, out));
    return out;
  }

  private static void visit(CompositeAlarmDefinition c, Map<String, CompositeAlarmDefinition> byName,
      Set<String> visited, List<CompositeAlarmDefinition> out) {
    if (!visited.add(c.name())) {
      return;
    }
    for (String referenced : c.alarmRule().alarmNames()) {
      CompositeAlarmDefinition dependency = byName.get(referenced);
      if (dependency != null) {
        visit(dependency, byName, visited, out);
      }
    }
    out.add(c);
  }
}
