package dev.opskit.kubernetes.scaling;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.kubernetes.rollout.DeploymentRef;
import dev.opskit.kubernetes.scaling.internal.WorkloadsImpl;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * The requests and limits of a deployment's containers ({@code kubectl set resources}).
 *
 * <pre>{@code
 * Workloads.using(ctx, k8s).setResources(DeploymentRef.parse("production/api-deployment"), "api",
 *     ContainerResources.guide());
 * }</pre>
 */
public interface Workloads {
  /**
   * Workloads of a cluster, changes through the context's gate.
   *
   * @param ctx the context
   * @param client the cluster's client
   * @return the operations
   */
  static Workloads using(OpsContext ctx, KubernetesClient client) {
    return new WorkloadsImpl(ctx, client);
  }

  /**
   * Sets a container's cpu, memory and ephemeral-storage requests and limits to exactly these (an absent amount is
   * removed; other resources, such as GPUs, are kept): one JSON patch of that container through the gate
   * ({@code kubernetes:SetResources}), nothing written when they already are.
   *
   * @param deployment the deployment
   * @param container the container's name
   * @param resources the resources
   * @return the update; {@code Applied} with {@code changed == false} when nothing changed, {@code Planned} in a dry
   *     run
   * @throws dev.opskit.core.ValidationException when the container is not a DNS-1123 label or not the deployment's
   * @throws dev.opskit.core.ResourceNotFoundException when the deployment does not exist
   */
  ChangeResult<ResourcesUpdate> setResources(DeploymentRef deployment, String container, ContainerResources resources);

  /**
   * The resources of each container of a deployment (init containers included), in template order.
   *
   * @param deployment the deployment
   * @return container name to its resources
   * @throws dev.opskit.core.ResourceNotFoundException when the deployment does not exist
   */
  Map<String, ContainerResources> resources(DeploymentRef deployment);
}
