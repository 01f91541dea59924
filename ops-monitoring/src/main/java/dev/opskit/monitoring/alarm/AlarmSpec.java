package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Arn;
import dev.opskit.monitoring.internal.AlarmJson;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A desired alarm: a metric alarm ({@link AlarmDefinition}) or a composite alarm
 * ({@link CompositeAlarmDefinition}). Both are immutable values; neither does I/O.
 */
public sealed interface AlarmSpec permits AlarmDefinition, CompositeAlarmDefinition {

  /** {@return the alarm name, 1 to 255 characters} */
  String name();

  /** {@return the alarm name, typed} */
  AlarmName alarmName();

  /** {@return the description, or null} */
  @Nullable String description();

  /** {@return whether actions run when the state changes (AWS's default: true)} */
  boolean actionsEnabled();

  /** {@return actions run on a change to OK} */
  Set<Arn> okActions();

  /** {@return actions run on a change to ALARM} */
  Set<Arn> alarmActions();

  /** {@return actions run on a change to INSUFFICIENT_DATA} */
  Set<Arn> insufficientDataActions();

  /** {@return tags put on the alarm when it is created} */
  Map<String, String> tags();

  /**
   * The JSON form, with the field names of PutMetricAlarm (or PutCompositeAlarm for a composite alarm).
   *
   * @return pretty-printed JSON
   */
  String toJson();

  /**
   * Reads an alarm from its PutMetricAlarm or PutCompositeAlarm JSON (a composite alarm has an
   * {@code AlarmRule}).
   *
   * @param json the JSON object
   * @return the definition
   * @throws dev.opskit.core.ValidationException when the JSON is malformed, has an unknown field or
   *     describes an alarm AWS would reject
   */
  static AlarmSpec fromJson(String json) {
    return AlarmJson.read(json);
  }
}
