package dev.opskit.backup;

import dev.opskit.core.OpsException;
import dev.opskit.core.value.DbInstanceId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A step of the recovery procedure ({@link RdsBackups#recover}) failed: step 2 (the restore change), 3 (the
 * wait), 4 (verification) or 5 (the traffic switch). This is the procedure's documented step failure, not a
 * part-way apply of a plan: the procedure makes one change (the restore), and what follows it is waiting and
 * checking. The message says which step failed, why, and what exists now (a restored instance is left in
 * place, never deleted); the cause is the failure.
 */
public final class RecoveryFailedException extends OpsException {
  private static final long serialVersionUID = 1L;

  /** The step that failed. */
  private final RecoveryStep step;
  /** The restored instance that exists now, or null when none was made. */
  private final @Nullable DbInstanceId leftInPlace;

  /**
   * Creates the exception.
   *
   * @param step the step that failed
   * @param sourceInstanceId the instance being recovered
   * @param leftInPlace the restored instance that exists now, or null when none was made
   * @param cause why the step failed
   */
  public RecoveryFailedException(
      RecoveryStep step, DbInstanceId sourceInstanceId, @Nullable DbInstanceId leftInPlace, Throwable cause) {
    super(message(step, sourceInstanceId, leftInPlace, cause), "rds:recover", sourceInstanceId.value(),
        cause instanceof OpsException ops ? ops.awsErrorCode() : null,
        cause instanceof OpsException ops ? ops.requestId() : null, cause);
    this.step = step;
    this.leftInPlace = leftInPlace;
  }

  private static String message(RecoveryStep step, DbInstanceId source, @Nullable DbInstanceId leftInPlace, Throwable cause) {
    String now = leftInPlace == null
        ? "no instance was created"
        : "restored instance " + leftInPlace + " exists and was left in place; delete it or finish the recovery by hand";
    return "rds:recover on " + source + ": step " + step.number() + " (" + step.name().toLowerCase(java.util.Locale.ROOT)
        + ") failed: " + cause.getMessage() + ". Now: " + now + ".";
  }

  /** {@return the step that failed} */
  public RecoveryStep step() {
    return step;
  }

  /** {@return the restored instance that exists now, if one was made} */
  public Optional<DbInstanceId> leftInPlace() {
    return Optional.ofNullable(leftInPlace);
  }
}
