package dev.opskit.kubernetes.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.scaling.internal.Quantities;
import dev.opskit.kubernetes.scaling.internal.Yaml;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A container's resource requests and limits (cpu, memory, optionally ephemeral storage), as the guide's "EKS
 * Performance Tuning" sets them. A limit below its request is refused, as the API server refuses it.
 *
 * <pre>{@code
 * resources:
 *   requests: {memory: "256Mi", cpu: "250m"}
 *   limits:   {memory: "512Mi", cpu: "500m"}
 * }</pre>
 *
 * @param requests what the scheduler reserves for the container
 * @param limits the most it may use (cpu throttled, memory OOM-killed above it)
 */
public record ContainerResources(ResourceQuantities requests, ResourceQuantities limits) {
  /**
   * Validates.
   *
   * @param requests the requests
   * @param limits the limits
   * @throws ValidationException when one is missing or a limit is below its request
   */
  public ContainerResources {
    Checks.present("requests", requests, "requests (ResourceQuantities.NONE for none)");
    Checks.present("limits", limits, "limits (ResourceQuantities.NONE for none)");
    below("cpu", requests.cpu(), limits.cpu());
    below("memory", requests.memory(), limits.memory());
    below("ephemeral-storage", requests.ephemeralStorage(), limits.ephemeralStorage());
  }

  /** {@return the guide's block: requests 250m cpu and 256Mi memory, limits 500m and 512Mi} */
  public static ContainerResources guide() {
    return new ContainerResources(ResourceQuantities.of("250m", "256Mi"), ResourceQuantities.of("500m", "512Mi"));
  }

  /**
   * Reads a {@code resources:} block, as in a container of a pod template.
   *
   * @param yaml the text, {@code resources:} with {@code requests} and {@code limits}
   * @return the resources
   * @throws ValidationException when the text is not such a block, names another resource or has a bad quantity
   */
  public static ContainerResources fromYaml(String yaml) {
    ResourceRequirements r = Yaml.resources("yaml", yaml);
    return of(r == null ? null : r.getRequests(), r == null ? null : r.getLimits());
  }

  /**
   * The resources of a fabric8 container's requirements.
   *
   * @param requests the requests, or null
   * @param limits the limits, or null
   * @return the resources
   * @throws ValidationException when another resource than cpu, memory or ephemeral-storage is named
   */
  static ContainerResources of(@Nullable Map<String, Quantity> requests, @Nullable Map<String, Quantity> limits) {
    return new ContainerResources(quantities("requests", requests), quantities("limits", limits));
  }

  /**
   * The {@code resources:} block, block style, each amount quoted, absent amounts left out.
   *
   * @return the YAML text
   */
  public String toYaml() {
    StringBuilder sb = new StringBuilder("resources:\n");
    section(sb, "requests", requests);
    section(sb, "limits", limits);
    return sb.toString();
  }

  private static void section(StringBuilder sb, String name, ResourceQuantities q) {
    if (q.isEmpty()) {
      return;
    }
    sb.append("  ").append(name).append(":\n");
    q.asMap().forEach((k, v) -> sb.append("    ").append(k).append(": \"").append(v).append("\"\n"));
  }

  private static ResourceQuantities quantities(String field, @Nullable Map<String, Quantity> m) {
    if (m == null || m.isEmpty()) {
      return ResourceQuantities.NONE;
    }
    for (String key : m.keySet()) {
      if (!key.equals(ResourceQuantities.CPU) && !key.equals(ResourceQuantities.MEMORY)
          && !key.equals(ResourceQuantities.EPHEMERAL_STORAGE)) {
        throw ValidationException.of(field, key, "cpu, memory or ephemeral-storage");
      }
    }
    return new ResourceQuantities(text(m.get(ResourceQuantities.CPU)), text(m.get(ResourceQuantities.MEMORY)),
        text(m.get(ResourceQuantities.EPHEMERAL_STORAGE)));
  }

  private static @Nullable String text(@Nullable Quantity q) {
    return q == null ? null : q.toString();
  }

  private static void below(String resource, @Nullable String request, @Nullable String limit) {
    if (request != null && limit != null
        && Quantities.amount(limit).compareTo(Quantities.amount(request)) < 0) {
      throw ValidationException.of("limits." + resource, limit,
          "a limit of at least the request (" + request + "): Kubernetes refuses a limit below its request");
    }
  }
}
