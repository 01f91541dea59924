package dev.opskit.kubernetes.rollout;

import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Optional;

/**
 * The revisions of a Deployment, oldest first, as {@code kubectl rollout history} lists them.
 *
 * @param deployment the deployment
 * @param revisions its revisions, by ascending number
 */
public record RolloutHistory(DeploymentRef deployment, List<Revision> revisions) {
  /**
   * Validates and copies.
   *
   * @param deployment the deployment
   * @param revisions its revisions, by ascending number
   */
  public RolloutHistory {
    Checks.present("deployment", deployment, "a deployment");
    revisions = Checks.list("revisions", revisions, "revisions");
  }

  /**
   * Finds a revision.
   *
   * @param number the revision number
   * @return the revision, or empty when the history has no such revision
   */
  public Optional<Revision> revision(long number) {
    return revisions.stream().filter(r -> r.number() == number).findFirst();
  }

  /** {@return the newest revision, or empty when the deployment has no ReplicaSet yet} */
  public Optional<Revision> latest() {
    return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
  }
}
