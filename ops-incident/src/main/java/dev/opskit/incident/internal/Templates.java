package dev.opskit.incident.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** References in runbook texts: {@code {{ Name }}}, {@code {{ step.Output }}} and SSM's {@code {{ automation:EXECUTION_ID }}}. */
public final class Templates {
  /** A reference. Bounded, without backtracking over the text. */
  public static final Pattern REFERENCE = Pattern.compile("\\{\\{ ?([A-Za-z0-9_:.-]{1,200}) ?\\}\\}");
  private static final Pattern WHOLE = Pattern.compile("\\{\\{ ?([A-Za-z0-9_:.-]{1,200}) ?\\}\\}");

  private Templates() {}

  /**
   * Every reference in a plain value, at any depth.
   *
   * @param value the value
   * @return the referenced names, in order
   */
  public static List<String> references(@Nullable Object value) {
    List<String> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(@Nullable Object value, List<String> out) {
    if (value instanceof String s) {
      if (s.indexOf("{{") < 0) {
        return;
      }
      Matcher m = REFERENCE.matcher(s);
      while (m.find()) {
        out.add(m.group(1));
      }
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, out));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, out));
    }
  }

  /**
   * The reference a text is made of entirely, such as {@code describe.Status} for {@code {{ describe.Status }}}.
   *
   * @param text the text
   * @return the reference, or null when the text is not one reference
   */
  public static @Nullable String whole(String text) {
    Matcher m = WHOLE.matcher(text);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * Whether a reference is one of SSM's built-in variables.
   *
   * @param reference the reference
   * @return true for {@code automation:...} and {@code global:...}
   */
  public static boolean isBuiltIn(String reference) {
    return reference.startsWith("automation:") || reference.startsWith("global:");
  }

  /** Resolves references; gives back null for one it cannot resolve, which the caller handles. */
  public interface Lookup {
    /**
     * The value of a reference.
     *
     * @param reference the reference
     * @return its value, or null when unknown
     */
    @Nullable Object get(String reference);
  }

  /**
   * Replaces references in a plain value. A text that is one reference becomes the referenced value itself
   * (a number stays a number, a list a list); references inside a longer text are replaced by their text.
   * An unknown reference is left as written.
   *
   * @param value the value
   * @param lookup the values of references
   * @return the resolved value
   */
  public static Object resolve(Object value, Lookup lookup) {
    if (value instanceof String s) {
      if (s.indexOf("{{") < 0) {
        return s;
      }
      String ref = whole(s);
      if (ref != null) {
        Object v = lookup.get(ref);
        return v == null ? s : v;
      }
      Matcher m = REFERENCE.matcher(s);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        Object v = lookup.get(m.group(1));
        m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : text(v)));
      }
      m.appendTail(sb);
      return sb.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), resolve(v == null ? "" : v, lookup)));
      return java.util.Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(resolve(v == null ? "" : v, lookup)));
      return java.util.Collections.unmodifiableList(out);
    }
    return value;
  }

  /**
   * Whether a resolved value still holds a reference.
   *
   * @param value the value
   * @return true when a reference is left
   */
  public static boolean unresolved(Object value) {
    return !references(value).isEmpty();
  }

  private static String text(Object v) {
    return v instanceof String s ? s : Jsons.write(v);
  }
}
