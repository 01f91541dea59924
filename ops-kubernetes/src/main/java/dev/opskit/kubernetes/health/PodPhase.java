package dev.opskit.kubernetes.health;

import org.jspecify.annotations.Nullable;

/** A pod's {@code status.phase}; an open set: a phase this version does not know is {@link #UNRECOGNIZED}. */
public enum PodPhase {
  /** Accepted, not all containers running yet (scheduling, pulling images). */
  PENDING("Pending"),
  /** Bound to a node, at least one container running. */
  RUNNING("Running"),
  /** Every container ended successfully and will not restart. */
  SUCCEEDED("Succeeded"),
  /** Every container ended, at least one in failure. */
  FAILED("Failed"),
  /** The phase could not be read (the node is unreachable), or none was reported. */
  UNKNOWN("Unknown"),
  /** A phase this version of OpsKit does not know. */
  UNRECOGNIZED("Unrecognized");

  private final String text;

  PodPhase(String text) {
    this.text = text;
  }

  /**
   * The phase of Kubernetes' text.
   *
   * @param text such as {@code Running}; null or empty is {@link #UNKNOWN}
   * @return the phase, {@link #UNRECOGNIZED} for any other text (never an exception)
   */
  public static PodPhase of(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return UNKNOWN;
    }
    for (PodPhase phase : values()) {
      if (phase != UNRECOGNIZED && phase.text.equals(text)) {
        return phase;
      }
    }
    return UNRECOGNIZED;
  }

  /** {@return Kubernetes' spelling, such as {@code Running}} */
  public String text() {
    return text;
  }
}
