package dev.opskit.security.iam;

import dev.opskit.core.value.Checks;

/**
 * A simulation's decision for one action on one resource, in IAM's words: {@link #ALLOWED},
 * {@link #EXPLICIT_DENY} or {@link #IMPLICIT_DENY}; any other text IAM may send is kept as it came (an open
 * set: an unknown decision never throws).
 *
 * @param value the decision in IAM's words, such as {@code allowed}
 */
public record EvalDecision(String value) {
  /** A statement allows it, and none denies it. */
  public static final EvalDecision ALLOWED = new EvalDecision("allowed");
  /** A statement denies it (the denying statements are the matched ones). */
  public static final EvalDecision EXPLICIT_DENY = new EvalDecision("explicitDeny");
  /** No statement allows it. */
  public static final EvalDecision IMPLICIT_DENY = new EvalDecision("implicitDeny");

  /**
   * Validates.
   *
   * @param value the decision in IAM's words
   */
  public EvalDecision {
    Checks.present("decision", value, "a decision such as allowed, explicitDeny or implicitDeny");
  }

  /**
   * The decision for IAM's text.
   *
   * @param text IAM's text
   * @return the decision: a documented constant, or a new value keeping the text
   */
  public static EvalDecision of(String text) {
    Checks.present("decision", text, "a decision such as allowed, explicitDeny or implicitDeny");
    return switch (text) {
      case "allowed" -> ALLOWED;
      case "explicitDeny" -> EXPLICIT_DENY;
      case "implicitDeny" -> IMPLICIT_DENY;
      default -> new EvalDecision(text);
    };
  }

  /** {@return whether the action is allowed} */
  public boolean isAllowed() {
    return equals(ALLOWED);
  }

  @Override
  public String toString() {
    return value;
  }
}
