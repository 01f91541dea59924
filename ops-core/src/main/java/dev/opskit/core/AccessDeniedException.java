package dev.opskit.core;

import org.jspecify.annotations.Nullable;

/**
 * AWS refused the call for lack of permission. The message names the operation, which is the IAM
 * action to grant.
 */
public final class AccessDeniedException extends OpsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message is prefixed with the operation and resource.
   *
   * @param text what happened and what to do
   * @param operation the operation, or null
   * @param resource the resource, or null
   * @param cause the cause, or null
   */
  public AccessDeniedException(String text, @Nullable String operation, @Nullable String resource, @Nullable Throwable cause) {
    super(describe(operation, resource, text), operation, resource, cause);
  }

  /**
   * Creates the exception from an AWS answer.
   *
   * @param text what happened and what to do
   * @param operation the operation, or null
   * @param resource the resource, or null
   * @param awsErrorCode the AWS error code, or null
   * @param requestId the AWS request id, or null
   * @param cause the cause, or null
   */
  public AccessDeniedException(
      String text,
      @Nullable String operation,
      @Nullable String resource,
      @Nullable String awsErrorCode,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(describe(operation, resource, text), operation, resource, awsErrorCode, requestId, cause);
  }
}
