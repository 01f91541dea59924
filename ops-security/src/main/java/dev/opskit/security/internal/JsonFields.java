package dev.opskit.security.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Typed, validating access to the fields of a JSON object, with errors naming the field (path included). */
public final class JsonFields {
  private final ObjectNode node;
  private final String prefix;

  private JsonFields(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /**
   * Parses the text of a JSON object strictly (core's {@code Json.readTree}).
   *
   * @param json the text
   * @param what what it is, for messages
   * @return the fields
   * @throws ValidationException when it is not one JSON object
   */
  public static JsonFields parse(@Nullable String json, String what) {
    return of(Json.readTree(what, json, "a JSON object"), what);
  }

  /**
   * Wraps a node that must be an object.
   *
   * @param tree the node
   * @param name its name (path) for messages
   * @return the fields
   * @throws ValidationException when it is not an object
   */
  public static JsonFields of(@Nullable JsonNode tree, String name) {
    if (tree == null || !tree.isObject()) {
      throw ValidationException.of(name, tree == null ? null : Json.abbreviate(tree.toString()), "a JSON object");
    }
    return new JsonFields((ObjectNode) tree, name);
  }

  private String name(String field) {
    return prefix + "." + field;
  }

  /**
   * Fails on a field not in {@code known}.
   *
   * @param known the fields allowed
   * @throws ValidationException naming the first unknown field
   */
  public void onlyKnown(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!known.contains(f)) {
        throw ValidationException.of(name(f), "unknown field", "the fields " + known.stream().sorted().toList());
      }
    }
  }

  /**
   * Whether a field is present and not null.
   *
   * @param field the field
   * @return whether it is
   */
  public boolean has(String field) {
    return node.has(field) && !node.path(field).isNull();
  }

  /**
   * A string field.
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
      throw ValidationException.of(name(field), Json.abbreviate(v.toString()), "a string");
    }
    return v.textValue();
  }

  /**
   * A required string field.
   *
   * @param field the field
   * @return its text
   * @throws ValidationException when absent or not a string
   */
  public String requiredText(String field) {
    String v = text(field);
    if (v == null) {
      throw ValidationException.of(name(field), null, "a string (required)");
    }
    return v;
  }

  /**
   * A boolean field.
   *
   * @param field the field
   * @param absent the value when absent
   * @return its value
   * @throws ValidationException when it is not a boolean
   */
  public boolean bool(String field, boolean absent) {
    if (!has(field)) {
      return absent;
    }
    JsonNode v = node.path(field);
    if (!v.isBoolean()) {
      throw ValidationException.of(name(field), Json.abbreviate(v.toString()), "true or false");
    }
    return v.booleanValue();
  }

  /**
   * A whole-number field.
   *
   * @param field the field
   * @param min the least value
   * @param max the greatest value
   * @return its value, or null when absent
   * @throws ValidationException when it is not a whole number within bounds
   */
  public @Nullable Integer integer(String field, int min, int max) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.path(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
      throw ValidationException.of(name(field), Json.abbreviate(v.toString()), "a whole number from " + min + " to " + max);
    }
    return v.intValue();
  }

  /**
   * An array field of objects.
   *
   * @param field the field
   * @return its elements as fields (named {@code prefix.field[i]}); empty when absent
   * @throws ValidationException when it is not an array of objects
   */
  public List<JsonFields> objects(String field) {
    List<JsonFields> out = new ArrayList<>();
    if (!has(field)) {
      return out;
    }
    JsonNode v = node.path(field);
    if (!v.isArray()) {
      throw ValidationException.of(name(field), Json.abbreviate(v.toString()), "an array");
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(of(v.get(i), name(field) + "[" + i + "]"));
    }
    return out;
  }

  /**
   * A required object field.
   *
   * @param field the field
   * @return its fields
   * @throws ValidationException when absent or not an object
   */
  public JsonFields object(String field) {
    if (!has(field)) {
      throw ValidationException.of(name(field), null, "a JSON object (required)");
    }
    return of(node.get(field), name(field));
  }

  /**
   * An array field of strings.
   *
   * @param field the field
   * @return its strings; empty when absent
   * @throws ValidationException when it is not an array of strings
   */
  public List<String> texts(String field) {
    List<String> out = new ArrayList<>();
    if (!has(field)) {
      return out;
    }
    JsonNode v = node.path(field);
    if (!v.isArray()) {
      throw ValidationException.of(name(field), Json.abbreviate(v.toString()), "an array of strings");
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (e == null || !e.isTextual()) {
        throw ValidationException.of(name(field) + "[" + i + "]", e == null ? null : Json.abbreviate(e.toString()), "a string");
      }
      out.add(e.textValue());
    }
    return out;
  }
}
