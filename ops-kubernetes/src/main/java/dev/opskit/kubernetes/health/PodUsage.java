package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;

/**
 * One pod's usage, as {@code kubectl top pods} shows it: its containers' usage summed.
 *
 * @param namespace its namespace
 * @param name its name
 * @param cpuMillis CPU in use, in millicores
 * @param memoryBytes memory in use (working set), in bytes
 */
public record PodUsage(String namespace, String name, long cpuMillis, long memoryBytes) {

  /**
   * Validates.
   *
   * @param namespace the namespace
   * @param name the name
   * @param cpuMillis CPU
   * @param memoryBytes memory
   */
  public PodUsage {
    Checks.present("namespace", namespace, "a namespace");
    Checks.present("name", name, "a pod name");
  }
}
