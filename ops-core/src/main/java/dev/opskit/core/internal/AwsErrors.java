package dev.opskit.core.internal;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** The one mapping from AWS SDK exceptions to OpsKit exceptions. */
public final class AwsErrors {
  /** How deep cause chains are followed (a cyclic chain must end). */
  private static final int MAX_CAUSE_DEPTH = 32;
  private static final Set<String> THROTTLING =
      Set.of(
          "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
          "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
          "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
          "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");
  private static final Set<String> ACCESS_DENIED =
      Set.of(
          "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException",
          "AuthorizationError", "AuthorizationErrorException", "NotAuthorized", "Forbidden",
          "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException",
          "SignatureDoesNotMatch", "InvalidSignatureException", "MissingAuthenticationToken");
  private static final Set<String> STATE =
      Set.of("ResourceInUseException", "ConflictException", "OperationAbortedException", "OperationAborted",
          "ConcurrentModificationException", "ConcurrentModification", "IncorrectState");

  private AwsErrors() {}

  /**
   * The AWS error code of an exception, or null when AWS did not answer.
   *
   * @param error any throwable
   * @return the code
   */
  public static @Nullable String errorCode(Throwable error) {
    if (error instanceof OpsException ops) {
      return ops.awsErrorCode();
    }
    if (error instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      return ase.awsErrorDetails().errorCode();
    }
    return null;
  }

  /**
   * Whether AWS said the resource being created already exists.
   *
   * @param error any throwable
   * @return true for {@code *AlreadyExists*}, {@code BucketAlreadyOwnedByYou}, Secrets Manager's
   *     {@code ResourceExistsException} and the like
   */
  public static boolean isAlreadyExists(Throwable error) {
    String code = errorCode(error);
    return code != null
        && (code.contains("AlreadyExists") || code.contains("AlreadyOwnedByYou") || code.equals("ResourceExistsException"));
  }

  /**
   * Maps an SDK exception to an OpsKit exception. Never returns an SDK exception.
   *
   * @param error the SDK exception
   * @param operation the operation, such as {@code rds:CreateDBSnapshot}
   * @param resource the resource acted on, or null
   * @param redaction scrubs secret values out of AWS's message
   * @return the OpsKit exception, with {@code error} as its cause
   */
  public static OpsException map(
      SdkException error, String operation, @Nullable String resource, Redaction redaction) {
    Integer attempts = error.numAttempts();
    String tries = attempts == null ? "" : " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
      boolean whole = error instanceof ApiCallTimeoutException;
      return new OperationTimeoutException(
          (whole ? "the AWS call did not complete within its overall timeout (RetryPolicy.apiCallTimeout)"
              : "every attempt of the AWS call timed out (RetryPolicy.apiCallAttemptTimeout)") + tries
              + "; the endpoint is slow or hung. The change may or may not have been made: check before repeating it,"
              + " or raise the timeout.",
          operation, resource, cause(error, redaction));
    }
    if (isClosedClient(error)) {
      return closedDuringCall(error, operation, resource, redaction);
    }
    if (error instanceof AwsServiceException ase) {
      String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
      String awsMessage =
          ase.awsErrorDetails() == null ? ase.getMessage() : ase.awsErrorDetails().errorMessage();
      String said = redaction.scrub((code == null ? "HTTP " + ase.statusCode() : code)
          + (awsMessage == null || awsMessage.isBlank() ? ", no message" : ": " + awsMessage));
      String requestId = ase.requestId();
      int status = ase.statusCode();
      // Scrub the cause too: its message may echo a secret from the request.
      Throwable cause = cause(error, redaction);
      if (ase.isThrottlingException() || (code != null && THROTTLING.contains(code)) || status == 429) {
        return new ThrottledException(
            "AWS throttled the call" + tries + " (" + said + "); the retry budget (RetryPolicy.maxAttempts) is spent."
                + " Slow down, lower the rate limit or ask AWS for a higher quota.",
            operation, resource, code, requestId, cause);
      }
      if ((code != null && ACCESS_DENIED.contains(code)) || status == 403) {
        return new AccessDeniedException(
            "access denied (" + said + "). Grant the IAM action " + operation + " to the caller, or check the credentials.",
            operation, resource, code, requestId, cause);
      }
      if ((code != null && (code.contains("NotFound") || code.startsWith("NoSuch"))) || status == 404) {
        return new ResourceNotFoundException(
            "not found (" + said + "). Check the identifier, region and account.",
            operation, resource, code, requestId, cause);
      }
      if ((code != null && (STATE.contains(code) || isAlreadyExists(error) || (code.startsWith("Invalid") && code.contains("State"))))
          || status == 409) {
        return new ResourceStateException(
            "the resource's state does not allow this (" + said + ").", operation, resource, code, requestId, cause);
      }
      if (status >= 500) {
        return new ServiceException(
            "the AWS service failed to handle the call" + tries + " (" + said + "); the SDK retried it within"
                + " RetryPolicy.maxAttempts. It is on AWS's side: try again later, and check the AWS Health Dashboard"
                + " if it persists.",
            operation, resource, code, requestId, cause);
      }
      return new ServiceException(
          "AWS rejected the call" + tries + " (" + said + ").", operation, resource, code, requestId, cause);
    }
    if (hasCause(error, RateLimitingInterceptor.PermitRefused.class)) {
      return new ThrottledException(
          "OpsKit's client-side rate limit (RateLimitPolicy) gave no permit within its maximum wait, so the request"
              + (attempts != null && attempts > 1 ? " (its retry, attempt " + attempts + ")" : "") + " was not sent."
              + " Lower the concurrency or raise the limit.",
          operation, resource, cause(error, redaction));
    }
    return new ServiceException(
        "the call did not complete" + tries + " (" + redaction.scrub(error.getMessage()) + ").",
        operation, resource, cause(error, redaction));
  }

  /**
   * Whether a failure says that the client (or the HTTP connection pool) was closed under the call, as
   * happens when a context is closed while another thread uses it.
   *
   * @param error any throwable
   * @return true for Apache's "Connection pool shut down", a closed client's refused timer task and the
   *     SDK's closed-client errors
   */
  public static boolean isClosedClient(Throwable error) {
    int depth = 0;
    for (Throwable t = error; t != null && depth++ < MAX_CAUSE_DEPTH; t = t.getCause()) {
      String m = t.getMessage();
      if (t instanceof IllegalStateException && m != null
          && (m.contains("pool shut down") || m.contains("has been closed") || m.contains("is closed"))) {
        return true;
      }
      // A closed SDK client's timeout scheduler refuses the call's timer task.
      if (t instanceof java.util.concurrent.RejectedExecutionException && m != null
          && (m.contains("Terminated") || m.contains("Shutting down"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * The OpsKit error for a call whose client was closed under it.
   *
   * @param error the failure
   * @param operation the operation
   * @param resource the resource, or null
   * @param redaction scrubs secret values
   * @return a {@link ResourceStateException}
   */
  public static OpsException closedDuringCall(
      Throwable error, String operation, @Nullable String resource, Redaction redaction) {
    return new ResourceStateException(
        "the context was closed while the call ran (its HTTP client is shut down); the call may or may not have"
            + " reached AWS. Use a context that stays open until its work is done.",
        operation, resource, null, null, new ScrubbedCause(error, redaction));
  }

  private static Throwable cause(SdkException error, Redaction redaction) {
    return redaction.isEmpty() ? error : new ScrubbedCause(error, redaction);
  }

  private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
    int depth = 0;
    for (Throwable t = error; t != null && depth++ < MAX_CAUSE_DEPTH; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
