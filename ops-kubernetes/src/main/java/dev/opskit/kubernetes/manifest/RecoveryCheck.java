package dev.opskit.kubernetes.manifest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The guide's two recovery checks of a namespace: {@code kubectl get pods} (every pod Running and ready, or
 * Succeeded) and {@code kubectl get svc} (each service with its type, cluster IP, ports, and whether it has ready
 * endpoints).
 *
 * @param namespace the namespace
 * @param pods every pod, by name
 * @param services every service, by name
 */
public record RecoveryCheck(String namespace, List<PodReadiness> pods, List<ServiceCheck> services) {
  /**
   * Copies.
   *
   * @param namespace the namespace
   * @param pods every pod
   * @param services every service
   */
  public RecoveryCheck {
    pods = List.copyOf(pods);
    services = List.copyOf(services);
  }

  /** {@return the services that have no ready endpoint (ExternalName services have none by nature)} */
  public List<ServiceCheck> servicesWithoutEndpoints() {
    return services.stream().filter(s -> !s.readyEndpoints()).toList();
  }

  /**
   * One pod.
   *
   * @param name its name
   * @param phase its phase, such as {@code Running}, or {@code Unknown} when it reports none
   * @param ready whether it counts as recovered: Running with its Ready condition true, or Succeeded
   */
  public record PodReadiness(String name, String phase, boolean ready) {}

  /**
   * One service, as a line of {@code kubectl get svc}.
   *
   * @param name its name
   * @param type its type, such as {@code ClusterIP} or {@code LoadBalancer}
   * @param clusterIp its cluster IP ({@code None} for a headless service), or null when it has none
   * @param ports its ports as kubectl prints them, such as {@code 80/TCP} or {@code 80:30080/TCP}
   * @param readyEndpoints whether one of its EndpointSlices has a ready endpoint
   */
  public record ServiceCheck(String name, String type, @Nullable String clusterIp, List<String> ports,
      boolean readyEndpoints) {
    /**
     * Copies.
     *
     * @param name its name
     * @param type its type
     * @param clusterIp its cluster IP, or null
     * @param ports its ports
     * @param readyEndpoints whether it has a ready endpoint
     */
    public ServiceCheck {
      ports = List.copyOf(ports);
    }
  }
}
