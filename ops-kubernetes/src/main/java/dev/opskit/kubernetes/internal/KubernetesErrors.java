package dev.opskit.kubernetes.internal;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.internal.ScrubbedCause;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping of fabric8's {@link KubernetesClientException} to OpsKit's exceptions, for every package of the
 * module. By the HTTP status of the API server's answer:
 *
 * <ul>
 *   <li>404 {@link ResourceNotFoundException};
 *   <li>409 {@link ResourceStateException};
 *   <li>401 and 403 {@link AccessDeniedException} (401: the token was refused; 403: RBAC forbids it);
 *   <li>429 {@link ThrottledException};
 *   <li>410 (a list's continue token expired) and every other status {@link ServiceException};
 *   <li>no answer in time ({@link KubernetesClientTimeoutException}, or an HTTP timeout as the root cause)
 *       {@link OperationTimeoutException}; no answer at all (a refused connection, a reset) {@link ServiceException}.
 * </ul>
 *
 * <p>The message names the operation and the target (the exceptions' constructors put them first) and carries the
 * API server's own message ({@code Status.message}, else fabric8's), then what to do. The Status reason
 * ({@code NotFound}, {@code Conflict}...) is the error code. The cause is the fabric8 exception, or, when a
 * {@link Redaction} knows secret values, a {@link ScrubbedCause} standing in for it: the API server may echo a
 * request (a secret's data, plain or base64), and fabric8's exception carries the request itself, so then every
 * text is scrubbed and the original is not kept.
 *
 * <p>A caller whose API gives some statuses a meaning of its own (the metrics API's 404: metrics-server is not
 * installed) passes those texts as {@code explained}; the exception's type is still this mapping's.
 */
public final class KubernetesErrors {
  /** How deep a cause chain is followed (a cyclic chain ends). */
  private static final int MAX_DEPTH = 32;

  private KubernetesErrors() {}

  /**
   * Runs one call to the API server, mapping its failure.
   *
   * @param operation the operation, such as {@code kubernetes:GetDeployment}
   * @param target the resource, such as {@code production/deployment/api}, or null for the whole cluster
   * @param call the call
   * @param <T> its answer
   * @return the answer
   * @throws OpsException mapped from the fabric8 exception
   */
  public static <T> T call(String operation, @Nullable String target, Supplier<T> call) {
    return call(operation, target, Redaction.none(), Map.of(), call);
  }

  /**
   * Runs one call to the API server, mapping its failure with every secret value scrubbed.
   *
   * @param operation the operation, such as {@code kubernetes:PatchSecret}
   * @param target the resource, or null for the whole cluster
   * @param redaction the secret values no message or cause may show
   * @param call the call
   * @param <T> its answer
   * @return the answer
   * @throws OpsException mapped from the fabric8 exception
   */
  public static <T> T call(String operation, @Nullable String target, Redaction redaction, Supplier<T> call) {
    return call(operation, target, redaction, Map.of(), call);
  }

  /**
   * Runs one call to the API server, mapping its failure; some statuses have their own text.
   *
   * @param operation the operation, such as {@code kubernetes:TopNodes}
   * @param target the resource, or null for the whole cluster
   * @param redaction the secret values no message or cause may show
   * @param explained for some HTTP statuses, the whole text of the message (after operation and target)
   * @param call the call
   * @param <T> its answer
   * @return the answer
   * @throws OpsException mapped from the fabric8 exception
   */
  public static <T> T call(String operation, @Nullable String target, Redaction redaction,
      Map<Integer, String> explained, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw map(e, operation, target, redaction, explained);
    }
  }

  /**
   * Maps one failure, no value to hide.
   *
   * @param e the failure
   * @param operation the operation
   * @param target the resource, or null
   * @return the OpsKit exception, with {@code e} as its cause
   */
  public static OpsException map(KubernetesClientException e, String operation, @Nullable String target) {
    return map(e, operation, target, Redaction.none(), Map.of());
  }

  /**
   * Maps one failure.
   *
   * @param e the failure
   * @param operation the operation
   * @param target the resource, or null
   * @param redaction the secret values no message or cause may show ({@link Redaction#none()}: none)
   * @param explained for some HTTP statuses, the whole text of the message (after operation and target)
   * @return the OpsKit exception, with {@code e} as its cause, or a scrubbed stand-in of it when
   *     {@code redaction} knows values
   */
  public static OpsException map(KubernetesClientException e, String operation, @Nullable String target,
      Redaction redaction, Map<Integer, String> explained) {
    Throwable cause = redaction.isEmpty() ? e : new ScrubbedCause(e, redaction);
    int code = e.getCode();
    if (code <= 0 || e instanceof KubernetesClientTimeoutException) {
      // No HTTP answer (fabric8 says -1 or 0): what failed is the root cause, such as a refused connection.
      String root = scrub(redaction, rootCause(e));
      if (timedOut(e)) {
        return new OperationTimeoutException("the API server did not answer in time: " + root
            + ". A change may or may not have been made: check before repeating it.", operation, target, cause);
      }
      return new ServiceException("the API server could not be reached or did not answer: " + root
          + ". Check the cluster endpoint and the network.", operation, target, cause);
    }
    String reason = reason(e);
    String own = explained.get(code);
    String said = scrub(redaction, said(e));
    return switch (code) {
      case 404 -> new ResourceNotFoundException(own != null ? own : "not found (HTTP 404): " + said
          + ". Check the namespace, the name and the cluster.", operation, target, reason, null, cause);
      case 409 -> new ResourceStateException(own != null ? own : "conflict (HTTP 409): " + said
          + ". The object changed meanwhile or its state does not allow this: read it again and retry.",
          operation, target, reason, null, cause);
      case 401 -> new AccessDeniedException(own != null ? own : "not authenticated (HTTP 401): " + said
          + ". The token was refused or has expired: get a fresh EKS token.", operation, target, reason, null, cause);
      case 403 -> new AccessDeniedException(own != null ? own : "forbidden (HTTP 403): " + said
          + ". Grant the identity this permission in the cluster's RBAC (its EKS access entry or aws-auth mapping).",
          operation, target, reason, null, cause);
      case 429 -> new ThrottledException(own != null ? own : "throttled by the API server (HTTP 429): " + said
          + ". Retry later, or lower the request rate.", operation, target, reason, null, cause);
      case 410 -> new ServiceException(own != null ? own : "the listing's continue token expired (HTTP 410): " + said
          + ". The listing took longer than the API server keeps its snapshot: list again.",
          operation, target, reason, null, cause);
      default -> new ServiceException(own != null ? own : code >= 500
          ? "the API server failed (HTTP " + code + "): " + said + ". Try again later."
          : "the API server rejected the request (HTTP " + code + "): " + said + ".",
          operation, target, reason, null, cause);
    };
  }

  /**
   * The Status reason of a failure, which the mapping uses as the error code.
   *
   * @param e the failure
   * @return the reason, such as {@code NotFound}; null when the answer had no Status
   */
  public static @Nullable String reason(KubernetesClientException e) {
    Status status = e.getStatus();
    return status == null ? null : status.getReason();
  }

  private static String scrub(Redaction redaction, String text) {
    return String.valueOf(redaction.scrub(text));
  }

  /** The API server's message, else fabric8's, without a final period (the text goes on after it). */
  private static String said(KubernetesClientException e) {
    Status status = e.getStatus();
    String message = status != null && status.getMessage() != null && !status.getMessage().isBlank()
        ? status.getMessage() : e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String text = message.strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /** Whether the request ended because no answer came in time. */
  private static boolean timedOut(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KubernetesClientTimeoutException || t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** The deepest cause's type and message, without a final period. */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Throwable next = root.getCause();
      if (next == null || next == root) {
        break;
      }
      root = next;
    }
    String message = root.getMessage();
    String text = root.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
