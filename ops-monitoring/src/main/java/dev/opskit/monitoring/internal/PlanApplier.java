package dev.opskit.monitoring.internal;

import dev.opskit.core.OpsException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Gate;
import dev.opskit.core.change.PartialApplyException;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a plan like {@link Gate#apply}, except that a call shared by several resource changes (one
 * DeleteAlarms for a batch of up to 100 alarms: each alarm's change lists that one call as its step) is
 * submitted once, and every change that shares it gets its result. A failure is the one part-way failure,
 * {@link PartialApplyException}: the changes before it applied, the one whose call failed, and the rest
 * (those sharing the failed call included) not attempted, as AWS deletes none of a batch that fails.
 */
final class PlanApplier {
  private PlanApplier() {}

  static ApplyResult apply(Gate gate, Plan plan) {
    Checks.present("plan", plan, "a plan (from plan(...))");
    IdentityHashMap<Change<?>, ChangeResult<?>> sent = new IdentityHashMap<>();
    List<ApplyResult.Applied> done = new ArrayList<>();
    List<ResourceChange> todo = plan.changes().stream().filter(ResourceChange::isChange).toList();
    for (int i = 0; i < todo.size(); i++) {
      ResourceChange change = todo.get(i);
      List<ChangeResult<?>> results = new ArrayList<>();
      for (Change<?> step : change.steps()) {
        ChangeResult<?> result = sent.get(step);
        if (result == null) {
          try {
            result = gate.submit(step);
          } catch (OpsException e) {
            throw new PartialApplyException(done, change, todo.subList(i + 1, todo.size()), e);
          }
          sent.put(step, result);
        }
        results.add(result);
      }
      done.add(new ApplyResult.Applied(change, results));
    }
    return new ApplyResult(plan, done);
  }
}
