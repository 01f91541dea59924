package dev.opskit.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardPresets;
import dev.opskit.monitoring.dashboard.Dashboards;
import dev.opskit.monitoring.dashboard.Widget;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;

/** Dashboards plan by comparing JSON trees, and name the parts of the body that differ. */
class DashboardsImplTest {
  private final FakeCloudWatch cloudWatch = new FakeCloudWatch();
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(AnonymousCredentialsProvider.create()).auditSink(audit).build();
  private final Dashboards dashboards = new DashboardsImpl(ctx, cloudWatch);

  @AfterEach
  void close() {
    ctx.close();
  }

  private static DashboardDefinition overview() {
    return Dashboards.define("overview").widget(Widget.text("# Production")).widget(Widget.text("# Databases"))
        .option("periodOverride", "auto").build();
  }

  @Test
  void aMissingDashboardIsACreateThenTheSameBodyIsUnchanged() {
    Plan first = dashboards.plan(List.of(overview()));

    assertThat(first.render()).isEqualTo("+ create dashboard overview\ndashboards: 1 to create, 0 to update, 0 to delete,"
        + " 0 unchanged.");
    dashboards.apply(first);

    assertThat(dashboards.plan(List.of(overview())).isEmpty()).isTrue();
    assertThat(dashboards.drift(List.of(overview())).changes()).isEmpty();
  }

  @Test
  void aBodyEqualAsAJsonTreeIsUnchangedWhateverItsFormatting() {
    DashboardDefinition core = DashboardPresets.coreMetrics();
    String reformatted = "{\n  \"widgets\" : " + dev.opskit.core.internal.Json.writePretty(
        dev.opskit.core.internal.Json.parseTrusted(core.bodyJson()).get("widgets")) + "\n}";
    cloudWatch.putDashboard(PutDashboardRequest.builder().dashboardName(core.name()).dashboardBody(reformatted).build());

    assertThat(dashboards.plan(List.of(core)).changes()).extracting(ResourceChange::kind)
        .containsExactly(ResourceChange.Kind.UNCHANGED);
  }

  @Test
  void anUpdateNamesTheWidgetsAndOptionsThatDiffer() {
    dashboards.apply(List.of(overview()));
    DashboardDefinition changed = Dashboards.define("overview").widget(Widget.text("# Production"))
        .widget(Widget.text("# Databases and caches")).widget(Widget.text("# Runbooks"))
        .option("periodOverride", "inherit").build();

    Plan plan = dashboards.plan(List.of(changed));

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.diffs()).extracting(FieldDiff::field).containsExactly("DashboardBody.widgets[1]",
          "DashboardBody.widgets[2]", "DashboardBody.periodOverride");
      assertThat(c.diffs().get(1).live()).isNull();
      assertThat(c.diffs().get(2)).isEqualTo(new FieldDiff("DashboardBody.periodOverride", "\"auto\"", "\"inherit\""));
    });
    dashboards.apply(plan);
    assertThat(dashboards.get("overview")).contains(changed);
  }

  @Test
  void aDryRunApplySendsNothingAndReturnsOnlyPlannedResults() {
    Dashboards dry = new DashboardsImpl(ctx.withDryRun(true), cloudWatch);

    ApplyResult result = dry.apply(List.of(overview()));

    assertThat(result.isPlanned()).isTrue();
    assertThat(result.results()).flatExtracting(ApplyResult.Applied::results)
        .singleElement().isInstanceOf(ChangeResult.Planned.class);
    assertThat(audit.events()).extracting(AuditEvent::outcome).containsExactly(Outcome.PLANNED);
    assertThat(dashboards.get("overview")).isEmpty();
  }

  @Test
  void duplicateOrAbsentDefinitionsAreRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> dashboards.plan(List.of(overview(), overview())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid definitions: 'overview'. Allowed: definitions with unique dashboard names");
    assertThatThrownBy(() -> dashboards.plan((List<DashboardDefinition>) null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid definitions: null. Allowed: dashboard definitions");
    assertThatThrownBy(() -> dashboards.apply((Plan) null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid plan: null. Allowed: a plan (from plan(...))");
    assertThat(audit.events()).isEmpty();
  }
}
