package dev.opskit.kubernetes.scaling;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.DesiredState;
import dev.opskit.kubernetes.scaling.internal.AutoscalersImpl;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * autoscaling/v2 HorizontalPodAutoscalers as desired state: {@link #plan} compares definitions with the cluster
 * (create, update with the fields that differ, unchanged, and delete of HPAs carrying the {@link ManagedBy} label
 * that no definition names), {@link #apply} makes exactly the plan's changes through the gate
 * ({@code kubernetes:CreateHorizontalPodAutoscaler}, {@code kubernetes:UpdateHorizontalPodAutoscaler},
 * {@code kubernetes:DeleteHorizontalPodAutoscaler}); a dry run plans them and writes nothing.
 *
 * <pre>{@code
 * Autoscalers hpas = Autoscalers.using(ctx, k8s);
 * Plan plan = hpas.plan(List.of(HpaDefinition.fromYaml(yaml)));
 * System.out.println(plan.render());
 * hpas.apply(plan);
 * HpaStatus status = hpas.status("default", "api-hpa");
 * }</pre>
 */
public interface Autoscalers extends DesiredState<HpaDefinition> {
  /**
   * Autoscalers of a cluster, marked with {@link ManagedBy#OPSKIT}.
   *
   * @param ctx the context
   * @param client the cluster's client
   * @return the operations
   */
  static Autoscalers using(OpsContext ctx, KubernetesClient client) {
    return using(ctx, client, ManagedBy.OPSKIT);
  }

  /**
   * Autoscalers of a cluster with a marker label of one's own.
   *
   * @param ctx the context
   * @param client the cluster's client
   * @param managedBy the label marking the HPAs this manages
   * @return the operations
   */
  static Autoscalers using(OpsContext ctx, KubernetesClient client, ManagedBy managedBy) {
    return new AutoscalersImpl(ctx, client, managedBy);
  }

  /**
   * What an HPA reports, with a warning for each container of its target that lacks the request a Utilization
   * metric divides by (the HPA cannot compute the utilization then, as {@code kubectl describe hpa} shows with
   * "missing request for cpu").
   *
   * @param namespace the namespace
   * @param name the HPA's name
   * @return the status
   * @throws dev.opskit.core.ValidationException when the namespace or name is malformed
   * @throws dev.opskit.core.ResourceNotFoundException when the HPA does not exist
   */
  HpaStatus status(String namespace, String name);
}
