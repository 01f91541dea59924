package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an alarm's history: a state change, a configuration change or an action run.
 *
 * @param alarmName the alarm
 * @param timestamp when it happened
 * @param type what kind of entry (an {@linkplain AlarmHistoryType#isUnknown() unknown} one keeps AWS's value)
 * @param summary AWS's one-line summary, such as {@code Alarm updated from OK to ALARM}
 * @param data AWS's details as JSON text, or null
 */
public record AlarmHistoryItem(
    AlarmName alarmName, Instant timestamp, AlarmHistoryType type, String summary, @Nullable String data) {
  /**
   * Validates.
   *
   * @param alarmName the alarm
   * @param timestamp when it happened
   * @param type what kind of entry (an {@linkplain AlarmHistoryType#isUnknown() unknown} one keeps AWS's value)
   * @param summary AWS's one-line summary, such as {@code Alarm updated from OK to ALARM}
   * @param data AWS's details as JSON text, or null
   */
  public AlarmHistoryItem {
    Checks.present("alarmName", alarmName, "a value (required)");
    Checks.present("timestamp", timestamp, "a value (required)");
    Checks.present("type", type, "a value (required)");
    Checks.present("summary", summary, "a value (required)");
  }

  /** {@code 2026-11-26T11:00:00Z HighCPUUtilization StateUpdate: Alarm updated from OK to ALARM}, for people. */
  @Override
  public String toString() {
    return timestamp + " " + alarmName + " " + type + ": " + summary;
  }
}
