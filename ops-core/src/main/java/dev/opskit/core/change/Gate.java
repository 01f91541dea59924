package dev.opskit.core.change;

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
 *   <li>turns an "already exists" answer into success when the change says how to find the existing
 *       resource and finds it ({@link Change.Builder#ifAlreadyExists}), so a create retried after a lost
 *       response never makes a second resource;
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

  /** Whether this gate only plans (dry run). */
  boolean isDryRun();
}
