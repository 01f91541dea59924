package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;

/**
 * One entry of an alarm's history: a state change, a configuration change or an action run.
 *
 * @param alarmName the alarm
 * @param timestamp when it happened
 * @param type what kind of entry ({@code UNKNOWN_TO_SDK_VERSION} for kinds this SDK does not know)
 * @param summary AWS's one-line summary, such as {@code Alarm updated from OK to ALARM}
 * @param data AWS's details as JSON text, or null
 */
public record AlarmHistoryItem(
    String alarmName, Instant timestamp, HistoryItemType type, String summary, @Nullable String data) {
  /** Validates. */
  public AlarmHistoryItem {
    Checks.present("alarmName", alarmName, "a value (required)");
    Checks.present("timestamp", timestamp, "a value (required)");
    Checks.present("type", type, "a value (required)");
    Checks.present("summary", summary, "a value (required)");
  }
}
