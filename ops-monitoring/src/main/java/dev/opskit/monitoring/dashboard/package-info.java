/**
 * CloudWatch dashboards as code: {@link dev.opskit.monitoring.dashboard.DashboardDefinition} values in CloudWatch's
 * dashboard body JSON, widgets with layout, presets, and the {@link dev.opskit.monitoring.dashboard.Dashboards} operations.
 */
@NullMarked
package dev.opskit.monitoring.dashboard;

import org.jspecify.annotations.NullMarked;
