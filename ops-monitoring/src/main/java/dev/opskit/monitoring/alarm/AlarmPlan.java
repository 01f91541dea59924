package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link Alarms#apply} would change to make CloudWatch match the definitions: alarms to create, to
 * update (with the fields that differ) and to delete (only managed ones), and those already as defined.
 *
 * @param changes the changes, creates and updates in the order of the definitions, then deletes
 * @param unchanged names of alarms already as defined
 * @param managedBy how managed alarms are recognised; created alarms get its marker
 */
public record AlarmPlan(List<AlarmChange> changes, List<String> unchanged, ManagedBy managedBy) {
  /** Validates and copies. */
  public AlarmPlan {
    changes = List.copyOf(changes);
    unchanged = List.copyOf(unchanged);
    Checks.present("managedBy", managedBy, "a value (required)");
  }

  /** Whether nothing would change. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The creates. */
  public List<AlarmChange.Create> creates() {
    return of(AlarmChange.Create.class);
  }

  /** The updates. */
  public List<AlarmChange.Update> updates() {
    return of(AlarmChange.Update.class);
  }

  /** The deletes. */
  public List<AlarmChange.Delete> deletes() {
    return of(AlarmChange.Delete.class);
  }

  private <T extends AlarmChange> List<T> of(Class<T> type) {
    return changes.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /**
   * The plan for people, one line per change and a summary, such as
   * <pre>
   * + create HighCPUUtilization
   * ~ update HighMemoryUsage
   *     Threshold: 70.0 -> 75.0
   * - delete OldAlarm
   * Plan: 1 to create, 1 to update, 1 to delete, 2 unchanged (managed by tag managed-by=opskit).
   * </pre>
   *
   * @return the text
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (AlarmChange c : changes) {
      if (c instanceof AlarmChange.Update u) {
        sb.append("~ update ").append(u.name()).append('\n');
        u.diffs().forEach(d -> sb.append("    ").append(d).append('\n'));
      } else {
        sb.append(c).append('\n');
      }
    }
    return sb.append("Plan: ").append(creates().size()).append(" to create, ").append(updates().size())
        .append(" to update, ").append(deletes().size()).append(" to delete, ").append(unchanged.size())
        .append(" unchanged (managed by ").append(managedBy).append(").").toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
