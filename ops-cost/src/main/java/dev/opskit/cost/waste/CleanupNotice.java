package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * What one step of the cleanup cycle did (or, in a dry run, would do), for the notify hook.
 *
 * @param step the step
 * @param marked resources marked by this step, with their dates
 * @param unmarked resources whose mark was removed because they came back into use
 * @param deleted resources deleted (an idle instance: stopped) because they were still waste at their date
 * @param waiting marked resources still waste whose date has not come
 * @param dryRun whether nothing was changed (the lists say what would be)
 */
public record CleanupNotice(Cleanup.Step step, List<MarkedResource> marked, List<MarkedResource> unmarked,
    List<MarkedResource> deleted, List<MarkedResource> waiting, boolean dryRun) {
  /**
   * Validates and copies.
   *
   * @param step the step
   * @param marked resources marked by this step, with their dates
   * @param unmarked resources whose mark was removed because they came back into use
   * @param deleted resources deleted (an idle instance: stopped) because they were still waste at their date
   * @param waiting marked resources still waste whose date has not come
   * @param dryRun whether nothing was changed (the lists say what would be)
   * @throws dev.opskit.core.ValidationException when a part is missing
   */
  public CleanupNotice {
    Checks.present("step", step, "MARK or SWEEP");
    marked = Checks.list("marked", marked, "marked resources");
    unmarked = Checks.list("unmarked", unmarked, "unmarked resources");
    deleted = Checks.list("deleted", deleted, "deleted resources");
    waiting = Checks.list("waiting", waiting, "waiting resources");
  }
}
