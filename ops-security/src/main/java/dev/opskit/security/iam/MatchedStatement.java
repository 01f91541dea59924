package dev.opskit.security.iam;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A policy statement that decided a simulated action: which policy, and where in it.
 *
 * @param sourcePolicyId the policy, as IAM names it (a policy name, an ARN, or {@code PolicyInputList.1})
 * @param sourcePolicyType its type in IAM's words ({@code user}, {@code group}, {@code role}, {@code aws-managed},
 *     {@code user-managed}, {@code resource}, {@code none}), or null when IAM sent none
 * @param startLine the statement's first line (1-based), 0 when IAM sent no position
 * @param startColumn its first column, 0 when not sent
 * @param endLine its last line, 0 when not sent
 * @param endColumn its last column, 0 when not sent
 */
public record MatchedStatement(String sourcePolicyId, @Nullable String sourcePolicyType, int startLine, int startColumn,
    int endLine, int endColumn) {

  /**
   * Validates.
   *
   * @param sourcePolicyId the policy
   * @param sourcePolicyType its type, or null
   * @param startLine the first line
   * @param startColumn the first column
   * @param endLine the last line
   * @param endColumn the last column
   */
  public MatchedStatement {
    Checks.present("sourcePolicyId", sourcePolicyId, "the policy's id");
  }

  /** {@code PolicyInputList.1 (user) 3:16-7:4}. */
  @Override
  public String toString() {
    return sourcePolicyId + (sourcePolicyType == null ? "" : " (" + sourcePolicyType + ")")
        + (startLine == 0 ? "" : " " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
  }
}
