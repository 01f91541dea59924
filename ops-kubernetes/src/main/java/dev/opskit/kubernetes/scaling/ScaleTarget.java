package dev.opskit.kubernetes.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.internal.KubernetesNames;
import java.util.Set;

/**
 * What an HPA scales: its {@code spec.scaleTargetRef}, a Deployment, StatefulSet or ReplicaSet of the HPA's
 * namespace.
 *
 * @param apiVersion {@code apps/v1}
 * @param kind {@code Deployment}, {@code StatefulSet} or {@code ReplicaSet}
 * @param name the workload's name (a DNS-1123 subdomain)
 */
public record ScaleTarget(String apiVersion, String kind, String name) {
  /** The kinds an HPA of OpsKit may scale. */
  public static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "ReplicaSet");
  private static final String FIELD = "spec.scaleTargetRef";

  /**
   * Validates.
   *
   * @param apiVersion the API version
   * @param kind the kind
   * @param name the name
   * @throws ValidationException naming the field path ({@code spec.scaleTargetRef.kind}...)
   */
  public ScaleTarget {
    if (!"apps/v1".equals(apiVersion)) {
      throw ValidationException.of(FIELD + ".apiVersion", apiVersion, "apps/v1");
    }
    if (kind == null || !KINDS.contains(kind)) {
      throw ValidationException.of(FIELD + ".kind", kind, "Deployment, StatefulSet or ReplicaSet");
    }
    KubernetesNames.subdomain(FIELD + ".name", name);
  }

  /**
   * A Deployment.
   *
   * @param name its name
   * @return the target
   */
  public static ScaleTarget deployment(String name) {
    return new ScaleTarget("apps/v1", "Deployment", name);
  }

  /** {@code Deployment/api-deployment}. */
  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
