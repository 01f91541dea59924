package dev.opskit.core.change;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Gate#apply} did with a {@link Plan}: for each resource change that was not
 * {@linkplain ResourceChange.Kind#UNCHANGED unchanged}, the result of each of its calls. In a dry run every
 * result is a {@link ChangeResult.Planned}: that is the one dry-run signal of OpsKit.
 *
 * @param plan the plan applied
 * @param results one entry per change made (or planned), in plan order
 */
public record ApplyResult(Plan plan, List<Applied> results) {

  /**
   * Validates and copies.
   *
   * @param plan the plan applied
   * @param results one entry per change made (or planned), in plan order
   */
  public ApplyResult {
    Objects.requireNonNull(plan, "plan");
    results = List.copyOf(results);
  }

  /** {@return whether nothing was sent (a dry run, or an empty plan)} */
  public boolean isPlanned() {
    return results.stream().allMatch(Applied::isPlanned);
  }

  /**
   * The results of one resource's change.
   *
   * @param change the change
   * @param results the result of each of its calls, in order
   */
  public record Applied(ResourceChange change, List<ChangeResult<?>> results) {
    /**
     * Validates and copies.
     *
     * @param change the change
     * @param results the result of each of its calls, in order
     */
    public Applied {
      Objects.requireNonNull(change, "change");
      results = List.copyOf(results);
    }

    /** {@return whether its calls were only planned} */
    public boolean isPlanned() {
      return results.stream().allMatch(ChangeResult::isPlanned);
    }

    @Override
    public String toString() {
      return change + (isPlanned() ? " (planned)" : " (applied)");
    }
  }

  /** {@code applied 3 of 3 changes} or {@code planned 3 changes (dry run)}. */
  @Override
  public String toString() {
    return isPlanned() && !results.isEmpty()
        ? "planned " + results.size() + " changes (dry run)"
        : "applied " + results.size() + " changes: " + plan.summary();
  }
}
