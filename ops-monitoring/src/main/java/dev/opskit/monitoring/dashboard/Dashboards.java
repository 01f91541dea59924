package dev.opskit.monitoring.dashboard;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.internal.DashboardsImpl;
import dev.opskit.monitoring.internal.Inputs;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CloudWatch dashboards as code, in OpsKit's one desired-state vocabulary ({@link DesiredState}: a
 * {@link Plan} of resource changes, {@link ApplyResult}, drift). {@link #define} makes a definition (a value,
 * no I/O); {@link #using} gives the operations bound to a context. Every change goes through the context's
 * gate.
 *
 * <pre>{@code
 * Dashboards dashboards = Dashboards.using(ctx);
 * Plan plan = dashboards.plan(List.of(DashboardPresets.coreMetrics()));
 * System.out.println(plan.render());   // + create dashboard infrastructure-overview
 * dashboards.apply(plan);
 * }</pre>
 */
public interface Dashboards extends DesiredState<DashboardDefinition> {

  /**
   * Starts a dashboard definition.
   *
   * @param name 1 to 255 letters, digits, hyphens and underscores, such as {@code infrastructure-overview}
   * @return a builder
   */
  static DashboardDefinition.Builder define(String name) {
    return DashboardDefinition.builder(name);
  }

  /**
   * Starts a dashboard definition.
   *
   * @param name the dashboard name
   * @return a builder
   */
  static DashboardDefinition.Builder define(DashboardName name) {
    return DashboardDefinition.builder(name);
  }

  /**
   * The dashboard operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static Dashboards using(OpsContext ctx) {
    return DashboardsImpl.of(ctx);
  }

  /**
   * Compares each definition with its live dashboard (GetDashboard) as JSON trees: a missing dashboard is a
   * create, a body that differs an update whose field differences name the parts of {@code DashboardBody}
   * that differ ({@code DashboardBody.widgets[2]}, {@code DashboardBody.periodOverride}), an equal body is
   * unchanged. Deletes nothing (dashboards carry no tags to tell whose they are; see {@link #delete}).
   *
   * @param definitions the dashboards, with unique names
   * @return the plan, in the order of the definitions
   * @throws dev.opskit.core.ValidationException for duplicate names, before any call
   */
  @Override
  Plan plan(Collection<? extends DashboardDefinition> definitions);

  /**
   * Makes exactly the plan's changes through the gate (one PutDashboard per created or updated dashboard).
   * In a dry run nothing is sent and every result is a {@link ChangeResult.Planned}.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done
   * @throws dev.opskit.core.change.PartialApplyException when a PutDashboard fails part-way: what was
   *     applied, what failed, what was not attempted
   */
  @Override
  ApplyResult apply(Plan plan);

  /**
   * One live dashboard.
   *
   * @param name the dashboard
   * @return its definition, or empty when there is none
   */
  Optional<DashboardDefinition> get(DashboardName name);

  /**
   * One live dashboard, by name.
   *
   * @param dashboardName the dashboard name
   * @return its definition, or empty when there is none
   * @throws dev.opskit.core.ValidationException when the name is not a valid dashboard name, before any call
   */
  default Optional<DashboardDefinition> get(String dashboardName) {
    return get(DashboardName.of(dashboardName));
  }

  /**
   * Every live dashboard (ListDashboards), read page by page as the stream is consumed (constant memory).
   * Close the stream (try-with-resources) when it is not consumed to the end.
   *
   * @return the dashboards, lazily
   */
  Stream<DashboardSummary> list();

  /**
   * Deletes dashboards (DeleteDashboards in batches of at most 100 names, through the gate). AWS deletes
   * none of a batch when one of its dashboards does not exist.
   *
   * @param names the dashboards
   * @return one result per call, each with the names of its batch
   * @throws dev.opskit.core.ResourceNotFoundException when a dashboard of a batch does not exist
   */
  List<ChangeResult<List<DashboardName>>> delete(Collection<DashboardName> names);

  /**
   * Deletes dashboards, by name.
   *
   * @param dashboardNames the dashboard names
   * @return one result per call
   * @throws dev.opskit.core.ValidationException when a name is not a valid dashboard name, before any call
   */
  default List<ChangeResult<List<DashboardName>>> delete(String... dashboardNames) {
    return delete(Checks.elements("dashboardNames", "dashboard names", dashboardNames).stream()
        .map(n -> Inputs.named("dashboardNames", n, DashboardName::of)).toList());
  }
}
