package dev.opskit.monitoring.health;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event of a service (ECS service events, RDS events).
 *
 * @param at when, or null when AWS gave no time
 * @param message what happened
 */
public record ServiceEvent(@Nullable Instant at, String message) {
  /**
   * Validates.
   *
   * @param at when
   * @param message what
   */
  public ServiceEvent {
    Checks.present("message", message, "a message");
  }

  @Override
  public String toString() {
    return (at == null ? "" : at + " ") + message;
  }
}
