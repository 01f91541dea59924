package dev.opskit.kubernetes.health.internal;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ThrottledException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one mapping of fabric8's {@link KubernetesClientException} to OpsKit's exceptions for this package: 404 to
 * {@link ResourceNotFoundException}, 409 to {@link ResourceStateException}, 401/403 to
 * {@link AccessDeniedException}, 429 to {@link ThrottledException}, anything else to {@link ServiceException};
 * each naming the operation and the target, with the API server's own message, and the fabric8 exception as the
 * cause.
 */
public final class KubeErrors {
  /** What a 404 from the metrics API means. */
  static final String NO_METRICS_SERVER = "the metrics API (metrics.k8s.io/v1beta1) is not served (HTTP 404):"
      + " metrics-server is not installed in this cluster. Install it (the EKS add-on metrics-server, or"
      + " kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml)"
      + " and retry.";
  /** What a 503 from the metrics API means. */
  static final String METRICS_SERVER_DOWN = "the metrics API (metrics.k8s.io/v1beta1) is registered but not"
      + " answering (HTTP 503): metrics-server is installed but not available. Check its pod in kube-system"
      + " (kubectl -n kube-system get pods -l k8s-app=metrics-server) and retry.";

  private KubeErrors() {}

  /**
   * Runs a read against the API server, mapping its failure.
   *
   * @param operation such as {@code kubernetes:ListPods}
   * @param target what is read, such as {@code namespace/production}, or null for the whole cluster
   * @param call the read
   * @param <T> its answer type
   * @return its answer
   * @throws OpsException mapped from the fabric8 exception
   */
  public static <T> T read(String operation, @Nullable String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw map(e, operation, target);
    }
  }

  /**
   * Runs a read of the metrics API: a 404 says metrics-server is not installed, a 503 that it is not available.
   *
   * @param operation such as {@code kubernetes:TopNodes}
   * @param target what is read, or null for the whole cluster
   * @param call the read
   * @param <T> its answer type
   * @return its answer
   * @throws OpsException mapped from the fabric8 exception
   */
  public static <T> T readMetrics(String operation, @Nullable String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new ResourceNotFoundException(NO_METRICS_SERVER, operation, target, reason(e), null, e);
      }
      if (e.getCode() == 503) {
        throw new ServiceException(METRICS_SERVER_DOWN, operation, target, reason(e), null, e);
      }
      throw map(e, operation, target);
    }
  }

  /**
   * Maps one fabric8 failure.
   *
   * @param e the failure
   * @param operation the operation
   * @param target the target, or null
   * @return the OpsKit exception, with {@code e} as its cause
   */
  public static OpsException map(KubernetesClientException e, String operation, @Nullable String target) {
    int code = e.getCode();
    if (code <= 0) {
      // No HTTP answer (fabric8 says -1 or 0): what failed is the cause, such as a refused connection.
      return new ServiceException("the API server could not be reached or did not answer: " + rootCause(e)
          + ". Check the cluster endpoint and the network.", operation, target, e);
    }
    String said = said(e);
    String reason = reason(e);
    return switch (code) {
      case 404 -> new ResourceNotFoundException("not found (HTTP 404): " + said
          + ". Check the name, the namespace and the cluster.", operation, target, reason, null, e);
      case 409 -> new ResourceStateException("conflict (HTTP 409): " + said
          + ". Read the object again and retry.", operation, target, reason, null, e);
      case 401 -> new AccessDeniedException("not authenticated (HTTP 401): " + said
          + ". The token was refused or has expired: get a fresh EKS token.", operation, target, reason, null, e);
      case 403 -> new AccessDeniedException("forbidden (HTTP 403): " + said
          + ". Grant the identity this permission in the cluster's RBAC (its EKS access entry or aws-auth mapping).",
          operation, target, reason, null, e);
      case 429 -> new ThrottledException("throttled by the API server (HTTP 429): " + said
          + ". Retry later, or lower the request rate.", operation, target, reason, null, e);
      case 410 -> new ServiceException("the listing's continue token expired (HTTP 410): " + said
          + ". The listing took longer than the API server keeps its snapshot: list again.",
          operation, target, reason, null, e);
      default -> new ServiceException("failed (HTTP " + code + "): " + said, operation, target, reason, null, e);
    };
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

  /** The deepest cause's type and message. */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }

  /** The Status reason (such as {@code NotFound}), used as the error code. */
  private static @Nullable String reason(KubernetesClientException e) {
    Status status = e.getStatus();
    return status == null ? null : status.getReason();
  }
}
