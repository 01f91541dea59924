package dev.opskit.monitoring.testing;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.DashboardName;
import dev.opskit.monitoring.dashboard.DashboardSummary;
import dev.opskit.monitoring.dashboard.Dashboards;
import dev.opskit.monitoring.internal.DashboardsImpl;
import dev.opskit.monitoring.internal.InMemoryCloudWatch;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link Dashboards} in memory, for tests of code that manages dashboards, without AWS or an emulator.
 *
 * <pre>{@code
 * FakeDashboards dashboards = FakeDashboards.using(ctx);       // any context: none of its clients is used
 * myCode.publishDashboards(dashboards);
 * assertThat(dashboards.get("infrastructure-overview")).isPresent();
 * }</pre>
 *
 * <p>What is faked is CloudWatch, not OpsKit: the real planning (JSON-tree comparison), gate, dry run and
 * audit run on an in-memory CloudWatch that keeps AWS's rules OpsKit relies on (GetDashboard of a missing
 * dashboard is {@code ResourceNotFound}; DeleteDashboards deletes none of its names when one is missing).
 *
 * <p>It lives in ops-monitoring's {@code testing} package rather than in ops-test because ops-monitoring's
 * own tests depend on ops-test (Maven forbids the cycle). It stays honest by passing the same contract test
 * as {@code Dashboards.using(ctx)} against moto ({@code MonitoringContractIT}). Thread-safe.
 */
public final class FakeDashboards implements Dashboards {
  private final InMemoryCloudWatch cloudWatch;
  private final Dashboards dashboards;

  private FakeDashboards(OpsContext ctx, InMemoryCloudWatch cloudWatch) {
    this.cloudWatch = cloudWatch;
    this.dashboards = new DashboardsImpl(ctx, cloudWatch);
  }

  /**
   * Empty fake dashboards whose changes go through the context's gate (dry run, audit).
   *
   * @param ctx the context; its clock times the dashboards' last modification
   * @return the fake
   */
  public static FakeDashboards using(OpsContext ctx) {
    Checks.present("ctx", ctx, "a context");
    return new FakeDashboards(ctx, new InMemoryCloudWatch(ctx.region(), ctx.clock()));
  }

  /**
   * The same dashboards through another context, such as {@code ctx.withDryRun(true)}.
   *
   * @param ctx the context
   * @return a fake sharing this one's dashboards
   */
  public FakeDashboards withContext(OpsContext ctx) {
    return new FakeDashboards(Checks.present("ctx", ctx, "a context"), cloudWatch);
  }

  @Override
  public Plan plan(Collection<? extends DashboardDefinition> definitions) {
    return dashboards.plan(definitions);
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return dashboards.apply(plan);
  }

  @Override
  public Optional<DashboardDefinition> get(DashboardName name) {
    return dashboards.get(name);
  }

  @Override
  public Stream<DashboardSummary> list() {
    return dashboards.list();
  }

  @Override
  public List<ChangeResult<List<DashboardName>>> delete(Collection<DashboardName> names) {
    return dashboards.delete(names);
  }

  @Override
  public String toString() {
    return "FakeDashboards (in memory)";
  }
}
