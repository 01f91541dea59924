package dev.opskit.kubernetes.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.internal.KubernetesNames;
import dev.opskit.kubernetes.scaling.internal.HpaModel;
import dev.opskit.kubernetes.scaling.internal.Yaml;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An autoscaling/v2 HorizontalPodAutoscaler, as the guide's "Horizontal Pod Autoscaler (EKS)" defines it, validated
 * as the API server validates it; each failure names the field path ({@code spec.minReplicas}...).
 *
 * <pre>{@code
 * apiVersion: autoscaling/v2
 * kind: HorizontalPodAutoscaler
 * metadata: {name: api-hpa}
 * spec:
 *   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api-deployment}
 *   minReplicas: 3
 *   maxReplicas: 100
 *   metrics:
 *   - type: Resource
 *     resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
 * }</pre>
 *
 * @param namespace {@code metadata.namespace} ({@code default} when the YAML has none, as kubectl applies it)
 * @param name {@code metadata.name}
 * @param scaleTarget {@code spec.scaleTargetRef}
 * @param minReplicas {@code spec.minReplicas}, at least 1
 * @param maxReplicas {@code spec.maxReplicas}, at least {@code minReplicas}
 * @param metrics {@code spec.metrics}, Resource metrics (none: the API server's default, 80% cpu)
 * @param behavior {@code spec.behavior}, or null: the API server's defaults, and a plan leaves the live one alone
 */
public record HpaDefinition(String namespace, String name, ScaleTarget scaleTarget, int minReplicas,
    int maxReplicas, List<HpaMetric> metrics, @Nullable HpaBehavior behavior) {
  /** The namespace of a definition without one. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * Validates as the API server does.
   *
   * @param namespace the namespace
   * @param name the name
   * @param scaleTarget the scale target
   * @param minReplicas the minimum
   * @param maxReplicas the maximum
   * @param metrics the metrics
   * @param behavior the behavior, or null
   * @throws ValidationException naming the field path
   */
  public HpaDefinition {
    KubernetesNames.label("metadata.namespace", namespace);
    KubernetesNames.subdomain("metadata.name", name);
    Checks.present("spec.scaleTargetRef", scaleTarget, "a Deployment, StatefulSet or ReplicaSet");
    if (minReplicas < 1) {
      throw ValidationException.of("spec.minReplicas", minReplicas, "at least 1");
    }
    if (maxReplicas < minReplicas) {
      throw ValidationException.of("spec.maxReplicas", maxReplicas,
          "at least spec.minReplicas (" + minReplicas + ")");
    }
    metrics = Checks.list("spec.metrics", metrics, "a list of Resource metrics (may be empty)");
  }

  /**
   * A definition without behavior (the API server's defaults).
   *
   * @param namespace the namespace
   * @param name the name
   * @param scaleTarget the scale target
   * @param minReplicas the minimum
   * @param maxReplicas the maximum
   * @param metrics the metrics
   * @throws ValidationException naming the field path
   */
  public HpaDefinition(String namespace, String name, ScaleTarget scaleTarget, int minReplicas, int maxReplicas,
      List<HpaMetric> metrics) {
    this(namespace, name, scaleTarget, minReplicas, maxReplicas, metrics, null);
  }

  /**
   * This definition with a behavior.
   *
   * @param behavior the behavior, or null for the API server's defaults
   * @return the definition
   */
  public HpaDefinition withBehavior(@Nullable HpaBehavior behavior) {
    return new HpaDefinition(namespace, name, scaleTarget, minReplicas, maxReplicas, metrics, behavior);
  }

  /** {@return the guide's HPA: api-hpa scaling Deployment api-deployment from 3 to 100 at 70% cpu} */
  public static HpaDefinition guide() {
    return new HpaDefinition(DEFAULT_NAMESPACE, "api-hpa", ScaleTarget.deployment("api-deployment"), 3, 100,
        List.of(HpaMetric.cpuUtilization(70)));
  }

  /**
   * Reads one autoscaling/v2 HorizontalPodAutoscaler (the guide's YAML).
   *
   * @param yaml the text
   * @return the definition
   * @throws ValidationException when it is not one, uses what this value cannot hold (metrics other than Resource
   *     cpu/memory), or the API server would refuse it
   */
  public static HpaDefinition fromYaml(String yaml) {
    return HpaModel.definition(Yaml.hpa("yaml", yaml));
  }

  /**
   * The definition as YAML, block style, in the guide's field order, the namespace written.
   *
   * @return the text, which {@link #fromYaml} reads back as this definition
   */
  public String toYaml() {
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: autoscaling/v2\n")
        .append("kind: HorizontalPodAutoscaler\n")
        .append("metadata:\n")
        .append("  name: ").append(name).append('\n')
        .append("  namespace: ").append(namespace).append('\n')
        .append("spec:\n")
        .append("  scaleTargetRef:\n")
        .append("    apiVersion: ").append(scaleTarget.apiVersion()).append('\n')
        .append("    kind: ").append(scaleTarget.kind()).append('\n')
        .append("    name: ").append(scaleTarget.name()).append('\n')
        .append("  minReplicas: ").append(minReplicas).append('\n')
        .append("  maxReplicas: ").append(maxReplicas).append('\n');
    if (!metrics.isEmpty()) {
      sb.append("  metrics:\n");
      for (HpaMetric m : metrics) {
        sb.append("  - type: Resource\n")
            .append("    resource:\n")
            .append("      name: ").append(m.resource()).append('\n')
            .append("      target:\n")
            .append("        type: ").append(m.targetType().wire()).append('\n');
        if (m.targetType() == HpaMetric.TargetType.UTILIZATION) {
          sb.append("        averageUtilization: ").append(m.averageUtilization()).append('\n');
        } else {
          sb.append("        averageValue: \"").append(m.averageValue()).append("\"\n");
        }
      }
    }
    if (behavior != null && (behavior.scaleUp() != null || behavior.scaleDown() != null)) {
      sb.append("  behavior:\n");
      rules(sb, "scaleUp", behavior.scaleUp());
      rules(sb, "scaleDown", behavior.scaleDown());
    }
    return sb.toString();
  }

  private static void rules(StringBuilder sb, String name, @Nullable ScalingRules r) {
    if (r == null) {
      return;
    }
    sb.append("    ").append(name).append(":");
    if (r.stabilizationWindowSeconds() == null && r.selectPolicy() == null && r.policies().isEmpty()) {
      sb.append(" {}\n");
      return;
    }
    sb.append('\n');
    if (r.stabilizationWindowSeconds() != null) {
      sb.append("      stabilizationWindowSeconds: ").append(r.stabilizationWindowSeconds()).append('\n');
    }
    if (r.selectPolicy() != null) {
      sb.append("      selectPolicy: ").append(r.selectPolicy()).append('\n');
    }
    if (!r.policies().isEmpty()) {
      sb.append("      policies:\n");
      for (ScalingPolicy p : r.policies()) {
        sb.append("      - type: ").append(p.type()).append('\n')
            .append("        value: ").append(p.value()).append('\n')
            .append("        periodSeconds: ").append(p.periodSeconds()).append('\n');
      }
    }
  }

  /** {@return {@code namespace/name}, as plans name it} */
  public String id() {
    return namespace + "/" + name;
  }
}
