package dev.opskit.core.change;

import java.util.ArrayList;
import java.util.List;

/**
 * The one door through which every change to AWS passes. Obtain it from
 * {@link dev.opskit.core.OpsContext#gate()}.
 *
 * <p>For each change the gate:
 *
 * <ul>
 *   <li>in a dry run, records the exact operation and (redacted) request, sends nothing, and returns a
 *       {@link ChangeResult.Planned};
 *   <li>otherwise calls AWS, repeating the change only for the conditions it declares retryable
 *       ({@link Change.Builder#retryWhen}), within {@link dev.opskit.core.RetryPolicy#operationAttempts()};
 *   <li>turns an "already exists" answer into success only when an earlier attempt of the same call
 *       may have made the resource (its answer was lost) and the change's lookup proves it is the one asked
 *       for ({@link Change.Builder#ifAlreadyExists}), so a create retried after a lost response never makes a
 *       second resource, and a resource that existed before the call is never taken for this call's;
 *   <li>for creates without idempotency token ({@link Change.Builder#duplicatesOfRetries}), removes what
 *       retried attempts provably made beyond AWS's answer, and says what it kept when it cannot prove it;
 *   <li>maps every SDK exception to an {@link dev.opskit.core.OpsException};
 *   <li>emits exactly one {@link dev.opskit.core.audit.AuditEvent} to the context's audit sink.
 * </ul>
 *
 * <p>Rate limiting and HTTP-level retries apply to every AWS call of the context, changes and reads alike.
 */
public interface Gate {

  /**
   * Submits a change.
   *
   * @param change the change
   * @param <R> AWS's answer type
   * @return what was done
   * @throws dev.opskit.core.OpsException when the change failed (after the event was audited)
   */
  <R> ChangeResult<R> submit(Change<R> change);

  /** {@return whether this gate only plans (dry run)} */
  boolean isDryRun();

  /**
   * Applies a plan: submits exactly the calls of its changes, in plan order, skipping the unchanged ones.
   * In a dry run every result is {@link ChangeResult.Planned}.
   *
   * @param plan the plan
   * @return the result of every call
   * @throws PartialApplyException when a call fails: what was applied, what failed, what was not attempted
   */
  default ApplyResult apply(Plan plan) {
    java.util.Objects.requireNonNull(plan, "plan");
    List<ApplyResult.Applied> done = new ArrayList<>();
    List<ResourceChange> todo = plan.changes().stream().filter(ResourceChange::isChange).toList();
    for (int i = 0; i < todo.size(); i++) {
      ResourceChange change = todo.get(i);
      List<ChangeResult<?>> results = new ArrayList<>();
      for (Change<?> step : change.steps()) {
        try {
          results.add(submit(step));
        } catch (dev.opskit.core.OpsException e) {
          throw new PartialApplyException(done, change, todo.subList(i + 1, todo.size()), e);
        }
      }
      done.add(new ApplyResult.Applied(change, results));
    }
    return new ApplyResult(plan, done);
  }
}
