package dev.opskit.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.monitoring.alarm.AlarmApplyException;
import dev.opskit.monitoring.alarm.AlarmChange;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmDrift;
import dev.opskit.monitoring.alarm.AlarmPlan;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmRule;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ApplyResult;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.FieldDiff;
import dev.opskit.monitoring.alarm.MaintenanceWindow;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.alarm.AlarmGenerators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

class AlarmsImplTest {
  private static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");

  private final FakeCloudWatch cloudWatch = new FakeCloudWatch();
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(AnonymousCredentialsProvider.create()).auditSink(audit).defaultTag("team", "ops").build();
  private final Alarms alarms = new AlarmsImpl(ctx, cloudWatch);

  @AfterEach
  void close() {
    ctx.close();
  }

  @Nested
  class PlanAndApply {
    @Test
    void createsTheGuidesAlarmsTaggedWithTheMarkerThenHasNothingToDo() {
      AlarmPlan first = alarms.plan(AlarmPresets.guide(), MANAGED);

      assertThat(first.creates()).extracting(AlarmChange::name)
          .containsExactly("HighCPUUtilization", "DatabaseConnectionFailures", "HighMemoryUsage");
      assertThat(first.render()).contains("+ create HighCPUUtilization")
          .endsWith("Plan: 3 to create, 0 to update, 0 to delete, 0 unchanged (managed by tag managed-by=opskit).");

      ApplyResult result = alarms.apply(first);

      assertThat(result.dryRun()).isFalse();
      assertThat(result.calls()).extracting(c -> c.operation()).containsOnly("cloudwatch:PutMetricAlarm").hasSize(3);
      assertThat(cloudWatch.tags.get(FakeCloudWatch.ARN_PREFIX + "HighCPUUtilization"))
          .containsExactlyInAnyOrder(tag("managed-by", "opskit"), tag("team", "ops"));
      assertThat(audit.events()).extracting(e -> e.outcome()).containsOnly(Outcome.SUCCEEDED).hasSize(3);

      AlarmPlan second = alarms.plan(AlarmPresets.guide(), MANAGED);

      assertThat(second.isEmpty()).isTrue();
      assertThat(second.unchanged()).hasSize(3);
      int before = cloudWatch.mutations();
      assertThat(alarms.apply(second).calls()).isEmpty();
      assertThat(cloudWatch.mutations()).isEqualTo(before);
    }

    @Test
    void aFailurePartWaySaysWhatWasAppliedAndPlanningAgainShowsWhatIsLeft() {
      cloudWatch.failPutOf("DatabaseConnectionFailures");

      assertThatThrownBy(() -> alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED)))
          .isInstanceOf(AlarmApplyException.class)
          .hasMessageContaining("failed at call 2 of 3")
          .hasMessageContaining("cloudwatch:PutMetricAlarm on DatabaseConnectionFailures")
          .hasMessageContaining("left in place: cloudwatch:PutMetricAlarm HighCPUUtilization")
          .hasMessageContaining("the failed call and the 1 after it")
          .satisfies(e -> assertThat(((AlarmApplyException) e).applied()).extracting(c -> c.target())
              .containsExactly("HighCPUUtilization"));
      assertThat(cloudWatch.metricAlarms).containsOnlyKeys("HighCPUUtilization");

      cloudWatch.failPutOf(null);
      AlarmPlan rest = alarms.plan(AlarmPresets.guide(), MANAGED);
      assertThat(rest.creates()).extracting(AlarmChange::name)
          .containsExactly("DatabaseConnectionFailures", "HighMemoryUsage");
      alarms.apply(rest);
      assertThat(alarms.plan(AlarmPresets.guide(), MANAGED).isEmpty()).isTrue();
    }

    @Test
    void aChangedThresholdIsAOneFieldUpdate() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));
      List<AlarmDefinition> changed = new ArrayList<>(AlarmPresets.guide());
      changed.set(2, changed.get(2).toBuilder().threshold(75.0).build());

      AlarmPlan plan = alarms.plan(changed, MANAGED);

      assertThat(plan.changes()).hasSize(1);
      AlarmChange.Update update = plan.updates().get(0);
      assertThat(update.name()).isEqualTo("HighMemoryUsage");
      assertThat(update.diffs()).containsExactly(new FieldDiff("Threshold", "75.0", "70.0"));
      assertThat(plan.render()).contains("~ update HighMemoryUsage\n    Threshold: 70.0 -> 75.0\n");

      alarms.apply(plan);

      assertThat(cloudWatch.metricAlarms.get("HighMemoryUsage").threshold()).isEqualTo(75.0);
      assertThat(alarms.plan(changed, MANAGED).isEmpty()).isTrue();
    }

    @Test
    void deletesOnlyManagedAlarmsThatAreNoLongerDefined() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));
      cloudWatch.putMetricAlarm(SdkAlarms.putRequest(AlarmPresets.highMemoryUsage(), Map.of()).toBuilder()
          .alarmName("SomeoneElses").build());

      AlarmPlan plan = alarms.plan(AlarmPresets.guide().subList(0, 2), MANAGED);

      assertThat(plan.deletes()).containsExactly(new AlarmChange.Delete("HighMemoryUsage", false));
      alarms.apply(plan);
      assertThat(cloudWatch.metricAlarms).containsOnlyKeys("HighCPUUtilization", "DatabaseConnectionFailures",
          "SomeoneElses");
    }

    @Test
    void aPrefixMarkerDeletesOnlyPrefixedAlarmsAndRequiresThePrefix() {
      ManagedBy prefix = ManagedBy.prefix("opskit-");
      List<AlarmDefinition> defs = AlarmPresets.guide().stream()
          .map(d -> d.toBuilder().name("opskit-" + d.name()).build()).collect(Collectors.toList());
      alarms.apply(alarms.plan(defs, prefix));
      cloudWatch.putMetricAlarm(SdkAlarms.putRequest(defs.get(0), Map.of()).toBuilder().alarmName("legacy").build());

      AlarmPlan plan = alarms.plan(defs.subList(1, 3), prefix);

      assertThat(plan.deletes()).extracting(AlarmChange::name).containsExactly("opskit-HighCPUUtilization");
      assertThat(cloudWatch.calls("ListTagsForResource")).isZero();
      assertThatThrownBy(() -> alarms.plan(AlarmPresets.guide(), prefix))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid AlarmName: 'HighCPUUtilization'. Allowed: a name starting with the managed-by prefix 'opskit-'");
    }

    @Test
    void deletesAreBatchedByAHundredNames() {
      List<AlarmDefinition> many = IntStream.range(0, 250)
          .mapToObj(i -> AlarmPresets.highCpuUtilization().toBuilder().name("cpu-" + i).build())
          .collect(Collectors.toList());
      alarms.apply(alarms.plan(many, MANAGED));

      ApplyResult result = alarms.apply(alarms.plan(List.of(), MANAGED));

      assertThat(result.plan().deletes()).hasSize(250);
      assertThat(cloudWatch.calls("DeleteAlarms")).isEqualTo(3);
      assertThat(cloudWatch.metricAlarms).isEmpty();
    }

    @Test
    void compositeAlarmsArePutAfterAndDeletedBeforeTheirMetricAlarms() {
      CompositeAlarmDefinition composite = Alarms.defineComposite("HostUnderPressure")
          .rule(AlarmRule.allOf(AlarmRule.alarm("HighCPUUtilization"), AlarmRule.alarm("HighMemoryUsage"))).build();
      List<AlarmSpec> defs = new ArrayList<>();
      defs.add(composite);
      defs.addAll(AlarmPresets.guide());

      ApplyResult created = alarms.apply(alarms.plan(defs, MANAGED));

      assertThat(created.calls()).extracting(c -> c.operation() + " " + c.target()).containsExactly(
          "cloudwatch:PutMetricAlarm HighCPUUtilization", "cloudwatch:PutMetricAlarm DatabaseConnectionFailures",
          "cloudwatch:PutMetricAlarm HighMemoryUsage", "cloudwatch:PutCompositeAlarm HostUnderPressure");
      assertThat(alarms.plan(defs, MANAGED).isEmpty()).isTrue();

      ApplyResult deleted = alarms.apply(alarms.plan(List.of(), MANAGED));

      assertThat(deleted.calls()).extracting(c -> c.target()).containsExactly(
          "HostUnderPressure", "DatabaseConnectionFailures,HighCPUUtilization,HighMemoryUsage");
    }

    @Test
    void aCompositeAlarmIsPutAfterTheCompositeAlarmsItsRuleNames() {
      CompositeAlarmDefinition inner = Alarms.defineComposite("HostUnderPressure")
          .rule(AlarmRule.allOf(AlarmRule.alarm("HighCPUUtilization"), AlarmRule.alarm("HighMemoryUsage"))).build();
      CompositeAlarmDefinition outer = Alarms.defineComposite("PageTheOnCall")
          .rule(AlarmRule.anyOf(AlarmRule.alarm("HostUnderPressure"), AlarmRule.alarm("DatabaseConnectionFailures")))
          .build();
      List<AlarmSpec> defs = new ArrayList<>(List.of(outer, inner));
      defs.addAll(AlarmPresets.guide());

      ApplyResult created = alarms.apply(alarms.plan(defs, MANAGED));

      assertThat(created.calls()).extracting(c -> c.target()).endsWith("HostUnderPressure", "PageTheOnCall");
      assertThat(alarms.plan(defs, MANAGED).isEmpty()).isTrue();
    }

    @Test
    void duplicateNamesAreRejected() {
      AlarmDefinition cpu = AlarmPresets.highCpuUtilization();

      assertThatThrownBy(() -> alarms.plan(List.of(cpu, cpu), MANAGED))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid definitions: 'HighCPUUtilization'. Allowed: definitions with unique alarm names");
    }

    @Test
    void planOfApplyIsEmptyForAnyDefinitions() {
      qt().withExamples(40).forAll(lists().of(AlarmGenerators.definitions()).ofSizeBetween(0, 12)).check(defs -> {
        Map<String, AlarmDefinition> unique = new LinkedHashMap<>();
        defs.forEach(d -> unique.putIfAbsent(d.name(), d));
        List<AlarmDefinition> list = new ArrayList<>(unique.values());
        alarms.apply(alarms.plan(list, MANAGED));
        return alarms.plan(list, MANAGED).isEmpty() && alarms.drift(list).isEmpty();
      });
    }
  }

  @Nested
  class DryRun {
    @Test
    void changesNothingAndListsTheCallsItWouldMake() {
      Alarms dry = new AlarmsImpl(ctx.withDryRun(true), cloudWatch);

      ApplyResult result = dry.apply(dry.plan(AlarmPresets.guide(), MANAGED));

      assertThat(cloudWatch.mutations()).isZero();
      assertThat(cloudWatch.metricAlarms).isEmpty();
      assertThat(result.dryRun()).isTrue();
      assertThat(result.calls()).hasSize(3);
      assertThat(result.calls().get(0).parameters()).containsEntry("AlarmName", "HighCPUUtilization")
          .containsEntry("Threshold", 80.0);
      assertThat(result.render()).contains("+ create HighCPUUtilization", "Dry run: nothing was changed; would call:",
          "  cloudwatch:PutMetricAlarm HighMemoryUsage");
      assertThat(audit.events()).extracting(e -> e.outcome()).containsOnly(Outcome.PLANNED).hasSize(3);
    }
  }

  @Nested
  class Drift {
    @Test
    void reportsMissingAndChangedAlarms() {
      alarms.apply(alarms.plan(AlarmPresets.guide().subList(0, 2), MANAGED));
      cloudWatch.putMetricAlarm(SdkAlarms.putRequest(AlarmPresets.highCpuUtilization(), Map.of()).toBuilder()
          .evaluationPeriods(5).treatMissingData("breaching").build());

      List<AlarmDrift> drift = alarms.drift(AlarmPresets.guide());

      assertThat(drift).containsExactly(
          new AlarmDrift("HighCPUUtilization", false, List.of(
              new FieldDiff("EvaluationPeriods", "2", "5"),
              new FieldDiff("TreatMissingData", "missing", "breaching"),
              new FieldDiff("DatapointsToAlarm", "2", "5"))),
          new AlarmDrift("HighMemoryUsage", true, List.of()));
    }
  }

  @Nested
  class ReadsDrillsAndMaintenance {
    @Test
    void listsEveryPageWithStateAndReason() {
      alarms.apply(alarms.plan(IntStream.range(0, 230)
          .mapToObj(i -> AlarmPresets.highCpuUtilization().toBuilder().name("cpu-" + i).build())
          .collect(Collectors.toList()), MANAGED));
      int before = cloudWatch.calls("DescribeAlarms");

      List<AlarmStatus> all = alarms.list();

      assertThat(all).hasSize(230);
      assertThat(cloudWatch.calls("DescribeAlarms") - before).isEqualTo(3);
      assertThat(all.get(0).state()).isEqualTo(StateValue.INSUFFICIENT_DATA);
      assertThat(all.get(0).definition()).isPresent();
    }

    @Test
    void setsStateForADrillAndReadsItBack() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));

      alarms.setState("HighCPUUtilization", StateValue.ALARM, "drill: CPU incident runbook");

      AlarmStatus status = alarms.get("HighCPUUtilization").orElseThrow();
      assertThat(status.state()).isEqualTo(StateValue.ALARM);
      assertThat(status.stateReason()).isEqualTo("drill: CPU incident runbook");
      assertThat(alarms.get("Nope")).isEmpty();
      assertThatThrownBy(() -> alarms.setState("Nope", StateValue.OK, "x"))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessageContaining("cloudwatch:SetAlarmState on Nope");
    }

    @Test
    void aMaintenanceWindowRestoresExactlyWhatWasEnabled() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));
      alarms.disableActions(List.of("HighMemoryUsage"));

      try (MaintenanceWindow window = alarms.maintenance(List.of("HighCPUUtilization", "HighMemoryUsage"))) {
        assertThat(window.paused()).containsExactly("HighCPUUtilization");
        assertThat(cloudWatch.metricAlarms.get("HighCPUUtilization").actionsEnabled()).isFalse();
      }

      assertThat(cloudWatch.metricAlarms.get("HighCPUUtilization").actionsEnabled()).isTrue();
      assertThat(cloudWatch.metricAlarms.get("HighMemoryUsage").actionsEnabled()).isFalse();
      assertThat(cloudWatch.calls("EnableAlarmActions")).isEqualTo(1);
      assertThatThrownBy(() -> alarms.maintenance(List.of("HighCPUUtilization", "Ghost")))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessage("cloudwatch:DisableAlarmActions on Ghost: no such alarms: [Ghost]; nothing was disabled.");
    }
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
