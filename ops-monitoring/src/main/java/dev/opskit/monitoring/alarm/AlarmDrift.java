package dev.opskit.monitoring.alarm;

import java.util.List;
import java.util.Objects;

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
    Objects.requireNonNull(name, "name");
    diffs = List.copyOf(diffs);
  }

  @Override
  public String toString() {
    return name + (missing ? ": missing" : ": " + diffs);
  }
}
