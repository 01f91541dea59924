package dev.opskit.core.change;

import dev.opskit.core.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What applying a set of definitions would do, resource by resource: create, update (with the fields
 * that differ), delete, or leave unchanged, each with the exact calls it makes. The one plan type of
 * every desired-state definition in OpsKit (alarms, dashboards, automated-backup settings, replication,
 * backup plans...). A value; nothing happens until it is {@linkplain Gate#apply applied}.
 *
 * <pre>{@code
 * Plan plan = alarms.plan(definitions, managedBy);
 * System.out.println(plan.render());
 * ApplyResult result = ctx.gate().apply(plan);   // exactly these changes; a dry run returns Planned results
 * }</pre>
 *
 * @param title what the plan is about, such as {@code alarms managed by tag managed-by=opskit}
 * @param changes every resource considered, in the order the calls are made
 */
public record Plan(String title, List<ResourceChange> changes) {

  /**
   * Validates and copies.
   *
   * @param title what the plan is about, such as {@code alarms managed by tag managed-by=opskit}
   * @param changes every resource considered, in the order the calls are made
   */
  public Plan {
    title = title == null || title.isBlank() ? "plan" : title;
    changes = List.copyOf(changes);
  }

  /**
   * A plan.
   *
   * @param title what the plan is about
   * @param changes the resource changes
   * @return the plan
   */
  public static Plan of(String title, List<ResourceChange> changes) {
    return new Plan(title, changes);
  }

  /** {@return whether applying it changes nothing} */
  public boolean isEmpty() {
    return changes.stream().noneMatch(ResourceChange::isChange);
  }

  /** {@return the drift: this plan without the resources that are already as defined} */
  public Plan drift() {
    return new Plan(title, changes.stream().filter(ResourceChange::isChange).toList());
  }

  /**
   * The changes of one kind.
   *
   * @param kind the kind
   * @return them, in plan order
   */
  public List<ResourceChange> changes(ResourceChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  /**
   * The change of one resource.
   *
   * @param resource its name or id
   * @return the change, or empty when the plan does not consider it
   */
  public Optional<ResourceChange> change(String resource) {
    return changes.stream().filter(c -> c.resource().equals(resource)).findFirst();
  }

  /**
   * The plan for people, one line per change, field differences indented, and a summary:
   *
   * <pre>
   * + create alarm HighCPUUtilization
   * ~ update alarm HighMemoryUsage
   *     Threshold: 70.0 -> 75.0
   * - delete alarm OldAlarm
   * alarms: 1 to create, 1 to update, 1 to delete, 2 unchanged.
   * </pre>
   *
   * @return the text
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (ResourceChange c : changes) {
      if (!c.isChange()) {
        continue;
      }
      sb.append(c.kind().symbol()).append(' ').append(c.kind().verb()).append(' ').append(c.resourceType()).append(' ')
          .append(c.resource()).append('\n');
      c.diffs().forEach(d -> sb.append("    ").append(d).append('\n'));
    }
    return sb.append(title).append(": ").append(summary()).append('.').toString();
  }

  /** {@return {@code 1 to create, 1 to update, 0 to delete, 2 unchanged}} */
  public String summary() {
    return changes(ResourceChange.Kind.CREATE).size() + " to create, "
        + changes(ResourceChange.Kind.UPDATE).size() + " to update, "
        + changes(ResourceChange.Kind.DELETE).size() + " to delete, "
        + changes(ResourceChange.Kind.UNCHANGED).size() + " unchanged";
  }

  /**
   * The plan as JSON: {@code {"title":..., "changes":[{"kind":"update","resourceType":...,"resource":...,
   * "diffs":[{"field":...,"live":...,"desired":...}],"calls":[{"operation":...,"target":...,"parameters":{...}}]}]}},
   * secrets redacted.
   *
   * @return the JSON text
   */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("title", title);
    List<Map<String, Object>> list = new ArrayList<>();
    for (ResourceChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", c.kind().verb());
      m.put("resourceType", c.resourceType());
      m.put("resource", c.resource());
      m.put("diffs", c.diffs().stream().map(d -> {
        Map<String, Object> dm = new LinkedHashMap<>();
        dm.put("field", d.field());
        dm.put("live", d.live());
        dm.put("desired", d.desired());
        return dm;
      }).toList());
      m.put("calls", c.calls().stream().map(call -> {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("operation", call.operation());
        cm.put("target", call.target());
        cm.put("parameters", call.parameters());
        return cm;
      }).toList());
      list.add(m);
    }
    root.put("changes", list);
    return Json.writePretty(root);
  }

  @Override
  public String toString() {
    return render();
  }
}
