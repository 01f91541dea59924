package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One node's usage, as {@code kubectl top nodes} shows it.
 *
 * @param name the node's name
 * @param cpuMillis CPU in use, in millicores
 * @param memoryBytes memory in use (working set), in bytes
 * @param cpuPercent CPU in use as a whole percentage of the node's allocatable CPU (truncated, as kubectl), or
 *     null when the node or its allocatable CPU is not known (kubectl's {@code <unknown>})
 * @param memoryPercent memory in use as a whole percentage of its allocatable memory, or null when not known
 */
public record NodeUsage(
    String name, long cpuMillis, long memoryBytes, @Nullable Integer cpuPercent, @Nullable Integer memoryPercent) {

  /**
   * Validates.
   *
   * @param name the name
   * @param cpuMillis CPU
   * @param memoryBytes memory
   * @param cpuPercent CPU percentage
   * @param memoryPercent memory percentage
   */
  public NodeUsage {
    Checks.present("name", name, "a node name");
  }
}
