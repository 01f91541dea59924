package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One field that differs between a definition and the live alarm, with PutMetricAlarm's field name and
 * both values as JSON text.
 *
 * @param field the field, such as {@code Threshold}
 * @param desired the defined value, or null when the definition leaves it unset
 * @param live the live value, or null when AWS has none
 */
public record FieldDiff(String field, @Nullable String desired, @Nullable String live) {
  /** Validates. */
  public FieldDiff {
    Checks.present("field", field, "a value (required)");
  }

  /** {@code Threshold: 80.0 -> 90.0} (live, then desired). */
  @Override
  public String toString() {
    return field + ": " + live + " -> " + desired;
  }
}
