package dev.opskit.cost.waste.internal;

import dev.opskit.core.change.Change;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.util.List;

/** One kind of waste: how to list its resources (every page), mark, unmark and remove one. */
interface KindScan {
  /** {@return the kind} */
  WasteKind kind();

  /**
   * Lists every resource of the kind, each with its finding when it is waste.
   *
   * @param criteria the thresholds
   * @param estimator prices findings
   * @return the resources
   */
  List<Scanned> scan(WasteCriteria criteria, Estimator estimator);

  /**
   * The change that adds a tag.
   *
   * @param id the resource
   * @param key the tag key
   * @param value the tag value
   * @return the change
   */
  Change<?> tag(String id, String key, String value);

  /**
   * The change that removes a tag, only if it still has the value seen.
   *
   * @param id the resource
   * @param key the tag key
   * @param value the value seen
   * @return the change
   */
  Change<?> untag(String id, String key, String value);

  /**
   * The changes that remove the waste.
   *
   * @param id the resource
   * @param markValue the mark's value (for kinds whose resource stays, such as a stopped instance, the mark goes)
   * @return the changes, in order
   */
  List<Change<?>> remove(String id, String markValue);
}
