package dev.opskit.core.internal;

/**
 * Stands in for a failure as a cause (an SDK exception, a fabric8 one): its class name, scrubbed message and
 * stack trace, never a secret its message echoed (AWS or a Kubernetes API server may quote the request body,
 * values in base64). Its causes and suppressed exceptions (the SDK adds one per failed attempt) are scrubbed
 * stand-ins too, to a bounded depth so a cyclic chain ends. The original is not kept: it may carry the request.
 */
public final class ScrubbedCause extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 32;
  /** The class name of the exception this stands in for. */
  private final String originalType;

  /**
   * A scrubbed stand-in.
   *
   * @param original the exception to stand in for
   * @param redaction the values to scrub from its messages (and its causes' and suppressed exceptions')
   */
  public ScrubbedCause(Throwable original, Redaction redaction) {
    this(original, redaction, 0);
  }

  private ScrubbedCause(Throwable original, Redaction redaction, int depth) {
    super(redaction.scrub(original.getMessage()),
        original.getCause() == null || original.getCause() == original || depth >= MAX_DEPTH
            ? null : new ScrubbedCause(original.getCause(), redaction, depth + 1));
    this.originalType = original.getClass().getName();
    setStackTrace(original.getStackTrace());
    if (depth < MAX_DEPTH) {
      for (Throwable suppressed : original.getSuppressed()) {
        addSuppressed(new ScrubbedCause(suppressed, redaction, depth + 1));
      }
    }
  }

  /** {@return the original's class name and the scrubbed message, as the original's toString would show them} */
  @Override
  @SuppressWarnings("OverrideThrowableToString") // on purpose: a stack trace names the original's class, not ours
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalType : originalType + ": " + message;
  }
}
