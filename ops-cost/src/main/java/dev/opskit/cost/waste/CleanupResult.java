package dev.opskit.cost.waste;

import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.value.Checks;

/**
 * What one step of the cleanup cycle did: its plan (exactly the calls made, or in a dry run the calls that would be
 * made), what the gate answered, and the notice the hook was given.
 *
 * @param notice the notice (marked, unmarked, deleted, waiting)
 * @param applied the plan and the gate's results
 */
public record CleanupResult(CleanupNotice notice, ApplyResult applied) {
  /**
   * Validates.
   *
   * @param notice the notice (marked, unmarked, deleted, waiting)
   * @param applied the plan and the gate's results
   * @throws dev.opskit.core.ValidationException when a part is missing
   */
  public CleanupResult {
    Checks.present("notice", notice, "a CleanupNotice");
    Checks.present("applied", applied, "an ApplyResult");
  }
}
