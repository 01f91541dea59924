package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.time.Duration;

/**
 * How the cleanup cycle runs: how long a marked resource waits before it may go, what counts as waste when it is
 * re-checked, and whom to tell.
 *
 * @param grace the time between the mark and the date from which the sweep may delete; 1 to 365 whole days
 * @param criteria the criteria the sweep re-checks marked resources with
 * @param notifier the notify hook
 */
public record CleanupPolicy(Duration grace, WasteCriteria criteria, CleanupNotifier notifier) {
  /** The default grace: 7 days. */
  public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

  /**
   * Validates.
   *
   * @param grace the time between the mark and the date from which the sweep may delete; 1 to 365 whole days
   * @param criteria the criteria the sweep re-checks marked resources with
   * @param notifier the notify hook
   * @throws dev.opskit.core.ValidationException when a part is missing or the grace is out of range
   */
  public CleanupPolicy {
    Checks.duration("grace", grace, Duration.ofDays(1), Duration.ofDays(365), "1 to 365 whole days");
    Checks.require(grace.toSeconds() % 86_400 == 0, "grace", grace, "1 to 365 whole days");
    Checks.present("criteria", criteria, "WasteCriteria");
    Checks.present("notifier", notifier, "a CleanupNotifier (CleanupNotifier.NONE for none)");
  }

  /** {@return 7 days' grace, thrifty's criteria, no notifier} */
  public static CleanupPolicy defaults() {
    return new CleanupPolicy(DEFAULT_GRACE, WasteCriteria.defaults(), CleanupNotifier.NONE);
  }

  /**
   * The same policy with another grace.
   *
   * @param value the grace, whole days
   * @return the policy
   */
  public CleanupPolicy grace(Duration value) {
    return new CleanupPolicy(value, criteria, notifier);
  }

  /**
   * The same policy with other criteria.
   *
   * @param value the criteria
   * @return the policy
   */
  public CleanupPolicy criteria(WasteCriteria value) {
    return new CleanupPolicy(grace, value, notifier);
  }

  /**
   * The same policy with a notify hook.
   *
   * @param value the hook
   * @return the policy
   */
  public CleanupPolicy notifier(CleanupNotifier value) {
    return new CleanupPolicy(grace, criteria, value);
  }
}
