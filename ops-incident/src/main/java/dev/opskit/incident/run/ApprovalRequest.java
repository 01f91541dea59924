package dev.opskit.incident.run;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An approval a runbook asks for.
 *
 * @param executionId the execution
 * @param runbook the runbook's name
 * @param step the approval step's name
 * @param approvers who may approve
 * @param minRequiredApprovals approvals needed
 * @param message what the approvers are asked (references resolved)
 * @param notificationArn the SNS topic to tell, or null
 * @param deadline when the request times out
 */
public record ApprovalRequest(String executionId, String runbook, String step, List<String> approvers,
    int minRequiredApprovals, String message, @Nullable String notificationArn, Instant deadline) {
  /**
   * Validates and copies.
   *
   * @param executionId the execution
   * @param runbook the runbook's name
   * @param step the approval step's name
   * @param approvers who may approve
   * @param minRequiredApprovals approvals needed
   * @param message what the approvers are asked
   * @param notificationArn the SNS topic to tell, or null
   * @param deadline when the request times out
   */
  public ApprovalRequest {
    Checks.present("executionId", executionId, "an id");
    Checks.present("runbook", runbook, "a name");
    Checks.present("step", step, "a name");
    approvers = Checks.list("approvers", approvers, "approvers");
    Checks.present("message", message, "a message");
    Checks.present("deadline", deadline, "a time");
  }
}
