package dev.opskit.cost.lifecycle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** (A copy of ops-monitoring's.) Typed, validating access to the fields of a JSON object, with errors naming the field. */
public final class JsonFields {
  private final ObjectNode node;
  private final String prefix;

  private JsonFields(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /**
   * Parses the text of a JSON object strictly ({@link Json#readTree}): null, malformed, too deeply nested,
   * trailing content and duplicated members are each a {@link ValidationException}.
   */
  public static JsonFields parse(@Nullable String json, String what) {
    return of(Json.readTree(what, json, "a JSON object"), what, "");
  }

  public static JsonFields of(@Nullable JsonNode tree, String what, String prefix) {
    if (tree == null || !tree.isObject()) {
      throw ValidationException.of(prefix.isEmpty() ? what : prefix, tree == null ? null : abbreviate(tree.toString()),
          "a JSON object");
    }
    return new JsonFields((ObjectNode) tree, prefix);
  }

  public ObjectNode node() {
    return node;
  }

  public boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  public String name(String field) {
    return prefix + field;
  }

  /** Fails on any field not in {@code known}. */
  public void onlyKnown(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!known.contains(f)) {
        throw ValidationException.of(name(f), "unknown field", "the fields " + known);
      }
    }
  }

  public @Nullable String text(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isTextual()) {
      throw ValidationException.of(name(field), v.toString(), "a string");
    }
    return v.textValue();
  }

  public String requiredText(String field) {
    String v = text(field);
    if (v == null) {
      throw ValidationException.of(name(field), null, "a string (required)");
    }
    return v;
  }

  public @Nullable Integer integer(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ValidationException.of(name(field), v.toString(), "a whole number");
    }
    return v.intValue();
  }

  public @Nullable Double number(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw ValidationException.of(name(field), abbreviate(v.isNumber() ? v.asText() : v.toString()), "a finite number");
    }
    return v.doubleValue();
  }

  public @Nullable Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isBoolean()) {
      throw ValidationException.of(name(field), v.toString(), "true or false");
    }
    return v.booleanValue();
  }

  /** {@return the object under a field, its fields named with the field as prefix} */
  public JsonFields object(String field) {
    return of(has(field) ? node.get(field) : null, name(field), name(field) + ".");
  }

  public List<String> texts(String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array(field)) {
      if (!v.isTextual()) {
        throw ValidationException.of(name(field), v.toString(), "an array of strings");
      }
      out.add(v.textValue());
    }
    return out;
  }

  public List<JsonNode> array(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode v = node.get(field);
    if (!v.isArray()) {
      throw ValidationException.of(name(field), v.toString(), "an array");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /** Reads {@code [{"<keyField>": k, "<valueField>": v}, ...]} into an ordered map. */
  public Map<String, String> pairs(String field, String keyField, String valueField) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode v : array(field)) {
      JsonFields pair = of(v, field, name(field) + ".");
      pair.onlyKnown(Set.of(keyField, valueField));
      out.put(pair.requiredText(keyField), pair.requiredText(valueField));
    }
    return out;
  }

  public static ArrayNode pairsNode(Map<String, String> pairs, String keyField, String valueField) {
    ArrayNode array = Json.array();
    pairs.forEach((k, v) -> array.addObject().put(keyField, k).put(valueField, v));
    return array;
  }

  private static String abbreviate(String text) {
    return Json.abbreviate(text);
  }
}
