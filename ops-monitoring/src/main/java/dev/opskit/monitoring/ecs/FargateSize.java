package dev.opskit.monitoring.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task size Fargate runs: CPU units (1024 = 1 vCPU) and memory in MiB, from AWS's table of valid pairs:
 *
 * <table>
 *   <caption>Fargate task sizes</caption>
 *   <tr><th>cpu</th><th>memory (MiB)</th></tr>
 *   <tr><td>256</td><td>512, 1024, 2048</td></tr>
 *   <tr><td>512</td><td>1024 to 4096 in steps of 1024</td></tr>
 *   <tr><td>1024</td><td>2048 to 8192 in steps of 1024</td></tr>
 *   <tr><td>2048</td><td>4096 to 16384 in steps of 1024</td></tr>
 *   <tr><td>4096</td><td>8192 to 30720 in steps of 1024</td></tr>
 *   <tr><td>8192</td><td>16384 to 61440 in steps of 4096</td></tr>
 *   <tr><td>16384</td><td>32768 to 122880 in steps of 8192</td></tr>
 * </table>
 *
 * @param cpu CPU units
 * @param memory MiB
 */
public record FargateSize(int cpu, int memory) {
  /** The CPU values Fargate accepts. */
  public static final List<Integer> CPUS = List.of(256, 512, 1024, 2048, 4096, 8192, 16384);

  /**
   * Whether a pair is one Fargate runs.
   *
   * @param cpu CPU units
   * @param memory MiB
   * @return whether it is valid
   */
  public static boolean valid(int cpu, int memory) {
    return memoriesFor(cpu).contains(memory);
  }

  /**
   * The memory values valid with a CPU value.
   *
   * @param cpu CPU units
   * @return the memory values in MiB, ascending; empty when {@code cpu} is not a Fargate value
   */
  public static List<Integer> memoriesFor(int cpu) {
    return switch (cpu) {
      case 256 -> List.of(512, 1024, 2048);
      case 512 -> steps(1024, 4096, 1024);
      case 1024 -> steps(2048, 8192, 1024);
      case 2048 -> steps(4096, 16384, 1024);
      case 4096 -> steps(8192, 30720, 1024);
      case 8192 -> steps(16384, 61440, 4096);
      case 16384 -> steps(32768, 122880, 8192);
      default -> List.of();
    };
  }

  /**
   * What memory may go with a CPU value, for messages.
   *
   * @param cpu CPU units
   * @return such as {@code 1024, 2048, 3072 or 4096 MiB with cpu 512}
   */
  public static String allowedFor(int cpu) {
    List<Integer> m = memoriesFor(cpu);
    if (m.isEmpty()) {
      return "a Fargate cpu value " + CPUS;
    }
    String list = m.size() <= 6 ? String.join(", ", m.subList(0, m.size() - 1).stream().map(String::valueOf).toList())
        + " or " + m.get(m.size() - 1) : m.get(0) + " to " + m.get(m.size() - 1) + " in steps of " + (m.get(1) - m.get(0));
    return list + " MiB with cpu " + cpu;
  }

  /**
   * The smallest Fargate size with at least the given CPU and memory.
   *
   * @param cpu CPU units needed
   * @param memory MiB needed
   * @return the size, or empty when even the largest is too small
   */
  public static Optional<FargateSize> smallestFitting(double cpu, double memory) {
    for (int c : CPUS) {
      if (c < cpu) {
        continue;
      }
      for (int m : memoriesFor(c)) {
        if (m >= memory) {
          return Optional.of(new FargateSize(c, m));
        }
      }
    }
    return Optional.empty();
  }

  private static List<Integer> steps(int from, int to, int step) {
    List<Integer> out = new ArrayList<>();
    for (int m = from; m <= to; m += step) {
      out.add(m);
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "cpu " + cpu + ", memory " + memory + " MiB";
  }
}
