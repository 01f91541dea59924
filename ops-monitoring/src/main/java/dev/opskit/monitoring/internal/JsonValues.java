package dev.opskit.monitoring.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Plain Java JSON values (String, Number, Boolean, List, Map, null) for the open parts of a dashboard
 * body, made deeply immutable, and their conversion to and from Jackson trees.
 *
 * <p>Values are kept in the form reading their JSON gives back, so that whatever is accepted writes
 * JSON that reads back equal: whole numbers as {@code Integer}, {@code Long} or {@code BigInteger} (the
 * smallest that holds them), other numbers as finite {@code Double}s; at most {@value #MAX_DEPTH} levels
 * of nested lists and maps; strings, member names and numbers within the limits of the JSON reader.
 */
public final class JsonValues {
  /** The deepest nesting of lists and maps accepted in one value. */
  public static final int MAX_DEPTH = 100;

  private static final String PLAIN = "plain JSON values: String, Number, Boolean, List, Map or null";
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();

  private JsonValues() {}

  /**
   * A deeply immutable copy of a JSON object as a map.
   *
   * @param field the field the map is, for the error
   * @param map the map of plain JSON values
   * @return the copy, keeping key order
   * @throws dev.opskit.core.ValidationException when the map is null or a value is not a plain JSON value
   */
  public static Map<String, Object> freeze(String field, @Nullable Map<String, ?> map) {
    Checks.require(map != null, field, null, "a map of " + PLAIN);
    return object(field, map, 1);
  }

  private static @Nullable Object plain(String field, @Nullable Object value, int depth) {
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (value instanceof String s) {
      return text(field, s);
    }
    if (value instanceof Number n) {
      return number(field, n);
    }
    if (value instanceof Map<?, ?> m) {
      return object(field, m, depth + 1);
    }
    if (value instanceof List<?> l) {
      return array(field, l, depth + 1);
    }
    throw ValidationException.of(field, value.getClass().getName(), PLAIN);
  }

  private static Map<String, Object> object(String field, Map<?, ?> map, int depth) {
    requireDepth(field, depth);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object key = e.getKey();
      Checks.require(key instanceof String, field, key == null ? null : key.getClass().getName(),
          "maps with String keys (" + PLAIN + ")");
      String name = (String) key;
      Checks.require(name.length() <= LIMITS.getMaxNameLength(), field + ".key", Json.abbreviate(name),
          "member names of at most " + LIMITS.getMaxNameLength() + " characters");
      out.put(name, plain(field + "." + name, e.getValue(), depth));
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<Object> array(String field, List<?> list, int depth) {
    requireDepth(field, depth);
    List<Object> out = new ArrayList<>(list.size());
    for (Object v : list) {
      out.add(plain(field, v, depth));
    }
    return Collections.unmodifiableList(out);
  }

  private static @Nullable Object node(String field, JsonNode node, int depth) {
    if (node.isObject()) {
      requireDepth(field, depth + 1);
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.put(e.getKey(), node(field + "." + e.getKey(), e.getValue(), depth + 1));
      }
      return Collections.unmodifiableMap(out);
    }
    if (node.isArray()) {
      requireDepth(field, depth + 1);
      List<Object> out = new ArrayList<>(node.size());
      node.forEach(v -> out.add(node(field, v, depth + 1)));
      return Collections.unmodifiableList(out);
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return number(field, java.util.Objects.requireNonNull(node.numberValue(), "a number has a value"));
    }
    throw ValidationException.of(field, node.getNodeType(), PLAIN);
  }

  private static void requireDepth(String field, int depth) {
    Checks.require(depth <= MAX_DEPTH, field, "(more than " + MAX_DEPTH + " levels of nesting)",
        "at most " + MAX_DEPTH + " levels of nested lists and maps");
  }

  private static String text(String field, String s) {
    Checks.require(s.length() <= LIMITS.getMaxStringLength(), field, Json.abbreviate(s),
        "strings of at most " + LIMITS.getMaxStringLength() + " characters");
    return s;
  }

  /** Whole numbers as the smallest of Integer, Long and BigInteger; other numbers as finite Doubles. */
  private static Number number(String field, Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.intValue();
    }
    if (n instanceof Long l) {
      return l == l.intValue() ? (Number) l.intValue() : l;
    }
    if (n instanceof BigInteger b) {
      if (b.bitLength() < Long.SIZE) {
        return number(field, b.longValue());
      }
      Checks.require(b.abs().toString().length() <= LIMITS.getMaxNumberLength(), field, "(a number of "
          + b.abs().toString().length() + " digits)", "numbers of at most " + LIMITS.getMaxNumberLength() + " digits");
      return b;
    }
    if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
      double d = n.doubleValue();
      Checks.require(Double.isFinite(d), field, n, "a finite number (JSON has no NaN or Infinity)");
      return d;
    }
    throw ValidationException.of(field, n.getClass().getName(), PLAIN);
  }

  /**
   * A JSON object tree as a deeply immutable map.
   *
   * @param field the field the object is, for the error
   * @param node the object
   * @return the map
   * @throws dev.opskit.core.ValidationException when the tree nests too deeply or holds a number that is not finite
   */
  static Map<String, Object> fromTree(String field, ObjectNode node) {
    // node() turns an object node into an unmodifiable Map<String, Object>, never null
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) Objects.requireNonNull(node(field, node, 0));
    return map;
  }

  /**
   * A plain value as a tree.
   *
   * @param value the value
   * @return the tree
   */
  static JsonNode toTree(@Nullable Object value) {
    return Json.tree(value);
  }

  /**
   * Parses JSON text to a tree.
   *
   * @param json the text
   * @param field the field name for errors
   * @return the tree
   * @throws dev.opskit.core.ValidationException when the text is null or not JSON
   */
  static JsonNode parse(@Nullable String json, String field) {
    return Json.readTree(field, json, "JSON");
  }
}
