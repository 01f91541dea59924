package dev.opskit.monitoring.metrics;

import dev.opskit.core.value.Checks;
import java.time.Instant;

/**
 * One value of a series.
 *
 * @param timestamp the start of its period
 * @param value the value
 */
public record Datapoint(Instant timestamp, double value) {
  /**
   * Validates.
   *
   * @param timestamp the start of its period
   * @param value the value
   */
  public Datapoint {
    Checks.present("timestamp", timestamp, "a timestamp");
  }
}
