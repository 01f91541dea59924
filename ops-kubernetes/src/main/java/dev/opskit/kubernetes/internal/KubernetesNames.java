package dev.opskit.kubernetes.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of Kubernetes' name rules, checked before any call: DNS-1123 labels (namespaces, container
 * names), DNS-1123 subdomains (deployment and secret names), data keys of secrets and config maps, and label
 * selectors. Each check throws a {@link ValidationException} naming the caller's parameter, the value and what is
 * allowed. Lengths are checked before any pattern is matched, so a pattern only ever sees short text.
 */
public final class KubernetesNames {
  /** The longest label selector accepted (the API server takes any length; this bounds the work of checking it). */
  public static final int MAX_SELECTOR = 8192;

  /** What a DNS-1123 label may be. */
  public static final String LABEL_ALLOWED =
      "a DNS-1123 label: 1 to 63 lower-case letters, digits or '-', starting and ending with a letter or digit";
  /** What a DNS-1123 subdomain may be. */
  public static final String SUBDOMAIN_ALLOWED = "a DNS-1123 subdomain: 1 to 253 lower-case letters, digits, '-' or"
      + " '.', each dot-separated part starting and ending with a letter or digit";
  /** What a data key may be. */
  public static final String DATA_KEY_ALLOWED =
      "a Kubernetes data key: 1 to 253 letters, digits, '-', '_' and '.', not '.' or '..' nor starting with '..'";
  /** What a label selector may be. */
  public static final String SELECTOR_ALLOWED = "a label selector of 1 to " + MAX_SELECTOR
      + " characters: comma-separated requirements key, !key, key=value, key==value, key!=value, key in (v1,v2)"
      + " or key notin (v1,v2); a key is [prefix/]name (prefix a DNS-1123 subdomain of at most 253 characters,"
      + " name 1 to 63 of [A-Za-z0-9._-] starting and ending with a letter or digit), a value 0 to 63 such characters";

  private static final String LABEL_TEXT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern LABEL = Pattern.compile(LABEL_TEXT);
  private static final Pattern SUBDOMAIN = Pattern.compile(LABEL_TEXT + "(\\." + LABEL_TEXT + ")*");
  private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  /** A label's name part or value (a qualified name without prefix). */
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern SET = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)");

  private KubernetesNames() {}

  /**
   * Checks a DNS-1123 label (a namespace, a container's name).
   *
   * @param field the caller's parameter, as the message names it
   * @param value the value
   * @return the value
   * @throws ValidationException unless it is a DNS-1123 label
   */
  public static String label(String field, @Nullable String value) {
    if (value == null || !Checks.hasLength(value, 1, 63) || !LABEL.matcher(value).matches()) {
      throw ValidationException.of(field, value, LABEL_ALLOWED);
    }
    return value;
  }

  /**
   * Checks a DNS-1123 subdomain (a deployment's or a secret's name).
   *
   * @param field the caller's parameter, as the message names it
   * @param value the value
   * @return the value
   * @throws ValidationException unless it is a DNS-1123 subdomain
   */
  public static String subdomain(String field, @Nullable String value) {
    if (value == null || !isSubdomain(value)) {
      throw ValidationException.of(field, value, SUBDOMAIN_ALLOWED);
    }
    return value;
  }

  /**
   * Checks a data key of a secret or config map: {@code [-._a-zA-Z0-9]+}, at most 253 characters, not {@code .},
   * {@code ..} nor starting with {@code ..}.
   *
   * @param field the caller's parameter, as the message names it
   * @param value the value
   * @return the value
   * @throws ValidationException unless it is a data key
   */
  public static String dataKey(String field, @Nullable String value) {
    if (value == null || !Checks.hasLength(value, 1, 253) || !DATA_KEY.matcher(value).matches()
        || value.equals(".") || value.startsWith("..")) {
      throw ValidationException.of(field, value, DATA_KEY_ALLOWED);
    }
    return value;
  }

  /**
   * Checks a label selector, with the grammar of Kubernetes' {@code labels.Parse} (without its numeric
   * {@code >}/{@code <} operators, which label selectors of lists do not need).
   *
   * @param field the caller's parameter, as the message names it
   * @param selector the selector
   * @return it, trimmed
   * @throws ValidationException unless it is a well-formed label selector
   */
  public static String labelSelector(String field, @Nullable String selector) {
    if (selector == null || !Checks.hasLength(selector, 1, MAX_SELECTOR) || selector.isBlank()) {
      throw ValidationException.of(field, selector, SELECTOR_ALLOWED);
    }
    for (String requirement : requirements(selector)) {
      if (!requirement(requirement.strip())) {
        throw ValidationException.of(field, selector, SELECTOR_ALLOWED);
      }
    }
    return selector.strip();
  }

  private static boolean isSubdomain(String value) {
    return Checks.hasLength(value, 1, 253) && SUBDOMAIN.matcher(value).matches();
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
      if (!isSubdomain(key.substring(0, slash))) {
        return false;
      }
      name = key.substring(slash + 1);
    }
    return Checks.hasLength(name, 1, 63) && NAME.matcher(name).matches();
  }

  private static boolean value(String value) {
    return value.isEmpty() || (Checks.hasLength(value, 1, 63) && NAME.matcher(value).matches());
  }
}
