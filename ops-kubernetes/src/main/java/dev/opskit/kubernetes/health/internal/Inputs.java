package dev.opskit.kubernetes.health.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks of this package's inputs: namespaces and label selectors, before any request. */
public final class Inputs {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern SET = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)");
  /** The longest selector accepted (the API server takes any length; this bounds the work of checking it). */
  public static final int MAX_SELECTOR = 8192;

  /** What a namespace may be. */
  public static final String NAMESPACE_ALLOWED =
      "a DNS-1123 label: 1 to 63 lower-case letters, digits or '-', starting and ending with a letter or digit";

  /** What a label selector may be. */
  public static final String SELECTOR_ALLOWED = "a label selector of 1 to " + MAX_SELECTOR
      + " characters: comma-separated requirements key, !key, key=value, key==value, key!=value, key in (v1,v2)"
      + " or key notin (v1,v2); a key is [prefix/]name (prefix a DNS-1123 subdomain of at most 253 characters,"
      + " name 1 to 63 of [A-Za-z0-9._-] starting and ending with a letter or digit), a value 0 to 63 such characters";

  private Inputs() {}

  /**
   * Checks a namespace.
   *
   * @param field the parameter's name
   * @param namespace the namespace
   * @return it
   * @throws ValidationException unless it is a DNS-1123 label
   */
  public static String namespace(String field, @Nullable String namespace) {
    if (!Checks.hasLength(namespace, 1, 63) || !LABEL.matcher(namespace).matches()) {
      throw ValidationException.of(field, namespace, NAMESPACE_ALLOWED);
    }
    return namespace;
  }

  /**
   * Checks a label selector, with the grammar of Kubernetes' {@code labels.Parse} (without its numeric
   * {@code >}/{@code <} operators, which label selectors of lists do not need).
   *
   * @param field the parameter's name
   * @param selector the selector
   * @return it, trimmed
   * @throws ValidationException unless it is a well-formed label selector
   */
  public static String labelSelector(String field, @Nullable String selector) {
    if (!Checks.hasLength(selector, 1, MAX_SELECTOR) || selector.isBlank()) {
      throw ValidationException.of(field, selector, SELECTOR_ALLOWED);
    }
    for (String requirement : requirements(selector)) {
      if (!requirement(requirement.strip())) {
        throw ValidationException.of(field, selector, SELECTOR_ALLOWED);
      }
    }
    return selector.strip();
  }

  /** Splits on the commas that are not inside a set's parentheses. */
  private static List<String> requirements(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts;
  }

  private static boolean requirement(String r) {
    if (r.isEmpty()) {
      return false;
    }
    if (r.startsWith("!")) {
      return key(r.substring(1).strip());
    }
    Matcher set = SET.matcher(r);
    if (set.matches()) {
      if (!key(set.group(1))) {
        return false;
      }
      String values = set.group(3);
      if (values.isBlank()) {
        // Kubernetes: "for 'in', 'notin' operators, values set can't be empty".
        return false;
      }
      for (String value : values.split(",", -1)) {
        if (!value(value.strip())) {
          return false;
        }
      }
      return true;
    }
    int op = r.indexOf('=');
    if (op < 0) {
      return key(r);
    }
    int keyEnd = op > 0 && r.charAt(op - 1) == '!' ? op - 1 : op;
    int valueStart = op + 1 < r.length() && r.charAt(op + 1) == '=' && keyEnd == op ? op + 2 : op + 1;
    return key(r.substring(0, keyEnd).strip()) && value(r.substring(valueStart).strip());
  }

  private static boolean key(String key) {
    int slash = key.indexOf('/');
    String name = key;
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (!Checks.hasLength(prefix, 1, 253) || !SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return Checks.hasLength(name, 1, 63) && NAME.matcher(name).matches();
  }

  private static boolean value(String value) {
    return value.isEmpty() || (Checks.hasLength(value, 1, 63) && NAME.matcher(value).matches());
  }
}
