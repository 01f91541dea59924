package dev.opskit.monitoring.ecs;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * An ECS service by cluster and name, such as the guide's {@code prod-cluster} / {@code api-service}.
 *
 * @param cluster the cluster name
 * @param service the service name
 */
public record EcsService(String cluster, String service) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /**
   * Validates.
   *
   * @param cluster the cluster name
   * @param service the service name
   */
  public EcsService {
    Checks.length("cluster", cluster, 1, 255);
    Checks.matches(NAME, "cluster", cluster, "letters, digits, - and _");
    Checks.length("service", service, 1, 255);
    Checks.matches(NAME, "service", service, "letters, digits, - and _");
  }

  /**
   * A service.
   *
   * @param cluster such as {@code prod-cluster}
   * @param service such as {@code api-service}
   * @return the service
   */
  public static EcsService of(String cluster, String service) {
    return new EcsService(cluster, service);
  }

  @Override
  public String toString() {
    return cluster + "/" + service;
  }
}
