package dev.opskit.monitoring.dashboard;

import dev.opskit.core.OpsException;
import java.util.List;

/**
 * Applying dashboards failed part-way. Nothing is rolled back: the dashboards in {@link #applied()} were
 * handled (created, updated or found unchanged), the failed one and the ones after it were not.
 * Dashboards are desired state, so applying the same definitions again finishes the job and leaves the
 * handled ones unchanged. The cause is the {@link OpsException} of the failed read or PutDashboard call.
 */
public final class DashboardApplyException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final transient List<DashboardChange> applied;
  private final int total;

  /**
   * Creates the exception.
   *
   * @param applied what was done with the dashboards before the failure, in order
   * @param total how many dashboards were to be applied in all
   * @param cause the failure for the next dashboard
   */
  public DashboardApplyException(List<DashboardChange> applied, int total, OpsException cause) {
    super(message(applied, total, cause), cause.operation(), cause.resource(), cause.awsErrorCode(),
        cause.requestId(), cause);
    this.applied = List.copyOf(applied);
    this.total = total;
  }

  /** What was done with the dashboards handled before the failure, in order. */
  public List<DashboardChange> applied() {
    return applied;
  }

  /** How many dashboards were to be applied in all. */
  public int total() {
    return total;
  }

  private static String message(List<DashboardChange> applied, int total, OpsException cause) {
    String done = applied.isEmpty() ? "none"
        : String.join(", ", applied.stream().map(DashboardChange::toString).toList());
    return "applying dashboards failed at dashboard " + (applied.size() + 1) + " of " + total + " ("
        + cause.getMessage() + "). Done before the failure and left in place: " + done
        + ". Not applied: the failed dashboard and the " + (total - applied.size() - 1)
        + " after it. Apply the same definitions again to finish.";
  }
}
