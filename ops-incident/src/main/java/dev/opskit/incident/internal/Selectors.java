package dev.opskit.incident.internal;

import dev.opskit.incident.OutputType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** SSM's JSONPath-like selectors ({@code $.Service.Deployments[0].RolloutState}) over plain answers. */
public final class Selectors {
  private static final Pattern PART = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[([0-9]+)\\]");

  private Selectors() {}

  /**
   * Selects a value. Member names match ignoring case, so AWS's ({@code DBInstanceIdentifier}) and the SDK's
   * ({@code DbInstanceIdentifier}) both select.
   *
   * @param root the answer as plain values
   * @param selector the selector, already validated
   * @return the value, or null when the answer has nothing there
   */
  public static @Nullable Object select(@Nullable Object root, String selector) {
    Object current = root;
    Matcher m = PART.matcher(selector);
    int at = 1;
    while (current != null && m.find(at)) {
      if (m.start() != at) {
        return null;
      }
      at = m.end();
      if (m.group(1) != null) {
        if (!(current instanceof Map<?, ?> map)) {
          return null;
        }
        Object next = map.get(m.group(1));
        if (next == null) {
          for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(m.group(1))) {
              next = e.getValue();
              break;
            }
          }
        }
        current = next;
      } else {
        if (!(current instanceof List<?> list)) {
          return null;
        }
        int i = Integer.parseInt(m.group(2));
        current = i < list.size() ? list.get(i) : null;
      }
      if (at >= selector.length()) {
        break;
      }
    }
    return at >= selector.length() ? current : null;
  }

  /**
   * A selected value as an output of a type.
   *
   * @param value the selected value
   * @param type the output type
   * @return the value of that type, or null when it does not have it
   */
  public static @Nullable Object as(@Nullable Object value, OutputType type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case STRING -> value instanceof Map<?, ?> || value instanceof List<?> ? Jsons.write(value) : String.valueOf(value);
      case INTEGER -> integer(value);
      case BOOLEAN -> value instanceof Boolean ? value
          : ("true".equals(value) || "false".equals(value)) ? Boolean.valueOf((String) value) : null;
      case STRING_LIST -> stringList(value);
      case STRING_MAP -> stringMap(value);
      case MAP_LIST -> value instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map<?, ?>) ? l : null;
    };
  }

  private static @Nullable Object integer(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    return value instanceof String s && s.matches("-?[0-9]{1,18}") ? Long.parseLong(s) : null;
  }

  private static Object stringList(Object value) {
    if (value instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      l.forEach(x -> out.add(x instanceof Map<?, ?> || x instanceof List<?> ? Jsons.write(x) : String.valueOf(x)));
      return out;
    }
    return List.of(String.valueOf(value));
  }

  private static @Nullable Object stringMap(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof String ? v : Jsons.write(v)));
      return out;
    }
    return null;
  }
}
