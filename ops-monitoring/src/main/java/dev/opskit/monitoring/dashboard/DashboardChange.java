package dev.opskit.monitoring.dashboard;

import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Dashboards#apply} did with one dashboard.
 *
 * @param name the dashboard
 * @param action what was (or, in a dry run, would be) done
 * @param call the PutDashboard call made or planned; null when unchanged
 * @param dryRun whether this was a dry run (nothing sent)
 */
public record DashboardChange(String name, Action action, @Nullable PlannedCall call, boolean dryRun) {
  /** Validates. */
  public DashboardChange {
    Checks.present("name", name, "a value (required)");
    Checks.present("action", action, "a value (required)");
  }

  /** What happens to a dashboard. */
  public enum Action {
    /** It did not exist. */
    CREATE,
    /** Its body differed. */
    UPDATE,
    /** Its body was already as defined; nothing sent. */
    UNCHANGED
  }

  /** {@code created dashboard x}, {@code would update dashboard x} (dry run), {@code unchanged dashboard x}. */
  @Override
  public String toString() {
    String verb = switch (action) {
      case CREATE -> dryRun ? "would create" : "created";
      case UPDATE -> dryRun ? "would update" : "updated";
      case UNCHANGED -> "unchanged";
    };
    return verb + " dashboard " + name;
  }
}
