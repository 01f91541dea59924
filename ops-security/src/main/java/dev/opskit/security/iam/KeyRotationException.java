package dev.opskit.security.iam;

import dev.opskit.core.OpsException;
import org.jspecify.annotations.Nullable;

/**
 * A step of an access key rotation failed. The message names the step, why it failed, what was rolled back
 * and where the user stands now (which key works); {@link #rotation()} is the rotation's state, to inspect or
 * to save and {@linkplain AccessKeys#resume resume} once the cause is fixed. Neither holds a secret.
 */
public final class KeyRotationException extends OpsException {
  private static final long serialVersionUID = 1L;

  /** The rotation's state when the step failed. */
  @SuppressWarnings("serial") // An immutable value; the exception is not meant to be serialized across versions.
  private final KeyRotation rotation;

  /** The step that failed. */
  private final RotationStep step;

  /**
   * Creates the exception.
   *
   * @param rotation the state, with the failed step marked
   * @param step the step that failed
   * @param reason why, in words
   * @param cause the failure, or null when the step refused on its own
   */
  public KeyRotationException(KeyRotation rotation, RotationStep step, String reason, @Nullable OpsException cause) {
    super("iam:RotateAccessKey on user " + rotation.userName() + ": " + step.label() + " failed: " + reason
        + ". Now: " + rotation.whereTheUserIs() + ".", "iam:RotateAccessKey", rotation.userName(),
        cause == null ? null : cause.awsErrorCode(), cause == null ? null : cause.requestId(), cause);
    this.rotation = rotation;
    this.step = step;
  }

  /** {@return the rotation's state when the step failed} */
  public KeyRotation rotation() {
    return rotation;
  }

  /** {@return the step that failed} */
  public RotationStep step() {
    return step;
  }
}
