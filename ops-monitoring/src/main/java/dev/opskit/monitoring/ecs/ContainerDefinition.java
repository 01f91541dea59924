package dev.opskit.monitoring.ecs;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sizing members of a container definition, as the guide's task definition JSON writes them.
 *
 * @param name the container name (1 to 255 of letters, digits, {@code -} and {@code _})
 * @param image the image, or null (the guide's block leaves it out; registering a revision keeps the live one)
 * @param cpu CPU units reserved for the container, or null
 * @param memory the hard memory limit in MiB, or null
 * @param memoryReservation the soft memory limit in MiB, or null; at most {@code memory} when both are set
 * @param essential whether the task stops when this container stops; null means AWS's default, true
 */
public record ContainerDefinition(String name, @Nullable String image, @Nullable Integer cpu, @Nullable Integer memory,
    @Nullable Integer memoryReservation, @Nullable Boolean essential) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /**
   * Validates.
   *
   * @param name the container name
   * @param image the image, or null
   * @param cpu CPU units, or null
   * @param memory MiB, or null
   * @param memoryReservation MiB, or null
   * @param essential whether essential, or null for true
   */
  public ContainerDefinition {
    Checks.length("containerDefinitions.name", name, 1, 255);
    Checks.matches(NAME, "containerDefinitions.name", name, "letters, digits, - and _");
    if (image != null) {
      Checks.length("containerDefinitions[" + name + "].image", image, 1, 255);
    }
    if (cpu != null) {
      Checks.range("containerDefinitions[" + name + "].cpu", cpu, 0, 196_608, "0 to 196608 CPU units");
    }
    if (memory != null) {
      Checks.range("containerDefinitions[" + name + "].memory", memory, 6, Integer.MAX_VALUE, "at least 6 MiB");
    }
    if (memoryReservation != null) {
      Checks.range("containerDefinitions[" + name + "].memoryReservation", memoryReservation, 6, Integer.MAX_VALUE,
          "at least 6 MiB");
      if (memory != null) {
        Checks.range("containerDefinitions[" + name + "].memoryReservation", memoryReservation, 6, memory,
            "at most the container's memory (" + memory + " MiB)");
      }
    }
  }

  /**
   * The guide's kind of container: CPU units, a memory reservation, essential.
   *
   * @param name the name
   * @param cpu CPU units
   * @param memoryReservation MiB
   * @return the container
   */
  public static ContainerDefinition of(String name, int cpu, int memoryReservation) {
    return new ContainerDefinition(name, null, cpu, null, memoryReservation, true);
  }

  /** {@return whether the container is essential (AWS's default when absent)} */
  public boolean isEssential() {
    return essential == null || essential;
  }

  /** {@return the memory this container takes from the task: its reservation, else its hard limit, else 0} */
  public int reservedMemory() {
    return memoryReservation != null ? memoryReservation : memory != null ? memory : 0;
  }

  /**
   * The same container with other sizes.
   *
   * @param newCpu CPU units, or null
   * @param newMemory MiB, or null
   * @param newReservation MiB, or null
   * @return the container
   */
  public ContainerDefinition withSizes(@Nullable Integer newCpu, @Nullable Integer newMemory, @Nullable Integer newReservation) {
    return new ContainerDefinition(name, image, newCpu, newMemory, newReservation, essential);
  }
}
