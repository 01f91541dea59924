package dev.opskit.monitoring.alarm;

import java.util.Set;

/**
 * Alarm actions paused for maintenance: {@link Alarms#maintenance} disables the actions of the alarms
 * that had them enabled, and {@link #close()} enables exactly those again, whatever happened in between.
 *
 * <pre>{@code
 * try (MaintenanceWindow window = alarms.maintenance(List.of("HighCPUUtilization", "DatabaseConnectionFailures"))) {
 *   // patch, restart, upgrade...
 * }
 * }</pre>
 */
public interface MaintenanceWindow extends AutoCloseable {

  /** The alarms whose actions were disabled, and will be enabled on close. */
  Set<String> paused();

  /** Enables the actions of {@link #paused()} again (through the gate). Idempotent. */
  @Override
  void close();
}
