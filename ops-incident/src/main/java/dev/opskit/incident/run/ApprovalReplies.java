package dev.opskit.incident.run;

import java.util.Optional;

/** The channel approvers answer an SNS approval request on, wired by the user. */
@FunctionalInterface
public interface ApprovalReplies {

  /**
   * Looks for the answer to a request.
   *
   * @param request the request
   * @return the decision, or empty while there is none yet
   */
  Optional<ApprovalDecision> poll(ApprovalRequest request);
}
