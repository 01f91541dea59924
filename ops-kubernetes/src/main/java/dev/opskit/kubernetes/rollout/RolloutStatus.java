package dev.opskit.kubernetes.rollout;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Where a Deployment's rollout stands, judged exactly as {@code kubectl rollout status} judges it.
 *
 * @param deployment the deployment
 * @param phase the step the rollout is at
 * @param generation {@code metadata.generation}: the spec's version
 * @param observedGeneration {@code status.observedGeneration}: the version the controller has acted on
 * @param desiredReplicas {@code spec.replicas}; null when the spec leaves it out (the API server defaults it to 1)
 * @param replicas {@code status.replicas}: pods of every revision
 * @param updatedReplicas {@code status.updatedReplicas}: pods of the current template
 * @param availableReplicas {@code status.availableReplicas}
 * @param message what kubectl would print, such as {@code 2 of 3 updated replicas are available}; for
 *     {@link Phase#PROGRESS_DEADLINE_EXCEEDED}, the Progressing condition's message
 */
public record RolloutStatus(DeploymentRef deployment, Phase phase, long generation, long observedGeneration,
    @Nullable Integer desiredReplicas, int replicas, int updatedReplicas, int availableReplicas, String message) {

  /**
   * Validates.
   *
   * @param deployment the deployment
   * @param phase the step the rollout is at
   * @param generation {@code metadata.generation}
   * @param observedGeneration {@code status.observedGeneration}
   * @param desiredReplicas {@code spec.replicas}, or null
   * @param replicas {@code status.replicas}
   * @param updatedReplicas {@code status.updatedReplicas}
   * @param availableReplicas {@code status.availableReplicas}
   * @param message what kubectl would print
   */
  public RolloutStatus {
    Checks.present("deployment", deployment, "a deployment");
    Checks.present("phase", phase, "a phase");
    Checks.present("message", message, "a message");
  }

  /** {@return whether the rollout finished: every replica updated and available, no old one left} */
  public boolean isComplete() {
    return phase == Phase.COMPLETE;
  }

  /** {@return whether the rollout failed: the controller gave up after {@code spec.progressDeadlineSeconds}} */
  public boolean isFailed() {
    return phase == Phase.PROGRESS_DEADLINE_EXCEEDED;
  }

  /** The steps of a rollout, in the order {@code kubectl rollout status} checks them. */
  public enum Phase {
    /** {@code status.observedGeneration} is behind {@code metadata.generation}: the controller has not seen the spec yet. */
    AWAITING_OBSERVATION,
    /** The Progressing condition has reason {@code ProgressDeadlineExceeded}: the rollout failed. */
    PROGRESS_DEADLINE_EXCEEDED,
    /** Fewer than {@code spec.replicas} pods run the current template. */
    UPDATING,
    /** Pods of older revisions are still being terminated. */
    TERMINATING_OLD,
    /** Some updated pods are not available yet. */
    BECOMING_AVAILABLE,
    /** Done: {@code kubectl rollout status} reports "successfully rolled out". */
    COMPLETE
  }
}
