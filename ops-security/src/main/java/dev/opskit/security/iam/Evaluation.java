package dev.opskit.security.iam;

import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * The simulated decision for one principal, action and resource.
 *
 * @param principal the user, group or role whose policies were simulated
 * @param action the action, such as {@code s3:GetObject}
 * @param resource the resource ARN, or {@code *}
 * @param decision allowed, explicit deny or implicit deny
 * @param matchedStatements the statements that decided it (the denying ones for an explicit deny; none for an
 *     implicit deny)
 * @param missingContextValues the context keys the policies ask for that the simulation did not give
 */
public record Evaluation(Arn principal, String action, String resource, EvalDecision decision,
    List<MatchedStatement> matchedStatements, List<String> missingContextValues) {

  /**
   * Validates and copies.
   *
   * @param principal the principal
   * @param action the action
   * @param resource the resource
   * @param decision the decision
   * @param matchedStatements the deciding statements
   * @param missingContextValues the missing context keys
   */
  public Evaluation {
    Checks.present("principal", principal, "the principal's ARN");
    Checks.present("action", action, "the action");
    Checks.present("resource", resource, "the resource");
    Checks.present("decision", decision, "the decision");
    matchedStatements = Checks.list("matchedStatements", matchedStatements, "the deciding statements");
    missingContextValues = Checks.list("missingContextValues", missingContextValues, "the missing context keys");
  }

  /** {@return whether the action is allowed} */
  public boolean isAllowed() {
    return decision.isAllowed();
  }

  /** {@code arn:aws:iam::123456789012:role/app-role s3:GetObject arn:aws:s3:::app-data/* allowed by [...]}. */
  @Override
  public String toString() {
    return principal + " " + action + " " + resource + " " + decision
        + (matchedStatements.isEmpty() ? "" : " by " + matchedStatements)
        + (missingContextValues.isEmpty() ? "" : " (missing context " + missingContextValues + ")");
  }
}
