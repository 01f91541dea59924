package dev.opskit.monitoring;

import static dev.opskit.test.FaultInjectingProxy.action;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.Dashboards;
import dev.opskit.monitoring.dashboard.Widget;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.faults.FaultKind;
import dev.opskit.test.faults.FaultSuite;
import dev.opskit.test.faults.MutatingOperation;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Every mutating operation of ops-monitoring that moto supports, under every {@link FaultKind}, through
 * the fault-injecting proxy: afterwards CloudWatch shows the change exactly once or a typed OpsKit
 * exception was thrown, and the audit trail matches (see {@link FaultSuite}). Not here because moto lacks
 * them: composite alarms in {@code Alarms.apply} (PutCompositeAlarm), {@code Alarms.disableActions},
 * {@code enableActions} and {@code pauseActions} (DisableAlarmActions, EnableAlarmActions).
 */
@OpsEmulatorTest
class FaultInjectionIT {
  private static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");
  private static final AlarmDefinition CPU = AlarmPresets.rds("fi-db").highCpu();
  private static final DashboardDefinition DASHBOARD =
      DashboardDefinition.builder("fi-dashboard").widget(Widget.text("# Fault injection")).build();

  static final List<MutatingOperation> OPERATIONS = List.of(
      MutatingOperation.named("alarms apply: create")
          .changes(action("PutMetricAlarm"))
          .call(ctx -> apply(ctx, List.of(CPU)))
          .creates("a metric alarm", FaultInjectionIT::metricAlarms)
          .build(),
      MutatingOperation.named("alarms apply: update")
          .given(direct -> apply(direct, List.of(CPU)))
          .changes(action("PutMetricAlarm"))
          .call(ctx -> apply(ctx, List.of(CPU.toBuilder().threshold(95.0).build())))
          .makes("threshold 95 on " + CPU.name(), direct -> alarm(direct).threshold() == 95.0)
          .build(),
      MutatingOperation.named("alarms apply: delete")
          .given(direct -> apply(direct, List.of(CPU)))
          .changes(action("DeleteAlarms"))
          .call(ctx -> apply(ctx, List.of()))
          .deletes("a metric alarm", FaultInjectionIT::metricAlarms)
          .build(),
      MutatingOperation.named("alarms setState")
          .given(direct -> apply(direct, List.of(CPU)))
          .changes(action("SetAlarmState"))
          .call(ctx -> Alarms.using(ctx).setState(CPU.name(), AlarmState.ALARM, "fault-injection drill"))
          .makes("state ALARM on " + CPU.name(), direct -> alarm(direct).stateValue() == StateValue.ALARM)
          .build(),
      MutatingOperation.named("dashboards apply: create")
          .changes(action("PutDashboard"))
          .call(ctx -> Dashboards.using(ctx).apply(List.of(DASHBOARD)))
          .creates("a dashboard", FaultInjectionIT::dashboards)
          .build(),
      MutatingOperation.named("dashboards apply: update")
          .given(direct -> Dashboards.using(direct).apply(List.of(DASHBOARD)))
          .changes(action("PutDashboard"))
          .call(ctx -> Dashboards.using(ctx).apply(List.of(DASHBOARD.toBuilder().widget(Widget.text("runbook: restart")).build())))
          .makes("the runbook widget on fi-dashboard", direct -> cloudWatch(direct)
              .getDashboard(r -> r.dashboardName("fi-dashboard")).dashboardBody().contains("runbook: restart"))
          .build(),
      MutatingOperation.named("dashboards delete")
          .given(direct -> Dashboards.using(direct).apply(List.of(DASHBOARD)))
          .changes(action("DeleteDashboards"))
          .call(ctx -> Dashboards.using(ctx).delete("fi-dashboard"))
          .deletes("a dashboard", FaultInjectionIT::dashboards)
          .build());

  static Stream<Object[]> rows() {
    return FaultSuite.matrix(OPERATIONS);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("rows")
  void eachMutatingOperationMakesItsChangeOnceOrFailsTypedAndAuditsWhatTheCallerSaw(
      MutatingOperation operation, FaultKind fault, Emulator emulator) {
    FaultSuite.check(emulator, operation, fault);
  }

  private static void apply(OpsContext ctx, Collection<AlarmDefinition> definitions) {
    Alarms alarms = Alarms.using(ctx);
    alarms.apply(alarms.plan(definitions, MANAGED));
  }

  private static CloudWatchClient cloudWatch(OpsContext direct) {
    return direct.client(CloudWatchClient.class, CloudWatchClient::builder);
  }

  private static int metricAlarms(OpsContext direct) {
    return cloudWatch(direct).describeAlarms().metricAlarms().size();
  }

  private static MetricAlarm alarm(OpsContext direct) {
    return cloudWatch(direct).describeAlarms(r -> r.alarmNames(CPU.name())).metricAlarms().get(0);
  }

  private static int dashboards(OpsContext direct) {
    return cloudWatch(direct).listDashboards().dashboardEntries().size();
  }
}
