package dev.opskit.monitoring.dashboard;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.internal.DashboardsImpl;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch dashboards as code. {@link #define} makes a definition (a value, no I/O); {@link #using}
 * gives the operations bound to a context. Every change goes through the context's gate.
 */
public interface Dashboards {

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
   * The dashboard operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static Dashboards using(OpsContext ctx) {
    return DashboardsImpl.of(ctx);
  }

  /**
   * Makes each dashboard as defined: reads its live body and sends PutDashboard (through the gate) only
   * when it is missing or its body differs as a JSON tree. Applying the same definitions twice sends
   * nothing the second time; in a dry run nothing is sent.
   *
   * @param definitions the dashboards, with unique names
   * @return one change per dashboard, in order
   * @throws dev.opskit.core.ValidationException for duplicate names, before any call
   * @throws DashboardApplyException when a read or a PutDashboard fails part-way; it says which dashboards
   *     were handled before the failure
   */
  List<DashboardChange> apply(Collection<DashboardDefinition> definitions);

  /**
   * One live dashboard.
   *
   * @param name the dashboard
   * @return its definition, or empty when there is none
   * @throws dev.opskit.core.ValidationException when the name is not a valid dashboard name, before any call
   */
  Optional<DashboardDefinition> get(String name);

  /**
   * Every live dashboard (all pages of ListDashboards).
   *
   * @return the dashboards
   */
  List<DashboardSummary> list();

  /**
   * Deletes dashboards (DeleteDashboards in batches of at most 100 names, through the gate). AWS deletes
   * none of a batch when one of its dashboards does not exist.
   *
   * @param names the dashboards
   * @throws dev.opskit.core.ValidationException when a name is not a valid dashboard name, before any call
   */
  void delete(Collection<String> names);
}
