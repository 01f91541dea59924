package dev.opskit.monitoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.monitoring.alarm.GuideFiles;
import dev.opskit.test.OpsEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@OpsEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardsIT {
  static DashboardDefinition guideDashboard() {
    return DashboardDefinition.fromBodyJson("infrastructure-overview", GuideFiles.read("core-metrics-dashboard.json"));
  }

  @Test
  @Order(1)
  void aDryRunSendsNothing(OpsContext ctx, InMemoryAuditSink audit) {
    List<DashboardChange> changes = Dashboards.using(ctx.withDryRun(true)).apply(List.of(guideDashboard()));

    assertThat(changes).singleElement().hasToString("would create dashboard infrastructure-overview");
    assertThat(changes.get(0).call().parameters()).containsKey("DashboardBody");
    assertThat(Dashboards.using(ctx).get("infrastructure-overview")).isEmpty();
    assertThat(audit.events()).extracting(e -> e.outcome()).containsExactly(Outcome.PLANNED);
  }

  @Test
  @Order(2)
  void appliesTheGuidesDashboardAndReadsItBackIdentical(OpsContext ctx) {
    Dashboards dashboards = Dashboards.using(ctx);

    assertThat(dashboards.apply(List.of(guideDashboard()))).extracting(DashboardChange::action)
        .containsExactly(DashboardChange.Action.CREATE);

    assertThat(dashboards.get("infrastructure-overview")).contains(guideDashboard());
    assertThat(dashboards.list()).extracting(DashboardSummary::name).contains("infrastructure-overview");
  }

  @Test
  @Order(3)
  void applyingTwiceSendsNothingTheSecondTimeAndAChangeIsAnUpdate(OpsContext ctx, InMemoryAuditSink audit) {
    Dashboards dashboards = Dashboards.using(ctx);

    assertThat(dashboards.apply(List.of(guideDashboard()))).extracting(DashboardChange::action)
        .containsExactly(DashboardChange.Action.UNCHANGED);
    assertThat(audit.events()).isEmpty();

    DashboardDefinition more = guideDashboard().toBuilder().widget(Widget.text("# Runbooks: see the guide")).build();
    assertThat(dashboards.apply(List.of(more))).extracting(DashboardChange::action)
        .containsExactly(DashboardChange.Action.UPDATE);
    assertThat(dashboards.get("infrastructure-overview")).contains(more);
  }

  @Test
  @Order(4)
  void deletes(OpsContext ctx) {
    Dashboards dashboards = Dashboards.using(ctx);

    dashboards.delete(List.of("infrastructure-overview"));

    assertThat(dashboards.get("infrastructure-overview")).isEmpty();
  }
}
