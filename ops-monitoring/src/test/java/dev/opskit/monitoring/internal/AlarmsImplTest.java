package dev.opskit.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.PartialApplyException;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.AlarmName;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmGenerators;
import dev.opskit.monitoring.alarm.AlarmHistoryItem;
import dev.opskit.monitoring.alarm.AlarmHistoryType;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmRule;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.alarm.PausedActions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

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

  private static List<String> resources(Plan plan, ResourceChange.Kind kind) {
    return plan.changes(kind).stream().map(ResourceChange::resource).toList();
  }

  private List<String> sentCalls() {
    return audit.events().stream().map(e -> e.operation() + " " + e.target()).toList();
  }

  private static List<AlarmDefinition> cpuAlarms(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> AlarmPresets.highCpuUtilization().toBuilder().name("cpu-" + i).build()).toList();
  }

  @Nested
  class PlanAndApply {
    @Test
    void createsTheGuidesAlarmsTaggedWithTheMarkerThenHasNothingToDo() {
      Plan first = alarms.plan(AlarmPresets.guide(), MANAGED);

      assertThat(resources(first, ResourceChange.Kind.CREATE))
          .containsExactly("HighCPUUtilization", "DatabaseConnectionFailures", "HighMemoryUsage");
      assertThat(first.render()).contains("+ create alarm HighCPUUtilization\n")
          .endsWith("alarms managed by tag managed-by=opskit: 3 to create, 0 to update, 0 to delete, 0 unchanged.");

      ApplyResult result = alarms.apply(first);

      assertThat(result.isPlanned()).isFalse();
      assertThat(result.results()).flatExtracting(ApplyResult.Applied::results)
          .extracting(r -> r.call().operation()).containsOnly("cloudwatch:PutMetricAlarm").hasSize(3);
      assertThat(cloudWatch.tagsOf("HighCPUUtilization")).containsOnly(Map.entry("managed-by", "opskit"),
          Map.entry("team", "ops"));
      assertThat(audit.events()).extracting(AuditEvent::outcome).containsOnly(Outcome.SUCCEEDED).hasSize(3);

      Plan second = alarms.plan(AlarmPresets.guide(), MANAGED);

      assertThat(second.isEmpty()).isTrue();
      assertThat(second.changes(ResourceChange.Kind.UNCHANGED)).hasSize(3);
      int before = cloudWatch.mutations();
      assertThat(alarms.apply(second).results()).isEmpty();
      assertThat(cloudWatch.mutations()).isEqualTo(before);
    }

    @Test
    void withoutAMarkerReadsOnlyTheDefinedAlarmsDeletesNothingAndTagsOnlyWithDefaultAndDefinitionTags() {
      cloudWatch.putMetricAlarm(SdkAlarms.putRequest(AlarmPresets.highMemoryUsage(), Map.of()).toBuilder()
          .alarmName("SomeoneElses").build());
      AlarmDefinition cpu = AlarmPresets.highCpuUtilization().toBuilder().tag("service", "api").build();

      Plan plan = alarms.plan(List.of(cpu));

      assertThat(plan.title()).isEqualTo("alarms");
      assertThat(plan.changes()).extracting(ResourceChange::kind).containsExactly(ResourceChange.Kind.CREATE);
      alarms.apply(plan);
      assertThat(cloudWatch.tagsOf("HighCPUUtilization")).containsOnly(Map.entry("team", "ops"),
          Map.entry("service", "api"));
      assertThat(cloudWatch.metricAlarms()).containsOnlyKeys("HighCPUUtilization", "SomeoneElses");
      assertThat(cloudWatch.calls("ListTagsForResource")).isZero();
    }

    @Test
    void aFailurePartWayIsThePartialApplyExceptionAndPlanningAgainShowsWhatIsLeft() {
      cloudWatch.failPutOf("DatabaseConnectionFailures");
      Plan plan = alarms.plan(AlarmPresets.guide(), MANAGED);

      assertThatThrownBy(() -> alarms.apply(plan))
          .isInstanceOf(PartialApplyException.class)
          .hasMessageStartingWith("cloudwatch:PutMetricAlarm on DatabaseConnectionFailures: apply failed part-way at "
              + "create alarm DatabaseConnectionFailures (")
          .hasMessageContaining("Applied 1: [HighCPUUtilization]; not attempted 1: [HighMemoryUsage].")
          .satisfies(e -> {
            PartialApplyException p = (PartialApplyException) e;
            assertThat(p.applied()).extracting(a -> a.change().resource()).containsExactly("HighCPUUtilization");
            assertThat(p.failed().resource()).isEqualTo("DatabaseConnectionFailures");
            assertThat(p.notAttempted()).extracting(ResourceChange::resource).containsExactly("HighMemoryUsage");
          });
      assertThat(cloudWatch.metricAlarms()).containsOnlyKeys("HighCPUUtilization");

      cloudWatch.failPutOf(null);
      Plan rest = alarms.plan(AlarmPresets.guide(), MANAGED);
      assertThat(resources(rest, ResourceChange.Kind.CREATE)).containsExactly("DatabaseConnectionFailures", "HighMemoryUsage");
      alarms.apply(rest);
      assertThat(alarms.plan(AlarmPresets.guide(), MANAGED).isEmpty()).isTrue();
    }

    @Test
    void aChangedThresholdIsAOneFieldUpdate() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));
      List<AlarmDefinition> changed = new ArrayList<>(AlarmPresets.guide());
      changed.set(2, changed.get(2).toBuilder().threshold(75.0).build());

      Plan plan = alarms.plan(changed, MANAGED);

      assertThat(plan.drift().changes()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
        assertThat(c.resource()).isEqualTo("HighMemoryUsage");
        assertThat(c.diffs()).containsExactly(new FieldDiff("Threshold", "70.0", "75.0"));
      });
      assertThat(plan.render()).contains("~ update alarm HighMemoryUsage\n    Threshold: 70.0 -> 75.0\n");

      alarms.apply(plan);

      assertThat(cloudWatch.metricAlarms().get("HighMemoryUsage").threshold()).isEqualTo(75.0);
      assertThat(alarms.plan(changed, MANAGED).isEmpty()).isTrue();
    }

    @Test
    void deletesOnlyManagedAlarmsThatAreNoLongerDefined() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));
      cloudWatch.putMetricAlarm(SdkAlarms.putRequest(AlarmPresets.highMemoryUsage(), Map.of()).toBuilder()
          .alarmName("SomeoneElses").build());

      Plan plan = alarms.plan(AlarmPresets.guide().subList(0, 2), MANAGED);

      assertThat(resources(plan, ResourceChange.Kind.DELETE)).containsExactly("HighMemoryUsage");
      assertThat(plan.render()).contains("- delete alarm HighMemoryUsage\n");
      alarms.apply(plan);
      assertThat(cloudWatch.metricAlarms()).containsOnlyKeys("HighCPUUtilization", "DatabaseConnectionFailures",
          "SomeoneElses");
    }

    @Test
    void anUnmanagedAlarmUpdatedByAManagedPlanStaysUnmanagedAsAwsIgnoresTagsOnUpdate() {
      AlarmDefinition cpu = AlarmPresets.highCpuUtilization();
      alarms.apply(alarms.plan(List.of(cpu), ManagedBy.tag("managed-by", "someone-else")));

      alarms.apply(alarms.plan(List.of(cpu.toBuilder().threshold(95.0).build()), MANAGED));

      assertThat(cloudWatch.tagsOf(cpu.name())).containsEntry("managed-by", "someone-else");
      assertThat(alarms.plan(List.of(), MANAGED).isEmpty()).isTrue();
    }

    @Test
    void aPrefixMarkerDeletesOnlyPrefixedAlarmsAndRequiresThePrefix() {
      ManagedBy prefix = ManagedBy.prefix("opskit-");
      List<AlarmDefinition> defs = AlarmPresets.guide().stream()
          .map(d -> d.toBuilder().name("opskit-" + d.name()).build()).toList();
      alarms.apply(alarms.plan(defs, prefix));
      cloudWatch.putMetricAlarm(SdkAlarms.putRequest(defs.get(0), Map.of()).toBuilder().alarmName("legacy").build());

      Plan plan = alarms.plan(defs.subList(1, 3), prefix);

      assertThat(resources(plan, ResourceChange.Kind.DELETE)).containsExactly("opskit-HighCPUUtilization");
      assertThat(plan.title()).isEqualTo("alarms managed by name prefix 'opskit-'");
      assertThat(cloudWatch.calls("ListTagsForResource")).isZero();
      assertThatThrownBy(() -> alarms.plan(AlarmPresets.guide(), prefix))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid AlarmName: 'HighCPUUtilization'. Allowed: a name starting with the managed-by prefix 'opskit-'");
    }

    @Test
    void deletesAreBatchedByAHundredNamesOneCallPerBatchOneChangePerAlarm() {
      alarms.apply(alarms.plan(cpuAlarms(250), MANAGED));
      audit.clear();

      Plan plan = alarms.plan(List.of(), MANAGED);
      ApplyResult result = alarms.apply(plan);

      assertThat(plan.changes(ResourceChange.Kind.DELETE)).hasSize(250);
      assertThat(plan.summary()).isEqualTo("0 to create, 0 to update, 250 to delete, 0 unchanged");
      assertThat(result.results()).hasSize(250).allSatisfy(a -> assertThat(a.results()).hasSize(1));
      assertThat(cloudWatch.calls("DeleteAlarms")).isEqualTo(3);
      assertThat(audit.events()).extracting(AuditEvent::operation).containsOnly("cloudwatch:DeleteAlarms").hasSize(3);
      assertThat(plan.change("cpu-0").orElseThrow().calls()).singleElement()
          .satisfies(call -> assertThat(call.parameters().get("AlarmNames"))
              .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(100).contains("cpu-0"));
      assertThat(cloudWatch.metricAlarms()).isEmpty();
    }

    @Test
    void aFailedBatchDeleteListsTheWholeBatchAsNotDoneAndDeletesNone() {
      alarms.apply(alarms.plan(cpuAlarms(3), MANAGED));
      cloudWatch.failDeleteOf("cpu-1");

      assertThatThrownBy(() -> alarms.apply(alarms.plan(List.of(), MANAGED)))
          .isInstanceOf(PartialApplyException.class)
          .hasMessageContaining("apply failed part-way at delete alarm cpu-0 (")
          .hasMessageContaining("Applied 0: []; not attempted 2: [cpu-1, cpu-2].");
      assertThat(cloudWatch.metricAlarms()).hasSize(3);
      assertThat(cloudWatch.calls("DeleteAlarms")).isEqualTo(1);
    }

    @Test
    void compositeAlarmsArePutAfterAndDeletedBeforeTheirMetricAlarms() {
      CompositeAlarmDefinition composite = Alarms.defineComposite("HostUnderPressure")
          .rule(AlarmRule.allOf(AlarmRule.alarm("HighCPUUtilization"), AlarmRule.alarm("HighMemoryUsage"))).build();
      List<AlarmSpec> defs = new ArrayList<>();
      defs.add(composite);
      defs.addAll(AlarmPresets.guide());

      Plan plan = alarms.plan(defs, MANAGED);
      alarms.apply(plan);

      assertThat(plan.render()).contains("+ create composite alarm HostUnderPressure\n");
      assertThat(sentCalls()).containsExactly(
          "cloudwatch:PutMetricAlarm HighCPUUtilization", "cloudwatch:PutMetricAlarm DatabaseConnectionFailures",
          "cloudwatch:PutMetricAlarm HighMemoryUsage", "cloudwatch:PutCompositeAlarm HostUnderPressure");
      assertThat(alarms.plan(defs, MANAGED).isEmpty()).isTrue();
      audit.clear();

      alarms.apply(alarms.plan(List.of(), MANAGED));

      assertThat(sentCalls()).containsExactly("cloudwatch:DeleteAlarms HostUnderPressure",
          "cloudwatch:DeleteAlarms DatabaseConnectionFailures,HighCPUUtilization,HighMemoryUsage");
    }

    @Test
    void compositeAlarmsAreDeletedOnePerCallThoseNamingOthersFirstAsAwsDeletesAtMostOneCompositePerCall() {
      CompositeAlarmDefinition inner = Alarms.defineComposite("HostUnderPressure")
          .rule(AlarmRule.allOf(AlarmRule.alarm("HighCPUUtilization"), AlarmRule.alarm("HighMemoryUsage"))).build();
      CompositeAlarmDefinition outer = Alarms.defineComposite("PageTheOnCall")
          .rule(AlarmRule.anyOf(AlarmRule.alarm("HostUnderPressure"), AlarmRule.alarm("DatabaseConnectionFailures")))
          .build();
      List<AlarmSpec> defs = new ArrayList<>(List.of(outer, inner));
      defs.addAll(AlarmPresets.guide());
      alarms.apply(alarms.plan(defs, MANAGED));
      audit.clear();

      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));

      assertThat(sentCalls()).containsExactly("cloudwatch:DeleteAlarms PageTheOnCall",
          "cloudwatch:DeleteAlarms HostUnderPressure");
      assertThat(alarms.plan(AlarmPresets.guide(), MANAGED).isEmpty()).isTrue();
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

      alarms.apply(alarms.plan(defs, MANAGED));

      assertThat(sentCalls()).endsWith("cloudwatch:PutCompositeAlarm HostUnderPressure",
          "cloudwatch:PutCompositeAlarm PageTheOnCall");
      assertThat(alarms.plan(defs, MANAGED).isEmpty()).isTrue();
    }

    @Test
    void duplicateAndAbsentDefinitionsAreRejected() {
      AlarmDefinition cpu = AlarmPresets.highCpuUtilization();
      List<AlarmSpec> withNull = new ArrayList<>();
      withNull.add(null);

      assertThatThrownBy(() -> alarms.plan(List.of(cpu, cpu), MANAGED))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid definitions: 'HighCPUUtilization'. Allowed: definitions with unique alarm names");
      assertThatThrownBy(() -> alarms.plan(withNull))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid definitions: '[null]'. Allowed: alarm definitions, without null elements");
      assertThatThrownBy(() -> alarms.plan(List.of(cpu), null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid managedBy: null. Allowed: a ManagedBy marker (tag or prefix)");
      assertThat(cloudWatch.calls("DescribeAlarms")).isZero();
    }

    @Test
    void planOfApplyIsEmptyForAnyDefinitions() {
      qt().withExamples(40).forAll(lists().of(AlarmGenerators.definitions()).ofSizeBetween(0, 12)).check(defs -> {
        Map<String, AlarmDefinition> unique = new LinkedHashMap<>();
        defs.forEach(d -> unique.putIfAbsent(d.name(), d));
        List<AlarmDefinition> list = new ArrayList<>(unique.values());
        alarms.apply(alarms.plan(list, MANAGED));
        return alarms.plan(list, MANAGED).isEmpty() && alarms.drift(list).changes().isEmpty();
      });
    }
  }

  @Nested
  class DryRun {
    @Test
    void changesNothingAndReturnsOnlyPlannedResultsWithTheExactCalls() {
      Alarms dry = new AlarmsImpl(ctx.withDryRun(true), cloudWatch);

      ApplyResult result = dry.apply(dry.plan(AlarmPresets.guide(), MANAGED));

      assertThat(cloudWatch.mutations()).isZero();
      assertThat(cloudWatch.metricAlarms()).isEmpty();
      assertThat(result.isPlanned()).isTrue();
      assertThat(result.results()).flatExtracting(ApplyResult.Applied::results).hasSize(3)
          .allSatisfy(r -> assertThat(r).isInstanceOf(ChangeResult.Planned.class));
      assertThat(result.results().get(0).results().get(0).call().parameters())
          .containsEntry("AlarmName", "HighCPUUtilization").containsEntry("Threshold", 80.0);
      assertThat(result.toString()).isEqualTo("planned 3 changes (dry run)");
      assertThat(audit.events()).extracting(AuditEvent::outcome).containsOnly(Outcome.PLANNED).hasSize(3);
    }

    @Test
    void aDryRunOfABatchedDeletePlansTheBatchOnce() {
      alarms.apply(alarms.plan(cpuAlarms(3), MANAGED));
      audit.clear();
      Alarms dry = new AlarmsImpl(ctx.withDryRun(true), cloudWatch);

      ApplyResult result = dry.apply(dry.plan(List.of(), MANAGED));

      assertThat(result.results()).hasSize(3);
      assertThat(audit.events()).singleElement().satisfies(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(e.target()).isEqualTo("cpu-0,cpu-1,cpu-2");
      });
      assertThat(cloudWatch.metricAlarms()).hasSize(3);
    }
  }

  @Nested
  class Drift {
    @Test
    void isThePlanWithoutUnchangedAlarms() {
      alarms.apply(alarms.plan(AlarmPresets.guide().subList(0, 2), MANAGED));
      cloudWatch.putMetricAlarm(SdkAlarms.putRequest(AlarmPresets.highCpuUtilization(), Map.of()).toBuilder()
          .evaluationPeriods(5).treatMissingData("breaching").build());

      Plan drift = alarms.drift(AlarmPresets.guide());

      assertThat(drift.changes()).extracting(ResourceChange::kind, ResourceChange::resource).containsExactly(
          org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.UPDATE, "HighCPUUtilization"),
          org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.CREATE, "HighMemoryUsage"));
      assertThat(drift.changes().get(0).diffs()).containsExactly(
          new FieldDiff("EvaluationPeriods", "5", "2"),
          new FieldDiff("TreatMissingData", "breaching", "missing"),
          new FieldDiff("DatapointsToAlarm", "5", "2"));
    }
  }

  @Nested
  class ReadsDrillsAndPausedActions {
    @Test
    void listsEveryPageLazilyWithStateAndReason() {
      alarms.apply(alarms.plan(cpuAlarms(230), MANAGED));
      int before = cloudWatch.calls("DescribeAlarms");

      try (Stream<AlarmStatus> first = alarms.list()) {
        assertThat(first.limit(5)).hasSize(5);
      }
      assertThat(cloudWatch.calls("DescribeAlarms") - before).as("only the first page is read").isEqualTo(1);

      List<AlarmStatus> all;
      try (Stream<AlarmStatus> stream = alarms.list()) {
        all = stream.toList();
      }
      assertThat(all).hasSize(230);
      assertThat(cloudWatch.calls("DescribeAlarms") - before).isEqualTo(1 + 3);
      assertThat(all.get(0).state()).isSameAs(AlarmState.INSUFFICIENT_DATA);
      assertThat(all.get(0).stateReason()).isEqualTo("Unchecked: Initial alarm creation");
      assertThat(all.get(0).definition()).isPresent();
      assertThat(all.get(0).name()).isEqualTo(AlarmName.of("cpu-0"));
    }

    @Test
    void setsStateForADrillReadsItBackAndFindsItInTheHistory() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));

      ChangeResult<AlarmName> result = alarms.setState("HighCPUUtilization", AlarmState.ALARM, "drill: CPU incident runbook");

      assertThat(result.isPlanned()).isFalse();
      assertThat(result.value()).contains(AlarmName.of("HighCPUUtilization"));
      AlarmStatus status = alarms.get("HighCPUUtilization").orElseThrow();
      assertThat(status.state()).isSameAs(AlarmState.ALARM);
      assertThat(status.stateReason()).isEqualTo("drill: CPU incident runbook");
      assertThat(status).hasToString("HighCPUUtilization: ALARM (drill: CPU incident runbook)");
      List<AlarmHistoryItem> history;
      try (Stream<AlarmHistoryItem> items = alarms.history("HighCPUUtilization", Instant.EPOCH)) {
        history = items.toList();
      }
      assertThat(history).extracting(AlarmHistoryItem::type)
          .containsExactly(AlarmHistoryType.STATE_UPDATE, AlarmHistoryType.CONFIGURATION_UPDATE);
      assertThat(history.get(0).summary()).isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");
      assertThat(alarms.get("Nope")).isEmpty();
      assertThatThrownBy(() -> alarms.setState("Nope", AlarmState.OK, "x"))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessageContaining("cloudwatch:SetAlarmState on Nope");
    }

    @Test
    void aDryRunDrillIsPlannedAndSendsNothing() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));
      int before = cloudWatch.mutations();

      ChangeResult<AlarmName> result = new AlarmsImpl(ctx.withDryRun(true), cloudWatch)
          .setState(AlarmName.of("HighCPUUtilization"), AlarmState.ALARM, "drill");

      assertThat(result.isPlanned()).isTrue();
      assertThat(result.value()).isEmpty();
      assertThat(cloudWatch.mutations()).isEqualTo(before);
    }

    @Test
    void badDrillInputIsRejectedNamingTheParameterBeforeAnyCall() {
      assertThatThrownBy(() -> alarms.setState("HighCPUUtilization", AlarmState.of("BROKEN"), "x"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid state: 'BROKEN'. Allowed: OK, ALARM or INSUFFICIENT_DATA");
      assertThatThrownBy(() -> alarms.setState(" ", AlarmState.OK, "x"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid alarmName: ' '. Allowed: at least one character that is not whitespace");
      assertThatThrownBy(() -> alarms.disableActions("HighCPUUtilization", "bad\u0007name"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid alarmNames: 'bad\u0007name'. Allowed: no ASCII control characters");
      assertThat(cloudWatch.mutations()).isZero();
    }

    @Test
    void pausedActionsRestoreExactlyWhatWasEnabled() {
      alarms.apply(alarms.plan(AlarmPresets.guide(), MANAGED));
      alarms.disableActions("HighMemoryUsage");

      try (PausedActions paused = alarms.pauseActions("HighCPUUtilization", "HighMemoryUsage")) {
        assertThat(paused.alarms()).containsExactly(AlarmName.of("HighCPUUtilization"));
        assertThat(cloudWatch.metricAlarms().get("HighCPUUtilization").actionsEnabled()).isFalse();
      }

      assertThat(cloudWatch.metricAlarms().get("HighCPUUtilization").actionsEnabled()).isTrue();
      assertThat(cloudWatch.metricAlarms().get("HighMemoryUsage").actionsEnabled()).isFalse();
      assertThat(cloudWatch.calls("EnableAlarmActions")).isEqualTo(1);
      assertThatThrownBy(() -> alarms.pauseActions("HighCPUUtilization", "Ghost"))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessage("cloudwatch:DisableAlarmActions on Ghost: no such alarms: [Ghost]; nothing was disabled.");
    }
  }
}
