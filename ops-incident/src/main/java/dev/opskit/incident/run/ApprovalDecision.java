package dev.opskit.incident.run;

import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * The answer to an approval request: who approved, who rejected, and a comment. The runner counts the
 * approvals of listed approvers against the minimum; any rejection by a listed approver rejects.
 *
 * @param approvedBy who approved
 * @param rejectedBy who rejected
 * @param comment why, or empty
 */
public record ApprovalDecision(List<String> approvedBy, List<String> rejectedBy, String comment) {
  /**
   * Validates and copies.
   *
   * @param approvedBy who approved
   * @param rejectedBy who rejected
   * @param comment why, or empty
   */
  public ApprovalDecision {
    approvedBy = Checks.list("approvedBy", approvedBy, "approver names");
    rejectedBy = Checks.list("rejectedBy", rejectedBy, "approver names");
    comment = Checks.length("comment", comment, 0, 4096);
  }

  /**
   * Approval.
   *
   * @param approvers who approved
   * @return the decision
   */
  public static ApprovalDecision approvedBy(String... approvers) {
    return new ApprovalDecision(Checks.elements("approvedBy", "approver names", approvers), List.of(), "");
  }

  /**
   * Rejection.
   *
   * @param approver who rejected
   * @param comment why
   * @return the decision
   */
  public static ApprovalDecision rejectedBy(String approver, String comment) {
    return new ApprovalDecision(List.of(), List.of(Checks.length("rejectedBy", approver, 1, 2048)), comment);
  }
}
