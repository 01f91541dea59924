package dev.opskit.kubernetes.rollout.internal;

import dev.opskit.kubernetes.rollout.DeploymentRef;
import dev.opskit.kubernetes.rollout.RolloutStatus;
import dev.opskit.kubernetes.rollout.RolloutStatus.Phase;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code kubectl rollout status} for a Deployment (kubectl's {@code DeploymentStatusViewer}), check for check
 * and in its order: once {@code metadata.generation <= status.observedGeneration}, the Progressing condition
 * with reason {@code ProgressDeadlineExceeded} fails; then {@code updatedReplicas < spec.replicas} (when set),
 * {@code replicas > updatedReplicas} and {@code availableReplicas < updatedReplicas} are still rolling out;
 * otherwise it is complete. Absent numbers count as zero, as Go's zero values do.
 */
final class RolloutProgress {
  /** The Progressing condition's reason when the controller gave up (kubectl's {@code TimedOutReason}). */
  static final String TIMED_OUT_REASON = "ProgressDeadlineExceeded";

  private RolloutProgress() {}

  static RolloutStatus of(DeploymentRef ref, Deployment d) {
    long generation = d.getMetadata() == null ? 0 : orZero(d.getMetadata().getGeneration());
    DeploymentSpec spec = d.getSpec();
    @Nullable Integer desired = spec == null ? null : spec.getReplicas();
    DeploymentStatus s = d.getStatus();
    long observed = s == null ? 0 : orZero(s.getObservedGeneration());
    int replicas = s == null ? 0 : orZero(s.getReplicas());
    int updated = s == null ? 0 : orZero(s.getUpdatedReplicas());
    int available = s == null ? 0 : orZero(s.getAvailableReplicas());
    Phase phase;
    String message;
    if (generation > observed) {
      phase = Phase.AWAITING_OBSERVATION;
      message = "waiting for deployment spec update to be observed (generation " + generation + ", observed "
          + observed + ")";
    } else {
      @Nullable DeploymentCondition progressing = progressing(s);
      if (progressing != null && TIMED_OUT_REASON.equals(progressing.getReason())) {
        phase = Phase.PROGRESS_DEADLINE_EXCEEDED;
        String said = progressing.getMessage();
        message = "deployment " + ref + " exceeded its progress deadline"
            + (said == null || said.isBlank() ? "" : ": " + said);
      } else if (desired != null && updated < desired) {
        phase = Phase.UPDATING;
        message = updated + " of " + desired + " new replicas have been updated";
      } else if (replicas > updated) {
        phase = Phase.TERMINATING_OLD;
        message = (replicas - updated) + " old replicas are pending termination";
      } else if (available < updated) {
        phase = Phase.BECOMING_AVAILABLE;
        message = available + " of " + updated + " updated replicas are available";
      } else {
        phase = Phase.COMPLETE;
        message = "deployment " + ref + " successfully rolled out";
      }
    }
    return new RolloutStatus(ref, phase, generation, observed, desired, replicas, updated, available, message);
  }

  private static @Nullable DeploymentCondition progressing(@Nullable DeploymentStatus s) {
    List<DeploymentCondition> conditions = s == null ? null : s.getConditions();
    if (conditions == null) {
      return null;
    }
    for (DeploymentCondition c : conditions) {
      if (c != null && "Progressing".equals(c.getType())) {
        return c;
      }
    }
    return null;
  }

  private static long orZero(@Nullable Long value) {
    return value == null ? 0 : value;
  }

  private static int orZero(@Nullable Integer value) {
    return value == null ? 0 : value;
  }
}
