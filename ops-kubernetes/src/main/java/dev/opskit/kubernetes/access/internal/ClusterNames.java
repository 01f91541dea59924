package dev.opskit.kubernetes.access.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** EKS's rule for cluster names (CreateCluster {@code name}): 1 to 100 characters, {@code ^[0-9A-Za-z][A-Za-z0-9\-_]*$}. */
public final class ClusterNames {
  /** The longest cluster name EKS accepts. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]*");
  private static final String ALLOWED = "an EKS cluster name: 1 to " + MAX_LENGTH
      + " characters, a letter or digit, then letters, digits, hyphens and underscores (^[0-9A-Za-z][A-Za-z0-9\\-_]*$)";

  private ClusterNames() {}

  /**
   * Checks a cluster name; the length first, so the pattern never runs on huge input.
   *
   * @param field the parameter, as the message names it
   * @param name the name
   * @return the name
   * @throws ValidationException naming the parameter, the value and the rule when it is not a cluster name
   */
  public static String check(String field, @Nullable String name) {
    if (!Checks.hasLength(name, 1, MAX_LENGTH) || !NAME.matcher(name).matches()) {
      throw ValidationException.of(field, name, ALLOWED);
    }
    return name;
  }
}
