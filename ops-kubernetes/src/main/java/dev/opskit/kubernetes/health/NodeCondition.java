package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One node condition as the kubelet reports it ({@code kubectl describe node}'s Conditions).
 *
 * @param type such as {@code Ready}, {@code MemoryPressure}, {@code DiskPressure}, {@code PIDPressure},
 *     {@code NetworkUnavailable}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason the kubelet's reason, such as {@code KubeletNotReady} or {@code NodeStatusUnknown}, or null
 * @param message the kubelet's message, or null
 * @param lastTransition when the status last changed, or null
 */
public record NodeCondition(
    String type, String status, @Nullable String reason, @Nullable String message, @Nullable Instant lastTransition) {

  /**
   * Validates.
   *
   * @param type the type
   * @param status the status
   * @param reason the reason
   * @param message the message
   * @param lastTransition the last transition
   */
  public NodeCondition {
    Checks.present("type", type, "a condition type");
    Checks.present("status", status, "True, False or Unknown");
  }

  /** {@return one line: type=status, with the reason and message when given} */
  public String toText() {
    StringBuilder sb = new StringBuilder(type).append('=').append(status);
    if (reason != null) {
      sb.append(" (").append(reason).append(')');
    }
    if (message != null) {
      sb.append(": ").append(message);
    }
    return sb.toString();
  }
}
