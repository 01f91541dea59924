package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.value.AlarmName;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** One live alarm as DescribeAlarms reported it, in the definitions' JSON shape. */
record LiveAlarm(
    String name, @Nullable String arn, boolean composite, ObjectNode tree, AlarmState state,
    @Nullable String stateReason, @Nullable Instant stateUpdated, boolean actionsEnabled) {

  static LiveAlarm of(MetricAlarm a) {
    return new LiveAlarm(a.alarmName(), a.alarmArn(), false, SdkAlarms.tree(a), AlarmState.of(a.stateValueAsString()),
        a.stateReason(), a.stateUpdatedTimestamp(), a.actionsEnabled() == null || a.actionsEnabled());
  }

  static LiveAlarm of(CompositeAlarm a) {
    return new LiveAlarm(a.alarmName(), a.alarmArn(), true, SdkAlarms.tree(a), AlarmState.of(a.stateValueAsString()),
        a.stateReason(), a.stateUpdatedTimestamp(), a.actionsEnabled() == null || a.actionsEnabled());
  }

  AlarmStatus status() {
    return new AlarmStatus(AlarmName.of(name), arn, composite, state, stateReason, stateUpdated, actionsEnabled,
        SdkAlarms.definition(tree));
  }
}
