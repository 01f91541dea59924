package dev.opskit.backup;

import dev.opskit.core.OpsException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A recovery stopped part-way. The message says which step failed, why, and what exists now (for
 * example that the restored instance exists and was left in place); the cause is the failure.
 */
public final class RecoveryFailedException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final RecoveryStep step;
  private final @Nullable String leftInPlace;

  /**
   * Creates the exception.
   *
   * @param step the step that failed
   * @param sourceInstanceId the instance being recovered
   * @param leftInPlace the restored instance that exists now, or null when none was made
   * @param cause why the step failed
   */
  public RecoveryFailedException(
      RecoveryStep step, String sourceInstanceId, @Nullable String leftInPlace, Throwable cause) {
    super(message(step, sourceInstanceId, leftInPlace, cause), "rds:recover", sourceInstanceId,
        cause instanceof OpsException ops ? ops.awsErrorCode() : null,
        cause instanceof OpsException ops ? ops.requestId() : null, cause);
    this.step = step;
    this.leftInPlace = leftInPlace;
  }

  private static String message(RecoveryStep step, String source, @Nullable String leftInPlace, Throwable cause) {
    String now = leftInPlace == null
        ? "no instance was created"
        : "restored instance " + leftInPlace + " exists and was left in place; delete it or finish the recovery by hand";
    return "rds:recover on " + source + ": step " + (step.ordinal() + 1) + " (" + step.name().toLowerCase(java.util.Locale.ROOT)
        + ") failed: " + cause.getMessage() + ". Now: " + now + ".";
  }

  /** The step that failed. */
  public RecoveryStep step() {
    return step;
  }

  /** The restored instance that exists now, if one was made. */
  public Optional<String> leftInPlace() {
    return Optional.ofNullable(leftInPlace);
  }
}
