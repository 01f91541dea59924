/**
 * CloudWatch alarms as code: {@link dev.opskit.monitoring.alarm.AlarmDefinition} and {@link dev.opskit.monitoring.alarm.CompositeAlarmDefinition}
 * values, their PutMetricAlarm JSON form, presets, and the {@link dev.opskit.monitoring.alarm.Alarms} operations
 * (plan, apply and drift in core's {@code Plan} vocabulary, lazy reads, drills, paused actions).
 */
@NullMarked
package dev.opskit.monitoring.alarm;

import org.jspecify.annotations.NullMarked;
