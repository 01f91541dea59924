package dev.opskit.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Deeply immutable copies of parameter maps (the redacted requests in audit events and dry-run plans),
 * so that no holder of an event can change what another holder sees.
 */
public final class Parameters {
  private Parameters() {}

  /**
   * A deeply unmodifiable copy, keeping the order of every map.
   *
   * @param parameters maps, lists, strings, numbers and booleans
   * @return the copy; nested maps and lists are copied and unmodifiable too
   */
  public static Map<String, Object> copyOf(Map<String, ?> parameters) {
    Map<String, Object> copy = new LinkedHashMap<>();
    parameters.forEach((k, v) -> copy.put(k, copyValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, copyValue(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> copy = new ArrayList<>(collection.size());
      collection.forEach(v -> copy.add(copyValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
