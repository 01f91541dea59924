package dev.opskit.core;

import org.jspecify.annotations.Nullable;

/**
 * AWS, or the network path to it, failed the call for a reason no more specific OpsKit exception
 * covers. Carries the AWS error code and request id when AWS answered.
 */
public final class ServiceException extends OpsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message is prefixed with the operation and resource.
   *
   * @param text what happened and what to do
   * @param operation the operation, or null
   * @param resource the resource, or null
   * @param cause the cause, or null
   */
  public ServiceException(String text, @Nullable String operation, @Nullable String resource, @Nullable Throwable cause) {
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
  public ServiceException(
      String text,
      @Nullable String operation,
      @Nullable String resource,
      @Nullable String awsErrorCode,
      @Nullable String requestId,
      @Nullable Throwable cause) {
    super(describe(operation, resource, text), operation, resource, awsErrorCode, requestId, cause);
  }
}
