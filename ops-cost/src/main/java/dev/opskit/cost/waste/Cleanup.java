package dev.opskit.cost.waste;

import dev.opskit.core.change.Plan;
import java.util.Collection;

/**
 * The safe cleanup cycle, never a one-shot delete:
 *
 * <ol>
 *   <li><b>mark</b>: tag each finding with {@value #MARK_TAG} = the date (UTC) after the policy's grace from which it
 *       may go, and tell the notify hook;
 *   <li><b>sweep</b> (run daily, or at the date): re-check every marked resource with the policy's criteria; remove the
 *       mark from those that came back into use; delete, through the gate, those still waste whose date has come
 *       (an idle instance is stopped and unmarked, never terminated); tell the hook.
 * </ol>
 *
 * <p>Every change passes the context's gate, so a dry-run context plans and lists exactly the calls each step would
 * make ({@link #planMark}, {@link #planSweep} show them without calling anything).
 *
 * <pre>{@code
 * Cleanup cleanup = Waste.using(ctx).cleanup(CleanupPolicy.defaults().notifier(chat::post));
 * cleanup.mark(Waste.using(ctx).find());   // today
 * cleanup.sweep();                          // daily: unmarks what came back, deletes what is still waste at its date
 * }</pre>
 */
public interface Cleanup {
  /** The tag the mark is: its value is the date (ISO {@code yyyy-MM-dd}, UTC) from which the resource may go. */
  String MARK_TAG = "opskit:waste-delete-after";

  /** The steps of the cycle. */
  enum Step {
    /** Marking findings. */
    MARK,
    /** Re-checking marked resources: unmark, delete or wait. */
    SWEEP
  }

  /**
   * The plan of marking findings (reads nothing, calls nothing): one tag change per finding not yet marked.
   *
   * @param findings findings of {@link Waste#find}
   * @return the plan
   * @throws dev.opskit.core.ValidationException when the findings are missing
   */
  Plan planMark(Collection<Finding> findings);

  /**
   * Marks findings through the gate and tells the hook.
   *
   * @param findings findings of {@link Waste#find}
   * @return what was marked
   * @throws dev.opskit.core.change.PartialApplyException when a mark fails part-way (the hook is not called)
   */
  CleanupResult mark(Collection<Finding> findings);

  /**
   * The plan of the sweep (reads only): an update removing the mark from each marked resource back in use, a delete
   * for each one still waste whose date has come; the rest unchanged (waiting).
   *
   * @return the plan
   */
  Plan planSweep();

  /**
   * Re-checks the marked resources and applies {@link #planSweep()}'s plan through the gate, then tells the hook.
   *
   * @return what was unmarked, deleted and is waiting
   * @throws dev.opskit.core.change.PartialApplyException when a change fails part-way (the hook is not called)
   */
  CleanupResult sweep();
}
