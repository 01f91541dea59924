package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import java.util.Set;

/**
 * Alarm actions paused, for maintenance: {@link Alarms#pauseActions} disables the actions of the alarms
 * that had them enabled, and {@link #close()} enables exactly those again, whatever happened in between.
 *
 * <pre>{@code
 * try (PausedActions paused = alarms.pauseActions("HighCPUUtilization", "DatabaseConnectionFailures")) {
 *   // patch, restart, upgrade...
 * }
 * }</pre>
 */
public interface PausedActions extends AutoCloseable {

  /** {@return the alarms whose actions were disabled, and will be enabled on close} */
  Set<AlarmName> alarms();

  /** Enables the actions of {@link #alarms()} again (through the gate). Idempotent. */
  @Override
  void close();
}
