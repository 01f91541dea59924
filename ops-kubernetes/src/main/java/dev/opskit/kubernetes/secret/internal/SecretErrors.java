package dev.opskit.kubernetes.secret.internal;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.internal.Redaction;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping from fabric8's {@link KubernetesClientException} to OpsKit's exceptions for this package: by
 * HTTP status (404 not found, 409 state, 401/403 access, 429 throttled, others service), naming the operation
 * and target, with every known secret value scrubbed from the API server's message and from the cause.
 */
final class SecretErrors {
  private SecretErrors() {}

  /**
   * Runs a call against the Kubernetes API, mapping its failure.
   *
   * @param operation such as {@code kubernetes:PatchSecret}
   * @param target such as {@code production/secret/aws-credentials}
   * @param redaction the secret values to scrub
   * @param call the call
   * @param <T> its answer
   * @return its answer
   */
  static <T> T call(String operation, String target, Redaction redaction, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw map(e, operation, target, redaction);
    }
  }

  /**
   * Maps a failure.
   *
   * @param error what fabric8 threw
   * @param operation the operation
   * @param target the target
   * @param redaction the secret values to scrub
   * @return the OpsKit exception, with a scrubbed stand-in of {@code error} as its cause
   */
  static OpsException map(KubernetesClientException error, String operation, String target, Redaction redaction) {
    Throwable cause = new ScrubbedCause(error, redaction);
    if (error instanceof KubernetesClientTimeoutException) {
      return new OperationTimeoutException("the Kubernetes API did not answer in time ("
          + redaction.scrub(error.getMessage()) + "); the change may or may not have been made: check before repeating it.",
          operation, target, cause);
    }
    int code = error.getCode();
    if (code <= 0) {
      return new ServiceException("the call to the Kubernetes API did not complete ("
          + redaction.scrub(error.getMessage()) + ").", operation, target, cause);
    }
    String said = redaction.scrub(said(code, error.getStatus()));
    if (code == 404) {
      return new ResourceNotFoundException("not found (" + said + "). Check the namespace, the name and the cluster.",
          operation, target, cause);
    }
    if (code == 409) {
      return new ResourceStateException("the resource's state does not allow this (" + said + ").",
          operation, target, cause);
    }
    if (code == 401 || code == 403) {
      return new AccessDeniedException("access denied (" + said + "). Allow the caller's Kubernetes user (RBAC)"
          + " this verb on secrets in the namespace, or check the credentials.", operation, target, cause);
    }
    if (code == 429) {
      return new ThrottledException("the Kubernetes API throttled the call (" + said + "). Slow down and try again.",
          operation, target, cause);
    }
    if (code >= 500) {
      return new ServiceException("the Kubernetes API failed to handle the call (" + said + "); try again later.",
          operation, target, cause);
    }
    return new ServiceException("the Kubernetes API rejected the call (" + said + ").", operation, target, cause);
  }

  /** {@code HTTP 422 Invalid: message}; the message may echo the request (scrubbed by the caller). */
  private static String said(int code, @Nullable Status status) {
    StringBuilder text = new StringBuilder("HTTP ").append(code);
    if (status != null) {
      if (status.getReason() != null && !status.getReason().isBlank()) {
        text.append(' ').append(status.getReason());
      }
      if (status.getMessage() != null && !status.getMessage().isBlank()) {
        text.append(": ").append(status.getMessage());
      }
    }
    return text.toString();
  }
}
