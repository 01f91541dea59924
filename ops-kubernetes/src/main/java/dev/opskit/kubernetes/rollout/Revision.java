package dev.opskit.kubernetes.rollout;

import dev.opskit.core.value.Checks;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One revision of a Deployment, as {@code kubectl rollout history} lists it: one of the deployment's ReplicaSets.
 *
 * @param number the {@code deployment.kubernetes.io/revision} annotation of the ReplicaSet
 * @param replicaSet the ReplicaSet's name
 * @param images the images of its pod template, by container name (init containers too), in the template's order
 * @param changeCause the {@code kubernetes.io/change-cause} annotation, or null when there is none
 * @param current whether the deployment's pod template is this revision's (ignoring the {@code pod-template-hash}
 *     label): the revision that is rolled out or rolling out
 */
public record Revision(long number, String replicaSet, Map<String, String> images, @Nullable String changeCause,
    boolean current) {
  /**
   * Validates and copies.
   *
   * @param number the revision number
   * @param replicaSet the ReplicaSet's name
   * @param images the images by container
   * @param changeCause the change cause, or null
   * @param current whether it is the current revision
   */
  public Revision {
    Checks.range("number", number, 1, Long.MAX_VALUE, "a revision number of at least 1");
    Checks.present("replicaSet", replicaSet, "a ReplicaSet name");
    images = Checks.map("images", images, "images by container");
  }
}
