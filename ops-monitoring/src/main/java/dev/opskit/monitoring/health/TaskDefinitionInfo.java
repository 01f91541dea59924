package dev.opskit.monitoring.health;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The task definition a service runs.
 *
 * @param arn its ARN
 * @param family such as {@code api-service}
 * @param revision such as 3
 * @param cpu task CPU units as AWS sent them (such as {@code 256}), or null when set per container
 * @param memory task memory in MiB as AWS sent it (such as {@code 512}), or null when set per container
 */
public record TaskDefinitionInfo(String arn, String family, int revision, @Nullable String cpu, @Nullable String memory) {
  /**
   * Validates.
   *
   * @param arn the ARN
   * @param family the family
   * @param revision the revision
   * @param cpu the CPU units
   * @param memory the memory
   */
  public TaskDefinitionInfo {
    Checks.present("arn", arn, "an ARN");
    Checks.present("family", family, "a family");
  }

  /** {@code api-service:3 (cpu 256, memory 512)}. */
  @Override
  public String toString() {
    return family + ":" + revision + " (cpu " + (cpu == null ? "-" : cpu) + ", memory " + (memory == null ? "-" : memory)
        + ")";
  }
}
