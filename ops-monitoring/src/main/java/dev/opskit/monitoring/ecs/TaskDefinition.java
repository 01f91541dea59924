package dev.opskit.monitoring.ecs;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.ecs.internal.TaskDefinitionJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The sizing of an ECS task definition, in the shape of the guide's block (RegisterTaskDefinition's members):
 *
 * <pre>{@code
 * {"family": "api-service", "cpu": "512", "memory": "1024",
 *  "containerDefinitions": [{"name": "api", "cpu": 256, "memoryReservation": 512, "essential": true}]}
 * }</pre>
 *
 * <p>Validated when made: unless {@code requiresCompatibilities} names only {@code EC2} or {@code EXTERNAL}, the task
 * size must be a Fargate pair ({@link FargateSize}); the containers' CPU units must add up to at most the task's, each
 * container's memory must fit the task's and their reservations together too; at least one container is essential.
 * Each message says what is allowed.
 *
 * @param family the family, such as {@code api-service}
 * @param cpu the task's CPU units, or null (then Fargate refuses it)
 * @param memory the task's memory in MiB, or null
 * @param containers the containers, at least one
 * @param requiresCompatibilities the launch types asked for ({@code FARGATE}, {@code EC2}, {@code EXTERNAL}); may be empty
 */
public record TaskDefinition(String family, @Nullable Integer cpu, @Nullable Integer memory,
    List<ContainerDefinition> containers, List<String> requiresCompatibilities) {
  private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Set<String> LAUNCH_TYPES = Set.of("FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES");

  /**
   * Validates and copies.
   *
   * @param family the family
   * @param cpu the task's CPU units, or null
   * @param memory the task's memory in MiB, or null
   * @param containers the containers, at least one
   * @param requiresCompatibilities the launch types; may be empty
   */
  public TaskDefinition {
    Checks.length("family", family, 1, 255);
    Checks.matches(FAMILY, "family", family, "letters, digits, - and _ (1 to 255)");
    containers = Checks.list("containerDefinitions", containers, "the task's containers");
    requiresCompatibilities = Checks.list("requiresCompatibilities", requiresCompatibilities, "launch types");
    for (String t : requiresCompatibilities) {
      Checks.require(LAUNCH_TYPES.contains(t), "requiresCompatibilities", t, "FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES");
    }
    Checks.require(!containers.isEmpty(), "containerDefinitions", "[]", "at least one container");
    Set<String> names = new HashSet<>();
    for (ContainerDefinition c : containers) {
      Checks.require(names.add(c.name()), "containerDefinitions.name", c.name(), "a name used once per task definition");
    }
    Checks.require(containers.stream().anyMatch(ContainerDefinition::isEssential), "containerDefinitions.essential",
        "false for every container", "at least one essential container (an absent essential counts as true)");
    if (requiresCompatibilities.isEmpty() || requiresCompatibilities.contains("FARGATE")) {
      checkFargate(cpu, memory);
    } else {
      if (cpu != null) {
        Checks.range("cpu", cpu, 128, 196_608, "128 to 196608 CPU units");
      }
      if (memory != null) {
        Checks.range("memory", memory, 6, Integer.MAX_VALUE, "at least 6 MiB");
      }
    }
    checkFit(cpu, memory, containers);
  }

  private static void checkFargate(@Nullable Integer cpu, @Nullable Integer memory) {
    Checks.present("cpu", cpu, "a Fargate cpu value " + FargateSize.CPUS + " (Fargate needs the task size)");
    Checks.present("memory", memory, FargateSize.allowedFor(cpu) + " (Fargate needs the task size)");
    Checks.require(FargateSize.CPUS.contains(cpu), "cpu", cpu, "a Fargate cpu value " + FargateSize.CPUS);
    Checks.require(FargateSize.valid(cpu, memory), "memory", memory, FargateSize.allowedFor(cpu) + " (Fargate)");
  }

  private static void checkFit(@Nullable Integer cpu, @Nullable Integer memory, List<ContainerDefinition> containers) {
    if (cpu != null) {
      int total = containers.stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum();
      Checks.require(total <= cpu, "containerDefinitions.cpu", total, "at most the task's cpu (" + cpu
          + ") in total; containers: " + containers.stream().map(c -> c.name() + " " + (c.cpu() == null ? 0 : c.cpu()))
              .collect(Collectors.joining(", ")));
    }
    if (memory != null) {
      for (ContainerDefinition c : containers) {
        if (c.memory() != null) {
          Checks.require(c.memory() <= memory, "containerDefinitions[" + c.name() + "].memory", c.memory(),
              "at most the task's memory (" + memory + " MiB)");
        }
      }
      int reserved = containers.stream().mapToInt(ContainerDefinition::reservedMemory).sum();
      Checks.require(reserved <= memory, "containerDefinitions.memoryReservation", reserved,
          "at most the task's memory (" + memory + " MiB) in total; containers: " + containers.stream()
              .map(c -> c.name() + " " + c.reservedMemory()).collect(Collectors.joining(", ")));
    }
  }

  /**
   * The guide's block: {@code api-service}, cpu 512, memory 1024, container {@code api} with cpu 256,
   * memoryReservation 512, essential.
   *
   * @return the definition
   */
  public static TaskDefinition guideApiService() {
    return new TaskDefinition("api-service", 512, 1024, List.of(ContainerDefinition.of("api", 256, 512)), List.of());
  }

  /**
   * Reads the guide's JSON shape.
   *
   * @param json the text
   * @return the definition
   * @throws ValidationException when it is not a valid task definition, saying what is allowed
   */
  public static TaskDefinition fromJson(@Nullable String json) {
    return TaskDefinitionJson.read(json);
  }

  /** {@return the JSON form, in the guide's shape (cpu and memory as strings), absent members left out} */
  public String toJson() {
    return TaskDefinitionJson.write(this);
  }

  /**
   * The same definition with another task size, the containers unchanged.
   *
   * @param size the size
   * @return the definition, validated again
   */
  public TaskDefinition withSize(FargateSize size) {
    return new TaskDefinition(family, size.cpu(), size.memory(), containers, requiresCompatibilities);
  }

  /**
   * The same definition with other containers.
   *
   * @param newContainers the containers
   * @return the definition, validated again
   */
  public TaskDefinition withContainers(List<ContainerDefinition> newContainers) {
    return new TaskDefinition(family, cpu, memory, newContainers, requiresCompatibilities);
  }

  /**
   * One container by name.
   *
   * @param name the name
   * @return the container
   * @throws ValidationException when there is none of that name
   */
  public ContainerDefinition container(String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> ValidationException.of(
        "container", name, "one of " + containers.stream().map(ContainerDefinition::name).toList()));
  }
}
