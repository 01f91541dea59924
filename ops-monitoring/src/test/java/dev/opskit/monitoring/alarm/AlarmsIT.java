package dev.opskit.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.test.OpsEmulatorTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

@OpsEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlarmsIT {
  private static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");

  static List<AlarmDefinition> guideAlarmsFromItsJson() {
    return List.of(
        AlarmDefinition.fromJson(GuideFiles.read("high-cpu-utilization.json")),
        AlarmDefinition.fromJson(GuideFiles.read("database-connection-failures.json")),
        AlarmDefinition.fromJson(GuideFiles.read("high-memory-usage.json")));
  }

  @Test
  @Order(1)
  void aDryRunLeavesCloudWatchUnchangedAndPrintsThePlan(OpsContext ctx, InMemoryAuditSink audit) {
    Alarms dry = Alarms.using(ctx.withDryRun(true));

    ApplyResult result = dry.apply(dry.plan(guideAlarmsFromItsJson(), MANAGED));

    assertThat(result.render()).contains("+ create HighCPUUtilization", "+ create DatabaseConnectionFailures",
        "+ create HighMemoryUsage", "Plan: 3 to create, 0 to update, 0 to delete, 0 unchanged",
        "Dry run: nothing was changed; would call:", "cloudwatch:PutMetricAlarm HighCPUUtilization");
    assertThat(Alarms.using(ctx).list()).isEmpty();
    assertThat(audit.events()).extracting(e -> e.outcome()).containsOnly(Outcome.PLANNED).hasSize(3);
  }

  @Test
  @Order(2)
  void appliesTheGuidesAlarmsAndReadsThemBackIdentical(OpsContext ctx) {
    Alarms alarms = Alarms.using(ctx);

    ApplyResult result = alarms.apply(alarms.plan(guideAlarmsFromItsJson(), MANAGED));

    assertThat(result.calls()).hasSize(3);
    for (AlarmDefinition wanted : guideAlarmsFromItsJson()) {
      AlarmStatus live = alarms.get(wanted.name()).orElseThrow();
      assertThat(live.definition()).contains(wanted);
    }
    assertThat(alarms.drift(guideAlarmsFromItsJson())).isEmpty();
  }

  @Test
  @Order(3)
  void applyingTwiceChangesNothingTheSecondTime(OpsContext ctx, InMemoryAuditSink audit) {
    Alarms alarms = Alarms.using(ctx);

    AlarmPlan second = alarms.plan(guideAlarmsFromItsJson(), MANAGED);

    assertThat(second.isEmpty()).as(second.render()).isTrue();
    assertThat(second.unchanged()).hasSize(3);
    assertThat(alarms.apply(second).calls()).isEmpty();
    assertThat(audit.events()).isEmpty();
  }

  @Test
  @Order(4)
  void aChangedThresholdIsAOneFieldUpdate(OpsContext ctx) {
    Alarms alarms = Alarms.using(ctx);
    List<AlarmDefinition> changed = new ArrayList<>(guideAlarmsFromItsJson());
    changed.set(0, changed.get(0).toBuilder().threshold(90.0).build());

    AlarmPlan plan = alarms.plan(changed, MANAGED);

    assertThat(plan.changes()).hasSize(1);
    assertThat(plan.updates().get(0).diffs()).containsExactly(new FieldDiff("Threshold", "90.0", "80.0"));
    alarms.apply(plan);
    assertThat(alarms.get("HighCPUUtilization").orElseThrow().definition()).contains(changed.get(0));
    assertThat(alarms.plan(changed, MANAGED).isEmpty()).isTrue();
  }

  @Test
  @Order(5)
  void deletesOnlyManagedAlarms(OpsContext ctx) {
    Alarms alarms = Alarms.using(ctx);
    AlarmDefinition unmanaged = AlarmPresets.rds("legacy-db").highCpu();
    Alarms.using(ctx).apply(alarms.plan(List.of(unmanaged), ManagedBy.tag("managed-by", "someone-else")));

    AlarmPlan plan = alarms.plan(guideAlarmsFromItsJson().subList(0, 2), MANAGED);

    assertThat(plan.deletes()).extracting(AlarmChange::name).containsExactly("HighMemoryUsage");
    alarms.apply(plan);
    assertThat(alarms.list()).extracting(AlarmStatus::name)
        .containsExactlyInAnyOrder("HighCPUUtilization", "DatabaseConnectionFailures", unmanaged.name());
  }

  @Test
  @Order(6)
  void setsStateForADrillAndReadsIt(OpsContext ctx) {
    Alarms alarms = Alarms.using(ctx);

    alarms.setState("DatabaseConnectionFailures", StateValue.ALARM, "incident drill: database connections");

    AlarmStatus status = alarms.get("DatabaseConnectionFailures").orElseThrow();
    assertThat(status.state()).isEqualTo(StateValue.ALARM);
    assertThat(status.stateReason()).isEqualTo("incident drill: database connections");
  }

  @Test
  @Order(7)
  void planOfApplyIsEmptyForGeneratedDefinitions(OpsContext ctx) {
    Alarms alarms = Alarms.using(ctx);
    ManagedBy generated = ManagedBy.prefix("gen-");

    qt().withExamples(15).forAll(AlarmGenerators.definitions()).check(d -> {
      AlarmDefinition prefixed = d.toBuilder().name("gen-" + d.name().replace('/', '_')).build();
      alarms.apply(alarms.plan(List.of(prefixed), generated));
      AlarmPlan again = alarms.plan(List.of(prefixed), generated);
      if (!again.isEmpty()) {
        throw new AssertionError(again.render() + "\nfor " + prefixed.toJson());
      }
      return true;
    });
  }
}
