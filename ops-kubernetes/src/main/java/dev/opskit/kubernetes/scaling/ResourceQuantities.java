package dev.opskit.kubernetes.scaling;

import dev.opskit.kubernetes.scaling.internal.Quantities;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cpu, memory and ephemeral-storage amounts of a container's requests or of its limits, as Kubernetes
 * quantities ({@code 250m}, {@code 0.5}, {@code 256Mi}, {@code 1G}); each may be absent.
 *
 * @param cpu cpu, such as {@code 250m}, or null
 * @param memory memory, such as {@code 256Mi}, or null
 * @param ephemeralStorage ephemeral storage, such as {@code 1Gi}, or null
 */
public record ResourceQuantities(@Nullable String cpu, @Nullable String memory, @Nullable String ephemeralStorage) {
  /** The resource names, as Kubernetes spells them. */
  public static final String CPU = "cpu";
  /** Memory. */
  public static final String MEMORY = "memory";
  /** Ephemeral storage. */
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";

  /** No amount at all. */
  public static final ResourceQuantities NONE = new ResourceQuantities(null, null, null);

  /**
   * Validates each amount present.
   *
   * @param cpu cpu, or null
   * @param memory memory, or null
   * @param ephemeralStorage ephemeral storage, or null
   * @throws dev.opskit.core.ValidationException when an amount is not a non-negative Kubernetes quantity
   */
  public ResourceQuantities {
    if (cpu != null) {
      Quantities.check(CPU, cpu);
    }
    if (memory != null) {
      Quantities.check(MEMORY, memory);
    }
    if (ephemeralStorage != null) {
      Quantities.check(EPHEMERAL_STORAGE, ephemeralStorage);
    }
  }

  /**
   * Cpu and memory.
   *
   * @param cpu cpu, such as {@code 250m}
   * @param memory memory, such as {@code 256Mi}
   * @return the amounts
   */
  public static ResourceQuantities of(String cpu, String memory) {
    return new ResourceQuantities(cpu, memory, null);
  }

  /**
   * The amounts as Kubernetes names them, in that order, absent ones left out.
   *
   * @return {@code cpu}, {@code memory}, {@code ephemeral-storage} to amount
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    if (cpu != null) {
      m.put(CPU, cpu);
    }
    if (memory != null) {
      m.put(MEMORY, memory);
    }
    if (ephemeralStorage != null) {
      m.put(EPHEMERAL_STORAGE, ephemeralStorage);
    }
    return m;
  }

  /** {@return whether no amount is given} */
  public boolean isEmpty() {
    return cpu == null && memory == null && ephemeralStorage == null;
  }

  /**
   * Whether every amount is the same as another's ({@code 0.5} and {@code 500m} are).
   *
   * @param other the other amounts
   * @return whether they are the same amounts
   */
  public boolean sameAs(ResourceQuantities other) {
    return Quantities.same(cpu, other.cpu) && Quantities.same(memory, other.memory)
        && Quantities.same(ephemeralStorage, other.ephemeralStorage);
  }
}
