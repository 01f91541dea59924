package dev.opskit.monitoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Plain Java JSON values (String, Number, Boolean, List, Map, null) for the open parts of a dashboard
 * body, made deeply immutable, and their conversion to and from Jackson trees.
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * A deeply immutable copy of a JSON object as a map.
   *
   * @param field the field the map is, for the error
   * @param map the map of plain JSON values
   * @return the copy, keeping key order
   * @throws dev.opskit.core.ValidationException when a value is not a plain JSON value
   */
  public static Map<String, Object> freeze(String field, Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, freezeValue(field + "." + k, v)));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object freezeValue(String field, @Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      return freeze(field, (Map<String, ?>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(freezeValue(field, v)));
      return Collections.unmodifiableList(out);
    }
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    throw ValidationException.of(field, value.getClass().getName(),
        "plain JSON values: String, Number, Boolean, List, Map or null");
  }

  /**
   * A JSON object tree as a deeply immutable map.
   *
   * @param node the object
   * @return the map
   */
  static Map<String, Object> fromTree(JsonNode node) {
    return freeze("JSON", Json.MAPPER.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { }));
  }

  /**
   * A plain value as a tree.
   *
   * @param value the value
   * @return the tree
   */
  static JsonNode toTree(Object value) {
    return Json.MAPPER.valueToTree(value);
  }

  /**
   * Parses JSON text to a tree.
   *
   * @param json the text
   * @param field the field name for errors
   * @return the tree
   */
  static JsonNode parse(String json, String field) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw dev.opskit.core.ValidationException.of(field, json.length() > 80 ? json.substring(0, 77) + "..." : json,
          "JSON (" + e.getOriginalMessage() + ")");
    }
  }
}
