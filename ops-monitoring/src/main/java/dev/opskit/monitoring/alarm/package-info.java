/**
 * CloudWatch alarms as code: {@link dev.opskit.monitoring.alarm.AlarmDefinition} and {@link dev.opskit.monitoring.alarm.CompositeAlarmDefinition}
 * values, their PutMetricAlarm JSON form, presets, and the {@link dev.opskit.monitoring.alarm.Alarms} operations
 * (plan, apply, drift, read, drills and maintenance windows).
 */
@NullMarked
package dev.opskit.monitoring.alarm;

import org.jspecify.annotations.NullMarked;
