package dev.opskit.monitoring.alarm;

import java.time.Instant;
import java.util.Objects;
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
    Objects.requireNonNull(alarmName, "alarmName");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(summary, "summary");
  }
}
