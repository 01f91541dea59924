package dev.opskit.core.internal;

import dev.opskit.core.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Typed, validating access to the fields of a JSON object, with errors naming the field: the one reader the
 * modules' {@code fromJson} parsers share (alarms and dashboards, lifecycle definitions, node groups).
 */
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
   *
   * @param json the text
   * @param what what it is, for the message
   * @return the fields
   */
  public static JsonFields parse(@Nullable String json, String what) {
    return of(Json.readTree(what, json, "a JSON object"), what, "");
  }

  /**
   * The fields of a tree that must be an object.
   *
   * @param tree the tree
   * @param what what it is, for the message
   * @param prefix the prefix of its field names in messages
   * @return the fields
   * @throws ValidationException when the tree is not an object
   */
  public static JsonFields of(@Nullable JsonNode tree, String what, String prefix) {
    if (tree == null || !tree.isObject()) {
      throw ValidationException.of(prefix.isEmpty() ? what : prefix, tree == null ? null : abbreviate(tree.toString()),
          "a JSON object");
    }
    return new JsonFields((ObjectNode) tree, prefix);
  }

  /** {@return the object} */
  public ObjectNode node() {
    return node;
  }

  /**
   * Whether a field is there and not null.
   *
   * @param field the field
   * @return whether it is there
   */
  public boolean has(String field) {
    return node.has(field) && !node.path(field).isNull();
  }

  /**
   * A field's name in messages.
   *
   * @param field the field
   * @return the name with its prefix
   */
  public String name(String field) {
    return prefix + field;
  }

  /**
   * Fails on any field not in {@code known}.
   *
   * @param known the known fields
   */
  public void onlyKnown(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!known.contains(f)) {
        throw ValidationException.of(name(f), "unknown field", "the fields " + known);
      }
    }
  }

  /**
   * A text field.
   *
   * @param field the field
   * @return its text, or null when absent
   * @throws ValidationException when it is not a string
   */
  public @Nullable String text(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.path(field);
    if (!v.isTextual()) {
      throw ValidationException.of(name(field), v.toString(), "a string");
    }
    return v.textValue();
  }

  /**
   * A text field that must be there.
   *
   * @param field the field
   * @return its text
   * @throws ValidationException when it is absent or not a string
   */
  public String requiredText(String field) {
    String v = text(field);
    if (v == null) {
      throw ValidationException.of(name(field), null, "a string (required)");
    }
    return v;
  }

  /**
   * A whole-number field.
   *
   * @param field the field
   * @return its value, or null when absent
   * @throws ValidationException when it is not a whole number in int range
   */
  public @Nullable Integer integer(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.path(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ValidationException.of(name(field), v.toString(), "a whole number");
    }
    return v.intValue();
  }

  /**
   * A number field.
   *
   * @param field the field
   * @return its value, or null when absent
   * @throws ValidationException when it is not a finite number
   */
  public @Nullable Double number(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.path(field);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw ValidationException.of(name(field), abbreviate(v.isNumber() ? v.asText() : v.toString()), "a finite number");
    }
    return v.doubleValue();
  }

  /**
   * A boolean field.
   *
   * @param field the field
   * @return its value, or null when absent
   * @throws ValidationException when it is not true or false
   */
  public @Nullable Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.path(field);
    if (!v.isBoolean()) {
      throw ValidationException.of(name(field), v.toString(), "true or false");
    }
    return v.booleanValue();
  }

  /**
   * The object under a field, its fields named with the field as prefix.
   *
   * @param field the field
   * @return the fields
   * @throws ValidationException when it is absent or not an object
   */
  public JsonFields object(String field) {
    return of(has(field) ? node.get(field) : null, name(field), name(field) + ".");
  }

  /**
   * An array-of-strings field.
   *
   * @param field the field
   * @return its strings (empty when absent)
   * @throws ValidationException when it is not an array of strings
   */
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

  /**
   * An array field.
   *
   * @param field the field
   * @return its elements (empty when absent)
   * @throws ValidationException when it is not an array
   */
  public List<JsonNode> array(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode v = node.path(field);
    if (!v.isArray()) {
      throw ValidationException.of(name(field), v.toString(), "an array");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /**
   * Reads {@code [{"<keyField>": k, "<valueField>": v}, ...]} into an ordered map.
   *
   * @param field the field
   * @param keyField the key member
   * @param valueField the value member
   * @return the map (empty when absent)
   */
  public Map<String, String> pairs(String field, String keyField, String valueField) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode v : array(field)) {
      JsonFields pair = of(v, field, name(field) + ".");
      pair.onlyKnown(Set.of(keyField, valueField));
      out.put(pair.requiredText(keyField), pair.requiredText(valueField));
    }
    return out;
  }

  /**
   * Writes a map as {@code [{"<keyField>": k, "<valueField>": v}, ...]}.
   *
   * @param pairs the map
   * @param keyField the key member
   * @param valueField the value member
   * @return the array
   */
  public static ArrayNode pairsNode(Map<String, String> pairs, String keyField, String valueField) {
    ArrayNode array = Json.array();
    pairs.forEach((k, v) -> array.addObject().put(keyField, k).put(valueField, v));
    return array;
  }

  private static String abbreviate(String text) {
    return Json.abbreviate(text);
  }
}
