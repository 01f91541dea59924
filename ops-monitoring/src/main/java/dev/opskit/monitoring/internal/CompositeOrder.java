package dev.opskit.monitoring.internal;

import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders composite alarms by the alarms their rules name. CloudWatch rejects a PutCompositeAlarm whose rule
 * names an alarm that does not exist yet, and a DeleteAlarms of an alarm that another composite alarm's
 * rule still names. So composite alarms are put after the composite alarms they name, and deleted before
 * them. Otherwise the given order is kept; a cycle (which CloudWatch itself rejects) is broken where it is
 * met.
 */
final class CompositeOrder {
  private CompositeOrder() {}

  /** The definitions, each after the composite alarms its rule names. */
  static List<CompositeAlarmDefinition> referencedFirst(List<CompositeAlarmDefinition> composites) {
    Map<String, CompositeAlarmDefinition> byName = new LinkedHashMap<>();
    composites.forEach(c -> byName.put(c.name(), c));
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    composites.forEach(c -> rules.put(c.name(), c.alarmRule().alarmNames()));
    return referencedFirst(rules).stream().map(byName::get).toList();
  }

  /**
   * Alarm names, each after the ones (of these) its rule names.
   *
   * @param rules each composite alarm's name and the names its rule refers to, in the given order
   * @return the names, referenced first
   */
  static List<String> referencedFirst(Map<String, Set<String>> rules) {
    Set<String> visited = new HashSet<>();
    List<String> out = new ArrayList<>();
    rules.keySet().forEach(name -> visit(name, rules, visited, out));
    return out;
  }

  /**
   * Alarm names, each before the ones (of these) its rule names: the order to delete them in.
   *
   * @param rules each composite alarm's name and the names its rule refers to
   * @return the names, referring ones first
   */
  static List<String> referringFirst(Map<String, Set<String>> rules) {
    List<String> out = new ArrayList<>(referencedFirst(rules));
    java.util.Collections.reverse(out);
    return out;
  }

  private static void visit(String name, Map<String, Set<String>> rules, Set<String> visited, List<String> out) {
    if (!visited.add(name)) {
      return;
    }
    for (String referenced : rules.getOrDefault(name, Set.of())) {
      if (rules.containsKey(referenced)) {
        visit(referenced, rules, visited, out);
      }
    }
    out.add(name);
  }
}
