package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.value.AlarmName;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * One live alarm as DescribeAlarms reported it. Its typed definition is mapped from the SDK alarm directly;
 * the definitions' JSON form is only made when asked for ({@link #tree()}, for a diff).
 */
final class LiveAlarm {
  private final String name;
  private final @Nullable String arn;
  private final AlarmState state;
  private final @Nullable String stateReason;
  private final @Nullable Instant stateUpdated;
  private final boolean actionsEnabled;
  private final @Nullable MetricAlarm metric;
  private final @Nullable CompositeAlarm composite;

  private LiveAlarm(String name, @Nullable String arn, @Nullable String state, @Nullable String stateReason,
      @Nullable Instant stateUpdated, @Nullable Boolean actionsEnabled, @Nullable MetricAlarm metric,
      @Nullable CompositeAlarm composite) {
    this.name = name;
    this.arn = arn;
    this.state = AlarmState.of(state);
    this.stateReason = stateReason;
    this.stateUpdated = stateUpdated;
    this.actionsEnabled = actionsEnabled == null || actionsEnabled;
    this.metric = metric;
    this.composite = composite;
  }

  static LiveAlarm of(MetricAlarm a) {
    return new LiveAlarm(a.alarmName(), a.alarmArn(), a.stateValueAsString(), a.stateReason(),
        a.stateUpdatedTimestamp(), a.actionsEnabled(), a, null);
  }

  static LiveAlarm of(CompositeAlarm a) {
    return new LiveAlarm(a.alarmName(), a.alarmArn(), a.stateValueAsString(), a.stateReason(),
        a.stateUpdatedTimestamp(), a.actionsEnabled(), null, a);
  }

  String name() {
    return name;
  }

  @Nullable String arn() {
    return arn;
  }

  boolean composite() {
    return composite != null;
  }

  boolean actionsEnabled() {
    return actionsEnabled;
  }

  /** {@return the alarm in the definitions' JSON shape, made anew on each call} */
  ObjectNode tree() {
    return metric != null ? SdkAlarms.tree(metric) : SdkAlarms.tree(Objects.requireNonNull(composite));
  }

  /** The status; its definition is mapped from the SDK alarm when first asked for (a read of states needs none). */
  AlarmStatus status() {
    return AlarmStatus.deferred(AlarmName.of(name), arn, composite(), state, stateReason, stateUpdated,
        actionsEnabled, this::definition);
  }

  /** {@return the alarm as a definition, mapped anew on each call, or null when OpsKit's rules reject it} */
  @Nullable AlarmSpec definition() {
    return metric != null ? SdkAlarms.definition(metric) : SdkAlarms.definition(Objects.requireNonNull(composite));
  }
}
