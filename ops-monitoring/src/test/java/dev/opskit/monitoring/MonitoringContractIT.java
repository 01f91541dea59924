package dev.opskit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.AlarmName;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmGenerators;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.GuideFiles;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.alarm.TreatMissingData;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardName;
import dev.opskit.monitoring.dashboard.DashboardSummary;
import dev.opskit.monitoring.dashboard.Dashboards;
import dev.opskit.monitoring.dashboard.Widget;
import dev.opskit.monitoring.testing.FakeAlarms;
import dev.opskit.monitoring.testing.FakeDashboards;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.contract.DesiredStateContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * The one contract test of ops-monitoring's desired-state types, run against the real operations on moto
 * and against the in-memory fakes ({@link FakeAlarms}, {@link FakeDashboards}): the same assertions, so the
 * fakes stay honest. Each row starts from an empty CloudWatch (moto is reset, the fake is new).
 */
@OpsEmulatorTest
class MonitoringContractIT {
  private static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");

  /** Where the operations run. */
  enum Backend {
    /** {@code Alarms.using(ctx)} and {@code Dashboards.using(ctx)} on moto. */
    MOTO,
    /** {@code FakeAlarms} and {@code FakeDashboards} in memory. */
    FAKE
  }

  /** The operations of one row: applying and dry-run views of the same CloudWatch. */
  private record Operations(Alarms alarms, Alarms dryAlarms, Dashboards dashboards, Dashboards dryDashboards,
      java.util.function.Function<AlarmName, Map<String, String>> tags) {

    static Operations of(Backend backend, OpsContext ctx, Emulator emulator) {
      if (backend == Backend.MOTO) {
        emulator.reset();
        CloudWatchClient cloudWatch = ctx.client(CloudWatchClient.class, CloudWatchClient::builder);
        return new Operations(Alarms.using(ctx), Alarms.using(ctx.withDryRun(true)), Dashboards.using(ctx),
            Dashboards.using(ctx.withDryRun(true)), name -> cloudWatch.describeAlarms(r -> r.alarmNames(name.value()))
                .metricAlarms().stream().findFirst()
                .map(a -> cloudWatch.listTagsForResource(r -> r.resourceARN(a.alarmArn())).tags().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value)))
                .orElse(Map.of()));
      }
      FakeAlarms alarms = FakeAlarms.using(ctx);
      FakeDashboards dashboards = FakeDashboards.using(ctx);
      return new Operations(alarms, alarms.withContext(ctx.withDryRun(true)), dashboards,
          dashboards.withContext(ctx.withDryRun(true)), alarms::tags);
    }
  }

  static List<AlarmDefinition> guideAlarmsFromItsJson() {
    return List.of(
        AlarmDefinition.fromJson(GuideFiles.read("high-cpu-utilization.json")),
        AlarmDefinition.fromJson(GuideFiles.read("database-connection-failures.json")),
        AlarmDefinition.fromJson(GuideFiles.read("high-memory-usage.json")));
  }

  static DashboardDefinition guideDashboard() {
    return DashboardDefinition.fromBodyJson("infrastructure-overview", GuideFiles.read("core-metrics-dashboard.json"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void alarmsPassTheDesiredStateContract(Backend backend, OpsContext ctx, InMemoryAuditSink audit, Emulator emulator) {
    Operations ops = Operations.of(backend, ctx, emulator);
    List<AlarmDefinition> changed = new ArrayList<>(guideAlarmsFromItsJson());
    changed.set(0, changed.get(0).toBuilder().threshold(90.0).build());

    DesiredStateContract.of(ops.alarms(), ops.dryAlarms(), audit)
        .definitions(guideAlarmsFromItsJson())
        .changed(changed, "Threshold")
        .check();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void dashboardsPassTheDesiredStateContract(Backend backend, OpsContext ctx, InMemoryAuditSink audit,
      Emulator emulator) {
    Operations ops = Operations.of(backend, ctx, emulator);
    DashboardDefinition guide = guideDashboard();
    DashboardDefinition runbooks = Dashboards.define("runbooks").widget(Widget.text("# Runbooks")).build();
    DashboardDefinition more = guide.toBuilder().widget(Widget.text("# Runbooks: see the guide")).build();

    DesiredStateContract.of(ops.dashboards(), ops.dryDashboards(), audit)
        .definitions(List.of(guide, runbooks))
        .changed(List.of(more, runbooks), "DashboardBody.widgets[" + guide.widgets().size() + "]")
        .check();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theGuidesAlarmsReadBackAsTheirDefinitionsAndAreListedLazily(Backend backend, OpsContext ctx, Emulator emulator) {
    Alarms alarms = Operations.of(backend, ctx, emulator).alarms();
    List<AlarmDefinition> many = IntStream.range(0, 130)
        .mapToObj(i -> AlarmPresets.highCpuUtilization().toBuilder().name(String.format("cpu-%03d", i)).build())
        .toList();

    alarms.apply(guideAlarmsFromItsJson(), MANAGED);
    alarms.apply(many, ManagedBy.prefix("cpu-"));

    for (AlarmDefinition wanted : guideAlarmsFromItsJson()) {
      AlarmStatus live = alarms.get(wanted.alarmName()).orElseThrow();
      // AWS (and the fake) echo TreatMissingData "missing" when none was set; moto echoes nothing.
      AlarmDefinition echoed = (AlarmDefinition) live.definition().orElseThrow();
      assertThat(echoed.treatMissingData()).isIn(null, TreatMissingData.MISSING);
      assertThat(echoed.toBuilder().treatMissingData(null).build()).isEqualTo(wanted);
      assertThat(live.state().isUnknown()).as("a documented state: %s", live.state()).isFalse();
    }
    try (Stream<AlarmStatus> all = alarms.list()) {
      assertThat(all.map(s -> s.name().value())).hasSize(133).contains("cpu-129", "HighMemoryUsage");
    }
    assertThat(alarms.get("NoSuchAlarm")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void deletesOnlyManagedAlarmsAndAnUpdateNeverMakesAnAlarmManaged(Backend backend, OpsContext ctx, Emulator emulator) {
    Alarms alarms = Operations.of(backend, ctx, emulator).alarms();
    AlarmDefinition theirs = AlarmPresets.rds("legacy-db").highCpu();
    alarms.apply(List.of(theirs), ManagedBy.tag("managed-by", "someone-else"));
    alarms.apply(guideAlarmsFromItsJson(), MANAGED);

    Plan plan = alarms.plan(guideAlarmsFromItsJson().subList(0, 2), MANAGED);

    assertThat(plan.changes(ResourceChange.Kind.DELETE)).extracting(ResourceChange::resource)
        .containsExactly("HighMemoryUsage");
    alarms.apply(plan);
    List<AlarmDefinition> withTheirs = new ArrayList<>(guideAlarmsFromItsJson().subList(0, 2));
    withTheirs.add(theirs.toBuilder().threshold(95.0).build());
    Plan update = alarms.plan(withTheirs, MANAGED);
    assertThat(update.drift().changes()).extracting(ResourceChange::kind, ResourceChange::resource)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.UPDATE, theirs.name()));
    alarms.apply(update);
    Plan nothingDefined = alarms.plan(List.of(), MANAGED);
    assertThat(nothingDefined.changes(ResourceChange.Kind.DELETE)).extracting(ResourceChange::resource)
        .as("updated, but still someone else's")
        .containsExactlyInAnyOrder("DatabaseConnectionFailures", "HighCPUUtilization");
    try (Stream<AlarmStatus> all = alarms.list()) {
      assertThat(all.map(s -> s.name().value()))
          .containsExactlyInAnyOrder("HighCPUUtilization", "DatabaseConnectionFailures", theirs.name());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void createdAlarmsCarryDefaultDefinitionAndMarkerTagsAndTheTagRuleIsCoresOwn(Backend backend, Emulator emulator,
      InMemoryAuditSink audit) {
    try (OpsContext tagged = emulator.contextBuilder().auditSink(audit).defaultTag("team", "ops").build()) {
      Operations ops = Operations.of(backend, tagged, emulator);
      AlarmDefinition cpu = AlarmPresets.highCpuUtilization().toBuilder().tag("service", "api").build();

      ops.alarms().apply(List.of(cpu), MANAGED);

      assertThat(ops.tags().apply(cpu.alarmName())).containsOnly(Map.entry("team", "ops"),
          Map.entry("service", "api"), Map.entry("managed-by", "opskit"));
      audit.clear();
      assertThatThrownBy(() -> Alarms.define("Tagged").tag("AWS:team", "payments"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid Tags.key: 'AWS:team'. Allowed: a key not starting with aws: (in any case), which AWS reserves");
      assertThat(audit.events()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aDrillSetsTheStateAndADryRunDrillOnlyPlansIt(Backend backend, OpsContext ctx, Emulator emulator) {
    Operations ops = Operations.of(backend, ctx, emulator);
    ops.alarms().apply(guideAlarmsFromItsJson(), MANAGED);
    AlarmName db = AlarmName.of("DatabaseConnectionFailures");

    ChangeResult<AlarmName> planned = ops.dryAlarms().setState(db, AlarmState.ALARM, "dry drill");
    AlarmState before = ops.alarms().get(db).orElseThrow().state();
    ChangeResult<AlarmName> applied = ops.alarms().setState(db, AlarmState.ALARM, "incident drill: database connections");

    assertThat(planned.isPlanned()).isTrue();
    assertThat(before).isNotEqualTo(AlarmState.ALARM);
    assertThat(applied.value()).contains(db);
    AlarmStatus status = ops.alarms().get(db).orElseThrow();
    assertThat(status.state()).isSameAs(AlarmState.ALARM);
    assertThat(status.stateReason()).isEqualTo("incident drill: database connections");
    assertThatThrownBy(() -> ops.alarms().setState("NoSuchAlarm", AlarmState.OK, "drill"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("cloudwatch:SetAlarmState on NoSuchAlarm:");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void planOfApplyIsEmptyForGeneratedDefinitions(Backend backend, OpsContext ctx, Emulator emulator) {
    Alarms alarms = Operations.of(backend, ctx, emulator).alarms();
    ManagedBy generated = ManagedBy.prefix("gen-");

    qt().withExamples(15).forAll(AlarmGenerators.definitions()).check(d -> {
      AlarmDefinition prefixed = d.toBuilder().name("gen-" + d.name().replace('/', '_')).build();
      alarms.apply(List.of(prefixed), generated);
      Plan again = alarms.plan(List.of(prefixed), generated);
      if (!again.isEmpty()) {
        throw new AssertionError(again.render() + "\nfor " + prefixed.toJson());
      }
      return true;
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void dashboardsReadBackListAndDeleteAsAwsDoes(Backend backend, OpsContext ctx, Emulator emulator) {
    Dashboards dashboards = Operations.of(backend, ctx, emulator).dashboards();
    dashboards.apply(List.of(guideDashboard()));

    assertThat(dashboards.get("infrastructure-overview")).contains(guideDashboard());
    try (Stream<DashboardSummary> all = dashboards.list()) {
      assertThat(all.map(DashboardSummary::name)).containsExactly(DashboardName.of("infrastructure-overview"));
    }
    assertThatThrownBy(() -> dashboards.delete("infrastructure-overview", "no-such-dashboard"))
        .as("AWS deletes none of a batch with a missing dashboard")
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("cloudwatch:DeleteDashboards on infrastructure-overview,no-such-dashboard:");
    assertThat(dashboards.get("infrastructure-overview")).isPresent();

    assertThat(dashboards.delete("infrastructure-overview")).singleElement()
        .satisfies(r -> assertThat(r.value()).contains(List.of(DashboardName.of("infrastructure-overview"))));
    assertThat(dashboards.get("infrastructure-overview")).isEmpty();
    assertThat(dashboards.plan(List.of(guideDashboard())).changes()).extracting(ResourceChange::kind)
        .containsExactly(ResourceChange.Kind.CREATE);
  }
}
