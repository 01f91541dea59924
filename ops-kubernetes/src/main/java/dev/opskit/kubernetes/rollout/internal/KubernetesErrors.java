package dev.opskit.kubernetes.rollout.internal;

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
 * The one mapping of fabric8's {@link KubernetesClientException} to OpsKit's exceptions, for this package: 404
 * not found, 409 state, 401/403 access denied, 429 throttled, anything else (other codes, no answer) a service
 * failure. The message names the operation and the target and carries the API server's message; the Status
 * reason ({@code NotFound}, {@code Conflict}...) is the error code. The fabric8 exception is the cause.
 */
final class KubernetesErrors {
  private KubernetesErrors() {}

  /**
   * Runs one call to the API server, mapping its failure.
   *
   * @param operation the operation, such as {@code kubernetes:GetDeployment}
   * @param target the resource, such as {@code production/deployment/api}
   * @param call the call
   * @param <T> its answer
   * @return the answer
   * @throws OpsException when the call failed
   */
  static <T> T call(String operation, String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw map(e, operation, target);
    }
  }

  /**
   * Maps a failure.
   *
   * @param e the failure
   * @param operation the operation
   * @param target the resource
   * @return the OpsKit exception
   */
  static OpsException map(KubernetesClientException e, String operation, String target) {
    Status status = e.getStatus();
    @Nullable String reason = status == null ? null : status.getReason();
    @Nullable String serverMessage = status == null ? null : status.getMessage();
    int code = e.getCode();
    String said = serverMessage != null && !serverMessage.isBlank() ? serverMessage : String.valueOf(e.getMessage());
    return switch (code) {
      case 404 -> new ResourceNotFoundException("not found (HTTP 404): " + said
          + ". Check the namespace, the name and the cluster.", operation, target, reason, null, e);
      case 409 -> new ResourceStateException("conflict (HTTP 409): " + said
          + ". The object changed meanwhile: read it again and retry.", operation, target, reason, null, e);
      case 401, 403 -> new AccessDeniedException("access denied (HTTP " + code + "): " + said
          + ". Grant this identity the Kubernetes RBAC permission (and EKS access entry) for it.",
          operation, target, reason, null, e);
      case 429 -> new ThrottledException("throttled (HTTP 429): " + said + ". Slow down and retry later.",
          operation, target, reason, null, e);
      default -> new ServiceException((code > 0 ? "the API server answered HTTP " + code + ": "
          : "the API server could not be reached: ") + said, operation, target, reason, null, e);
    };
  }
}
