package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmPlan;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ApplyResult;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.dashboard.DashboardChange;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardPresets;
import dev.opskit.monitoring.dashboard.Dashboards;
import java.io.PrintStream;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The guide's "Alerting Configuration" and "Core Metrics Dashboard" as code: its three alarms and its
 * dashboard, read from the guide's JSON blocks, planned in a dry run, applied, planned again (nothing
 * left to do), and an alarm put into ALARM for an incident drill.
 */
public final class MonitoringExample implements TourStep {
  static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");
  static final String DRILL_ALARM = "HighCPUUtilization";

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

    out.println("Dry run: the plan, and the calls it would make.");
    Alarms dryAlarms = Alarms.using(ctx.withDryRun(true));
    ApplyResult planned = dryAlarms.apply(dryAlarms.plan(guideAlarms, MANAGED));
    indent(out, planned.render());
    Dashboards.using(ctx.withDryRun(true)).apply(List.of(dashboard)).forEach(c -> out.println("  " + c));

    out.println("Apply for real.");
    Alarms alarms = Alarms.using(ctx);
    ApplyResult applied = alarms.apply(alarms.plan(guideAlarms, MANAGED));
    out.println("  " + applied.calls().size() + " calls made");
    for (DashboardChange change : Dashboards.using(ctx).apply(List.of(dashboard))) {
      out.println("  " + change);
    }

    out.println("Plan again: applying the same definitions twice changes nothing.");
    AlarmPlan second = alarms.plan(guideAlarms, MANAGED);
    indent(out, second.render());
    out.println("  empty? " + second.isEmpty() + "; drift: " + alarms.drift(guideAlarms));

    out.println("Incident drill: put " + DRILL_ALARM + " into ALARM and read it back.");
    alarms.setState(DRILL_ALARM, StateValue.ALARM, "Incident drill: high CPU runbook rehearsal");
    AlarmStatus status = alarms.get(DRILL_ALARM).orElseThrow();
    out.println("  " + status.name() + " is " + status.state() + ": " + status.stateReason());
  }

  private static void indent(PrintStream out, String text) {
    text.lines().forEach(line -> out.println("  " + line));
  }
}
