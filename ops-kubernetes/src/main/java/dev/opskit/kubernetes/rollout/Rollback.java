package dev.opskit.kubernetes.rollout;

import dev.opskit.core.value.Checks;
import java.util.Map;

/**
 * What {@link Rollouts#undo} did: the revision whose pod template the deployment now has.
 *
 * @param deployment the deployment
 * @param revision the revision rolled back to ({@code deployment.kubernetes.io/revision} of its ReplicaSet)
 * @param images the images of that revision, by container name, in the template's order
 * @param changed false when the deployment's template already matched that revision (kubectl's "skipped
 *     rollback"): nothing was written
 */
public record Rollback(DeploymentRef deployment, long revision, Map<String, String> images, boolean changed) {
  /**
   * Validates and copies.
   *
   * @param deployment the deployment
   * @param revision the revision rolled back to
   * @param images the images of that revision, by container
   * @param changed whether anything was written
   */
  public Rollback {
    Checks.present("deployment", deployment, "a deployment");
    Checks.range("revision", revision, 1, Long.MAX_VALUE, "a revision number of at least 1");
    images = Checks.map("images", images, "images by container");
  }
}
