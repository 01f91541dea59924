package dev.opskit.kubernetes.rollout;

import dev.opskit.core.value.Checks;

/**
 * What {@link Rollouts#setImage} did to one container.
 *
 * @param deployment the deployment
 * @param container the container (or init container) whose image was set
 * @param previousImage the image it had
 * @param image the image it has now (or would have, in a dry run)
 * @param changed false when the container already had {@code image}: nothing was written
 */
public record ImageUpdate(DeploymentRef deployment, String container, String previousImage, String image,
    boolean changed) {
  /**
   * Validates.
   *
   * @param deployment the deployment
   * @param container the container
   * @param previousImage the image it had
   * @param image the image it has now
   * @param changed whether anything was written
   */
  public ImageUpdate {
    Checks.present("deployment", deployment, "a deployment");
    Checks.present("container", container, "a container name");
    Checks.present("previousImage", previousImage, "an image");
    Checks.present("image", image, "an image");
  }
}
