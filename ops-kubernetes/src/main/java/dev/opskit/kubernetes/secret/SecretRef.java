package dev.opskit.kubernetes.secret;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.internal.KubernetesNames;

/**
 * Names one Kubernetes secret: its namespace and its name, as {@code kubectl -n production get secret
 * aws-credentials} does. A value; nothing is read.
 *
 * @param namespace the namespace: a DNS-1123 label (1 to 63 lower-case letters, digits and {@code -}, starting
 *     and ending with a letter or digit)
 * @param name the secret's name: a DNS-1123 subdomain (1 to 253 lower-case letters, digits, {@code -} and
 *     {@code .}, each dot-separated part starting and ending with a letter or digit)
 */
public record SecretRef(String namespace, String name) {
  /**
   * Validates.
   *
   * @param namespace the namespace, a DNS-1123 label
   * @param name the secret's name, a DNS-1123 subdomain
   * @throws ValidationException when either is not a valid Kubernetes name
   */
  public SecretRef {
    KubernetesNames.label("namespace", namespace);
    KubernetesNames.subdomain("name", name);
  }

  /**
   * Names a secret.
   *
   * @param namespace the namespace, such as {@code production}
   * @param name the secret's name, such as {@code aws-credentials}
   * @return the reference
   * @throws ValidationException when either is not a valid Kubernetes name
   */
  public static SecretRef of(String namespace, String name) {
    return new SecretRef(namespace, name);
  }

  /** {@return {@code namespace/name}, as kubectl's messages write it} */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
