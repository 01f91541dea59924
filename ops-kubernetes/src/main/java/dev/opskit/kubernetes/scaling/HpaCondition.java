package dev.opskit.kubernetes.scaling;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One condition of an HPA's status, as {@code kubectl describe hpa} lists them.
 *
 * @param type {@code AbleToScale}, {@code ScalingActive} or {@code ScalingLimited}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason the reason, such as {@code ValidMetricFound}, or null
 * @param message the message, or null
 */
public record HpaCondition(String type, String status, @Nullable String reason, @Nullable String message) {
  /** The HPA may scale (it can read and update the target's scale). */
  public static final String ABLE_TO_SCALE = "AbleToScale";
  /** The HPA computes a scale from its metrics. */
  public static final String SCALING_ACTIVE = "ScalingActive";
  /** The desired scale was capped by minReplicas or maxReplicas. */
  public static final String SCALING_LIMITED = "ScalingLimited";

  /**
   * Validates.
   *
   * @param type the type
   * @param status the status
   * @param reason the reason
   * @param message the message
   */
  public HpaCondition {
    Checks.present("type", type, "a condition type");
    Checks.present("status", status, "True, False or Unknown");
  }

  /** {@return whether its status is True} */
  public boolean isTrue() {
    return "True".equals(status);
  }
}
