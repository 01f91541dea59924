package dev.opskit.core;

import org.jspecify.annotations.Nullable;

/**
 * Root of OpsKit's unchecked exception hierarchy.
 *
 * <p>Every exception names the operation that failed (for example {@code rds:CreateDBSnapshot}) and,
 * where one is known, the resource it acted on. Messages say what happened and what to do next.
 * SDK exceptions never escape an OpsKit operation unwrapped: they are mapped once, in
 * {@link dev.opskit.core.internal.AwsErrors}, and chained as the cause.
 */
public abstract class OpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The operation that failed, or null. */
  private final @Nullable String operation;
  /** The resource it acted on, or null. */
  private final @Nullable String resource;
  /** AWS's error code, or null. */
  private final @Nullable String awsErrorCode;
  /** AWS's request id, or null. */
  private final @Nullable String requestId;

  /**
   * Creates an exception.
   *
   * @param message what happened and what to do
   * @param operation the operation, such as {@code rds:CreateDBSnapshot}; null when not known
   * @param resource the resource acted on; null when not known
   * @param cause the underlying cause, or null
   */
  protected OpsException(
      String message, @Nullable String operation, @Nullable String resource, @Nullable Throwable cause) {
    this(message, operation, resource, null, null, cause);
  }

  /**
   * Creates an exception that carries what AWS answered.
   *
   * @param message what happened and what to do
   * @param operation the operation; null when not known
   * @param resource the resource; null when not known
   * @param awsErrorCode the AWS error code (such as {@code DBInstanceNotFound}); null when AWS did not answer
   * @param requestId the AWS request id; null when AWS did not answer
   * @param cause the underlying cause, or null
   */
  protected OpsException(
      String message,
      @Nullable String operation,
      @Nullable String resource,
      @Nullable String awsErrorCode,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.resource = resource;
    this.awsErrorCode = awsErrorCode;
    this.requestId = requestId;
  }

  /** {@return the AWS error code, such as {@code ThrottlingException}, when AWS answered; otherwise null} */
  public @Nullable String awsErrorCode() {
    return awsErrorCode;
  }

  /** {@return the AWS request id of the failed call, when AWS answered; otherwise null} */
  public @Nullable String requestId() {
    return requestId;
  }

  /** {@return the operation that failed, such as {@code rds:CreateDBSnapshot}, or null when not known} */
  public @Nullable String operation() {
    return operation;
  }

  /** {@return the resource the operation acted on, or null when not known} */
  public @Nullable String resource() {
    return resource;
  }

  /**
   * Builds "op on resource: text" consistently for every subclass.
   *
   * @param operation the operation, or null to leave it out
   * @param resource the resource, or null to leave it out (shown only with an operation)
   * @param text what happened
   * @return the message
   */
  protected static String describe(@Nullable String operation, @Nullable String resource, String text) {
    StringBuilder sb = new StringBuilder();
    if (operation != null) {
      sb.append(operation);
      if (resource != null) {
        sb.append(" on ").append(resource);
      }
      sb.append(": ");
    } else if (resource != null) {
      sb.append(resource).append(": ");
    }
    return sb.append(text).toString();
  }
}
