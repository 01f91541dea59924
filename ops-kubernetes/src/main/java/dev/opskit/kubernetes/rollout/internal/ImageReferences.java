package dev.opskit.kubernetes.rollout.internal;

import dev.opskit.core.ValidationException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a container image reference with the grammar of the distribution reference ({@code
 * [registry[:port]/]repository[:tag][@sha256:digest]}), as the kubelet and registries read it: a repository of
 * lower-case path components separated by {@code /} (separators {@code .}, {@code _}, {@code __} or dashes
 * inside a component), at most 255 characters with its registry; a tag of at most 128 word characters, dots
 * and dashes, not starting with a dot or dash; a digest {@code sha256:} and 64 hexadecimal digits.
 */
final class ImageReferences {
  /** Registry, repository, tag and digest together can never exceed this. */
  static final int MAX_LENGTH = 255 + 1 + 128 + 1 + 7 + 64;

  private static final String ALLOWED = "an image reference [registry[:port]/]repository[:tag][@sha256:digest],"
      + " such as api:v1.2.3 or 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v1.2.3: no whitespace, a"
      + " lower-case repository of at most 255 characters with its registry, a tag of at most 128 characters"
      + " ([A-Za-z0-9_][A-Za-z0-9_.-]*), a digest sha256: and 64 hex digits";
  private static final Pattern HOST = Pattern.compile(
      "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
          + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");
  private static final Pattern PATH =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  private ImageReferences() {}

  /**
   * Checks an image reference.
   *
   * @param field the parameter, as the message names it
   * @param value the reference
   * @return the reference
   * @throws ValidationException when it is not a valid reference
   */
  static String check(String field, @Nullable String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !valid(value)) {
      throw ValidationException.of(field, value, ALLOWED);
    }
    return value;
  }

  private static boolean valid(String value) {
    String rest = value;
    int at = rest.indexOf('@');
    if (at >= 0) {
      if (!DIGEST.matcher(rest.substring(at + 1)).matches()) {
        return false;
      }
      rest = rest.substring(0, at);
    }
    int lastSlash = rest.lastIndexOf('/');
    int colon = rest.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
      if (!TAG.matcher(rest.substring(colon + 1)).matches()) {
        return false;
      }
      rest = rest.substring(0, colon);
    }
    if (rest.isEmpty() || rest.length() > 255) {
      return false;
    }
    int firstSlash = rest.indexOf('/');
    String path = rest;
    if (firstSlash >= 0) {
      String first = rest.substring(0, firstSlash);
      // As the distribution reference reads it: a first component with a dot, a port or "localhost" is a registry.
      if (first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")
          || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
        if (!HOST.matcher(first).matches()) {
          return false;
        }
        path = rest.substring(firstSlash + 1);
      }
    }
    return PATH.matcher(path).matches();
  }
}
