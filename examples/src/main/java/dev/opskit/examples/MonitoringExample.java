package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.AlarmName;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardPresets;
import dev.opskit.monitoring.dashboard.Dashboards;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's "Alerting Configuration" and "Core Metrics Dashboard" as code: its three alarms and its
 * dashboard, read from the guide's JSON blocks, planned in a dry run, applied, planned again (nothing
 * left to do), a changed threshold shown as a one-field update, and an alarm put into ALARM for an
 * incident drill.
 */
public final class MonitoringExample implements TourStep {
  static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");
  static final AlarmName DRILL_ALARM = AlarmName.of("HighCPUUtilization");

  @Override
  public String title() {
    return "Monitoring: the guide's alarms and dashboard as code, planned, applied, and drilled";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    List<AlarmDefinition> guideAlarms = AlarmPresets.guide();
    DashboardDefinition dashboard = DashboardPresets.coreMetrics();
    out.println("Loaded " + guideAlarms.size() + " alarms and dashboard '" + dashboard.name()
        + "' from the guide's JSON blocks.");

    out.println("Dry run: the plans, and what applying them would send.");
    Alarms dryAlarms = Alarms.using(ctx.withDryRun(true));
    Dashboards dryDashboards = Dashboards.using(ctx.withDryRun(true));
    Plan alarmPlan = dryAlarms.plan(guideAlarms, MANAGED);
    Plan dashboardPlan = dryDashboards.plan(List.of(dashboard));
    indent(out, alarmPlan.render());
    indent(out, dashboardPlan.render());
    out.println("  " + calls(dryAlarms.apply(alarmPlan)));
    out.println("  " + calls(dryDashboards.apply(dashboardPlan)));

    out.println("Apply for real.");
    Alarms alarms = Alarms.using(ctx);
    Dashboards dashboards = Dashboards.using(ctx);
    out.println("  " + calls(alarms.apply(guideAlarms, MANAGED)));
    out.println("  " + calls(dashboards.apply(List.of(dashboard))));

    out.println("Plan again: applying the same definitions twice changes nothing.");
    Plan second = alarms.plan(guideAlarms, MANAGED);
    out.println("  " + second.title() + ": " + second.summary());
    Plan drift = alarms.drift(guideAlarms, MANAGED);
    Plan dashboardDrift = dashboards.drift(List.of(dashboard));
    out.println("  drift: " + (drift.isEmpty() && dashboardDrift.isEmpty() ? "none"
        : drift.changes().size() + dashboardDrift.changes().size() + " resources differ"));

    out.println("A changed threshold is a one-field update (planned, not applied):");
    List<AlarmDefinition> stricter = new ArrayList<>(guideAlarms);
    stricter.set(0, stricter.get(0).toBuilder().threshold(90.0).build());
    indent(out, alarms.plan(stricter, MANAGED).drift().render());

    out.println("Incident drill: put " + DRILL_ALARM + " into ALARM and read it back.");
    alarms.setState(DRILL_ALARM, AlarmState.ALARM, "Incident drill: high CPU runbook rehearsal");
    AlarmStatus status = alarms.get(DRILL_ALARM).orElseThrow();
    out.println("  " + status.name() + " is in " + status.state().value() + ": " + status.stateReason());
  }

  /** {@code sent 3 calls: cloudwatch:PutMetricAlarm HighCPUUtilization, ...}, or what a dry run would send. */
  static String calls(ApplyResult result) {
    List<String> calls = result.results().stream().flatMap(a -> a.results().stream()).map(ChangeResult::call)
        .distinct().map(MonitoringExample::call).toList();
    if (calls.isEmpty()) {
      return "nothing to send";
    }
    return (result.isPlanned() ? "dry run, nothing sent; would send " : "sent ") + calls.size()
        + (calls.size() == 1 ? " call: " : " calls: ") + String.join(", ", calls);
  }

  private static String call(PlannedCall call) {
    return call.operation() + " " + call.target();
  }

  private static void indent(PrintStream out, String text) {
    text.lines().forEach(line -> out.println("  " + line));
  }
}
