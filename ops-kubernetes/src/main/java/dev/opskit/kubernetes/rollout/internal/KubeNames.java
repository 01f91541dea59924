package dev.opskit.kubernetes.rollout.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Kubernetes name rules this package checks before any call: DNS-1123 labels (namespaces, container
 * names) and DNS-1123 subdomains (deployment names). Lengths are checked before any pattern is matched.
 */
public final class KubeNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String LABEL_RULE =
      "a DNS-1123 label: 1 to 63 lower-case letters, digits or '-', starting and ending with a letter or digit";
  private static final String SUBDOMAIN_RULE = "a DNS-1123 subdomain: 1 to 253 lower-case letters, digits, '-' or"
      + " '.', starting and ending with a letter or digit";

  private KubeNames() {}

  /**
   * Checks a DNS-1123 label.
   *
   * @param field the parameter, as the message names it
   * @param value the value
   * @return the value
   * @throws ValidationException when it is not a DNS-1123 label
   */
  public static String label(String field, @Nullable String value) {
    if (value == null || !Checks.hasLength(value, 1, 63) || !LABEL.matcher(value).matches()) {
      throw ValidationException.of(field, value, LABEL_RULE);
    }
    return value;
  }

  /**
   * Checks a DNS-1123 subdomain.
   *
   * @param field the parameter, as the message names it
   * @param value the value
   * @return the value
   * @throws ValidationException when it is not a DNS-1123 subdomain
   */
  public static String subdomain(String field, @Nullable String value) {
    if (value == null || !Checks.hasLength(value, 1, 253) || !SUBDOMAIN.matcher(value).matches()) {
      throw ValidationException.of(field, value, SUBDOMAIN_RULE);
    }
    return value;
  }
}
