package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * A live alarm that differs from its definition, or a defined alarm that is not live.
 *
 * @param name the alarm
 * @param missing true when no live alarm has this name
 * @param diffs the fields that differ (empty when missing)
 */
public record AlarmDrift(String name, boolean missing, List<FieldDiff> diffs) {
  /** Validates and copies. */
  public AlarmDrift {
    Checks.present("name", name, "a value (required)");
    diffs = List.copyOf(diffs);
  }

  @Override
  public String toString() {
    return name + (missing ? ": missing" : ": " + diffs);
  }
}
