package dev.opskit.kubernetes.rollout;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.internal.KubernetesNames;
import org.jspecify.annotations.Nullable;

/**
 * A Deployment in a namespace, as {@code kubectl -n production ... deployment/api-deployment} names it.
 *
 * @param namespace the namespace, a DNS-1123 label (1 to 63 lower-case letters, digits or '-')
 * @param name the deployment's name, a DNS-1123 subdomain (1 to 253 lower-case letters, digits, '-' or '.')
 */
public record DeploymentRef(String namespace, String name) {
  /** The namespace kubectl uses when none is given. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * Validates.
   *
   * @param namespace the namespace, a DNS-1123 label
   * @param name the deployment's name, a DNS-1123 subdomain
   * @throws ValidationException when either is not a valid Kubernetes name
   */
  public DeploymentRef {
    KubernetesNames.label("namespace", namespace);
    KubernetesNames.subdomain("deployment", name);
  }

  /**
   * A deployment in the {@value #DEFAULT_NAMESPACE} namespace.
   *
   * @param name the deployment's name, a DNS-1123 subdomain
   * @return the reference
   * @throws ValidationException when the name is not valid
   */
  public static DeploymentRef of(String name) {
    return new DeploymentRef(DEFAULT_NAMESPACE, name);
  }

  /**
   * A deployment in a namespace.
   *
   * @param namespace the namespace, a DNS-1123 label
   * @param name the deployment's name, a DNS-1123 subdomain
   * @return the reference
   * @throws ValidationException when either is not valid
   */
  public static DeploymentRef of(String namespace, String name) {
    return new DeploymentRef(namespace, name);
  }

  /**
   * Reads {@code namespace/name} ({@code production/api-deployment}) or a bare {@code name}, which is in the
   * {@value #DEFAULT_NAMESPACE} namespace.
   *
   * @param text the reference
   * @return the reference
   * @throws ValidationException when the text is absent, has more than one '/', or names are not valid
   */
  public static DeploymentRef parse(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      throw ValidationException.of("deployment", text, "namespace/name, such as production/api-deployment, or a name");
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return of(text);
    }
    if (text.indexOf('/', slash + 1) >= 0) {
      throw ValidationException.of("deployment", text, "namespace/name, such as production/api-deployment, or a name");
    }
    return new DeploymentRef(text.substring(0, slash), text.substring(slash + 1));
  }

  /** {@return the resource as the audit trail and errors name it: {@code namespace/deployment/name}} */
  public String target() {
    return namespace + "/deployment/" + name;
  }

  /** {@return {@code namespace/name}, which {@link #parse} reads back} */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
