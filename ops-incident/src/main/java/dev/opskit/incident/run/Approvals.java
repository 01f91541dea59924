package dev.opskit.incident.run;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.SnsApprovals;
import java.time.Duration;
import java.util.List;

/**
 * How the runner asks for an approval ({@code aws:approve} steps): an in-process callback, an SNS notice with
 * a reply channel the user wires, or automatic approval in tests. Called on the runner's thread; it returns
 * the decision, or throws {@link dev.opskit.core.OperationTimeoutException} when the request's deadline
 * passes without one.
 */
@FunctionalInterface
public interface Approvals {

  /**
   * Asks for an approval and waits for the decision.
   *
   * @param request what is asked
   * @return the decision
   */
  ApprovalDecision decide(ApprovalRequest request);

  /** {@return approvals that approve at once, as the first {@code minRequiredApprovals} approvers (for tests)} */
  static Approvals autoApprove() {
    return request -> new ApprovalDecision(
        List.copyOf(request.approvers().subList(0, request.minRequiredApprovals())), List.of(), "auto-approved");
  }

  /** {@return approvals that are not configured: an approval step fails, saying how to configure them} */
  static Approvals none() {
    return request -> {
      throw new ResourceStateException("no approvals are configured for step " + request.step()
          + "; give RunbookRunner.builder(ctx).approvals(...)", "runbook:Approve", request.runbook(), null);
    };
  }

  /**
   * Approvals through SNS: the request is published (through the context's gate, so a dry run plans it) to
   * the step's {@code NotificationArn}, then {@code replies} is asked every {@code pollInterval} until it
   * gives a decision or the deadline passes.
   *
   * @param ctx the context that publishes
   * @param replies the channel the approvers answer on (a queue, a chat command, a web form...)
   * @param pollInterval how often to ask the channel, 1 second to 1 hour
   * @return the approvals
   */
  static Approvals viaSns(OpsContext ctx, ApprovalReplies replies, Duration pollInterval) {
    Checks.present("ctx", ctx, "a context");
    Checks.present("replies", replies, "a reply channel");
    Checks.duration("pollInterval", pollInterval, Duration.ofSeconds(1), Duration.ofHours(1), "1 second to 1 hour");
    return new SnsApprovals(ctx, replies, pollInterval);
  }
}
