package dev.opskit.kubernetes.scaling;

import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.rollout.DeploymentRef;

/**
 * What {@link Workloads#setResources} did to one container.
 *
 * @param deployment the deployment
 * @param container the container
 * @param previous the resources it had
 * @param resources the resources it has now (or would have, in a dry run)
 * @param changed false when it already had them: nothing was written
 */
public record ResourcesUpdate(DeploymentRef deployment, String container, ContainerResources previous,
    ContainerResources resources, boolean changed) {
  /**
   * Validates.
   *
   * @param deployment the deployment
   * @param container the container
   * @param previous the resources it had
   * @param resources the resources it has now
   * @param changed whether anything was written
   */
  public ResourcesUpdate {
    Checks.present("deployment", deployment, "a deployment");
    Checks.present("container", container, "a container name");
    Checks.present("previous", previous, "resources");
    Checks.present("resources", resources, "resources");
  }
}
