package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The plain values of runbook inputs and outputs: texts, whole numbers ({@code Long}), other numbers
 * ({@code Double}), booleans, lists and maps with text keys, and JSON's null inside them; deeply unmodifiable,
 * order kept.
 */
public final class Values {
  private static final int MAX_DEPTH = 64;

  private Values() {}

  /**
   * Copies and normalises a map of plain values.
   *
   * @param field the field, as a message names it
   * @param map the map
   * @return the unmodifiable copy
   * @throws ValidationException when a key is not a text or a value is not plain
   */
  public static Map<String, Object> copyMap(String field, @Nullable Map<?, ?> map) {
    if (map == null) {
      throw ValidationException.of(field, null, "a map of texts, numbers, booleans, lists and maps");
    }
    Object copy = copy(field, (Object) map);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) copy;
    return result;
  }

  /**
   * Copies and normalises one plain value.
   *
   * @param field the field, as a message names it
   * @param value the value
   * @return the unmodifiable copy
   * @throws ValidationException when the value is not plain
   */
  public static Object copy(String field, @Nullable Object value) {
    Object copy = copy(field, value, 0);
    if (copy == null) {
      throw ValidationException.of(field, null, "a text, number, boolean, list or map");
    }
    return copy;
  }

  private static @Nullable Object copy(String field, @Nullable Object value, int depth) {
    if (value == null && depth > 0) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      throw ValidationException.of(field, "(nested " + depth + " levels)", "at most " + MAX_DEPTH + " levels of nesting");
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      if (b.bitLength() < 64) {
        return b.longValue();
      }
      throw ValidationException.of(field, b, "a whole number within 64 bits");
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw ValidationException.of(field, value, "a finite number");
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(value instanceof Double || value instanceof Float)) {
        return (long) d;
      }
      return d;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key) || key.isEmpty()) {
          throw ValidationException.of(field, e.getKey(), "text keys");
        }
        out.put(key, copy(field + "." + key, e.getValue(), depth + 1));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(copy(field, o, depth + 1));
      }
      return Collections.unmodifiableList(out);
    }
    throw ValidationException.of(field, value == null ? null : value.getClass().getSimpleName(),
        "a text, number, boolean, list or map");
  }
}
