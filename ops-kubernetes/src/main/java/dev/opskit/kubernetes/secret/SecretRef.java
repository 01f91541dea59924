package dev.opskit.kubernetes.secret;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

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
  private static final String LABEL_TEXT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern LABEL = Pattern.compile(LABEL_TEXT);
  private static final Pattern SUBDOMAIN = Pattern.compile(LABEL_TEXT + "(\\." + LABEL_TEXT + ")*");
  private static final String NAMESPACE_ALLOWED =
      "a DNS-1123 label: 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit";
  private static final String NAME_ALLOWED = "a DNS-1123 subdomain: 1 to 253 lower-case letters, digits, '-' and '.',"
      + " each dot-separated part starting and ending with a letter or digit";

  /**
   * Validates.
   *
   * @param namespace the namespace, a DNS-1123 label
   * @param name the secret's name, a DNS-1123 subdomain
   * @throws ValidationException when either is not a valid Kubernetes name
   */
  public SecretRef {
    // Length first: the pattern then only ever sees short text.
    Checks.matches(LABEL, "namespace", length("namespace", namespace, 63, NAMESPACE_ALLOWED), NAMESPACE_ALLOWED);
    Checks.matches(SUBDOMAIN, "name", length("name", name, 253, NAME_ALLOWED), NAME_ALLOWED);
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

  private static String length(String field, String value, int max, String allowed) {
    if (value == null || value.isEmpty() || value.length() > max) {
      throw ValidationException.of(field, value, allowed);
    }
    return value;
  }

  /** {@return {@code namespace/name}, as kubectl's messages write it} */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
