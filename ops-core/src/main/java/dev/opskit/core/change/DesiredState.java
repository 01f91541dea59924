package dev.opskit.core.change;

import java.util.Collection;
import java.util.List;

/**
 * Operations on one kind of desired-state definition (alarms, dashboards, automated-backup settings,
 * replication, backup plans...), all in one vocabulary: {@link #plan} compares definitions with what is
 * live and says, resource by resource, what applying them would do; {@link #apply(Plan)} makes exactly the
 * plan's changes through the gate; {@link #drift} is the non-empty part of a plan.
 *
 * <pre>{@code
 * Plan plan = alarms.plan(definitions);
 * System.out.println(plan.render());
 * ApplyResult result = alarms.apply(plan);          // ChangeResult.Planned everywhere in a dry run
 * }</pre>
 *
 * @param <D> the definition type
 */
public interface DesiredState<D> {

  /**
   * What applying the definitions would change (reads only).
   *
   * @param definitions the definitions
   * @return the plan
   */
  Plan plan(Collection<? extends D> definitions);

  /**
   * Makes exactly the plan's changes, in order, through the gate.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done (only {@link ChangeResult.Planned} results in a dry run)
   * @throws PartialApplyException when a change fails part-way
   */
  ApplyResult apply(Plan plan);

  /**
   * Plans and applies in one step.
   *
   * @param definitions the definitions
   * @return what was done
   */
  default ApplyResult apply(Collection<? extends D> definitions) {
    return apply(plan(definitions));
  }

  /**
   * Where live state differs from the definitions: the plan without its unchanged resources.
   *
   * @param definitions the definitions
   * @return the drift (empty when everything is as defined)
   */
  default Plan drift(Collection<? extends D> definitions) {
    return plan(definitions).drift();
  }

  /**
   * The plan of one definition.
   *
   * @param definition the definition
   * @return the plan
   */
  default Plan plan(D definition) {
    return plan(List.of(definition));
  }
}
