package dev.opskit.monitoring.health;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ECS deployment's {@code rolloutState}: {@link #COMPLETED}, {@link #FAILED}, {@link #IN_PROGRESS}, or any
 * other text AWS sends, kept as sent ({@link #of} never throws). Deployments without a circuit breaker may have
 * none ({@link #NONE}).
 *
 * @param value the state as AWS names it
 */
public record RolloutState(String value) {
  /** The deployment reached its steady state. */
  public static final RolloutState COMPLETED = new RolloutState("COMPLETED");
  /** The deployment failed (circuit breaker). */
  public static final RolloutState FAILED = new RolloutState("FAILED");
  /** The deployment is rolling out. */
  public static final RolloutState IN_PROGRESS = new RolloutState("IN_PROGRESS");
  /** AWS reported no rollout state. */
  public static final RolloutState NONE = new RolloutState("(none)");

  /**
   * Keeps the text.
   *
   * @param value the state
   */
  public RolloutState {
    value = Objects.requireNonNullElse(value, "(none)");
  }

  /**
   * The state of a text.
   *
   * @param value the text, or null
   * @return the state
   */
  public static RolloutState of(@Nullable String value) {
    return value == null || value.isEmpty() ? NONE : new RolloutState(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
