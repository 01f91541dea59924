package dev.opskit.monitoring.performance.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Typed, validating access to the members of one JSON object, for the JSON readers of the Performance
 * Management packages (scaling policies, task definitions, PI metric queries): every error is a
 * {@link ValidationException} naming the member with its path.
 */
public final class JsonMembers {
  private final ObjectNode node;
  private final String prefix;

  private JsonMembers(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /**
   * Parses user JSON text strictly (core {@code Json.readTree}).
   *
   * @param field what the text is, as a message names it
   * @param json the text
   * @param allowed what is allowed, such as {@code "a JSON object"}
   * @return the tree
   * @throws ValidationException when it is not one well-formed JSON value
   */
  public static JsonNode parse(String field, @Nullable String json, String allowed) {
    return Json.readTree(field, json, allowed);
  }

  /**
   * The members of a JSON object.
   *
   * @param tree the tree
   * @param path the path of the object, as messages name it (empty for the root)
   * @param what what the object is, for the message when it is not an object
   * @return the members
   * @throws ValidationException when {@code tree} is not a JSON object
   */
  public static JsonMembers of(@Nullable JsonNode tree, String path, String what) {
    if (tree == null || !tree.isObject()) {
      throw ValidationException.of(path.isEmpty() ? what : path,
          tree == null ? null : Json.abbreviate(tree.toString()), "a JSON object (" + what + ")");
    }
    return new JsonMembers((ObjectNode) tree, path.isEmpty() ? "" : path + ".");
  }

  /**
   * The path of a member, as messages name it.
   *
   * @param member the member
   * @return {@code parent.member}
   */
  public String path(String member) {
    return prefix + member;
  }

  /**
   * Whether a member is present and not null.
   *
   * @param member the member
   * @return whether it is there
   */
  public boolean has(String member) {
    return node.has(member) && !node.path(member).isNull();
  }

  /**
   * Fails on a member that is not known.
   *
   * @param known the members allowed
   * @throws ValidationException naming the first unknown member and the known ones
   */
  public void onlyKnown(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!known.contains(f)) {
        throw ValidationException.of(path(f), "unknown member", "the members " + new java.util.TreeSet<>(known));
      }
    }
  }

  /**
   * A string member.
   *
   * @param member the member
   * @return its text, or null when absent
   * @throws ValidationException when present and not a string
   */
  public @Nullable String text(String member) {
    if (!has(member)) {
      return null;
    }
    JsonNode v = node.path(member);
    if (!v.isTextual()) {
      throw ValidationException.of(path(member), Json.abbreviate(v.toString()), "a string");
    }
    return v.textValue();
  }

  /**
   * A required string member.
   *
   * @param member the member
   * @return its text
   * @throws ValidationException when absent or not a string
   */
  public String requiredText(String member) {
    String v = text(member);
    if (v == null) {
      throw ValidationException.of(path(member), null, "a string (required)");
    }
    return v;
  }

  /**
   * A whole-number member.
   *
   * @param member the member
   * @return its value, or null when absent
   * @throws ValidationException when present and not a whole number that fits an int
   */
  public @Nullable Integer integer(String member) {
    if (!has(member)) {
      return null;
    }
    JsonNode v = node.path(member);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ValidationException.of(path(member), Json.abbreviate(v.toString()), "a whole number");
    }
    return v.intValue();
  }

  /**
   * A number member.
   *
   * @param member the member
   * @return its value, or null when absent
   * @throws ValidationException when present and not a finite number
   */
  public @Nullable Double number(String member) {
    if (!has(member)) {
      return null;
    }
    JsonNode v = node.path(member);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw ValidationException.of(path(member), Json.abbreviate(v.isNumber() ? v.asText() : v.toString()),
          "a finite number");
    }
    return v.doubleValue();
  }

  /**
   * A boolean member.
   *
   * @param member the member
   * @return its value, or null when absent
   * @throws ValidationException when present and not a boolean
   */
  public @Nullable Boolean bool(String member) {
    if (!has(member)) {
      return null;
    }
    JsonNode v = node.path(member);
    if (!v.isBoolean()) {
      throw ValidationException.of(path(member), Json.abbreviate(v.toString()), "true or false");
    }
    return v.booleanValue();
  }

  /**
   * An object member.
   *
   * @param member the member
   * @param what what it is, for the message
   * @return its members, or null when absent
   * @throws ValidationException when present and not an object
   */
  public @Nullable JsonMembers object(String member, String what) {
    return has(member) ? of(node.get(member), path(member), what) : null;
  }

  /**
   * An array member.
   *
   * @param member the member
   * @return its elements (empty when absent)
   * @throws ValidationException when present and not an array
   */
  public List<JsonNode> array(String member) {
    if (!has(member)) {
      return List.of();
    }
    JsonNode v = node.path(member);
    if (!v.isArray()) {
      throw ValidationException.of(path(member), Json.abbreviate(v.toString()), "an array");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /**
   * An array of strings.
   *
   * @param member the member
   * @return its strings (empty when absent)
   * @throws ValidationException when present and not an array of strings
   */
  public List<String> texts(String member) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array(member)) {
      if (!v.isTextual()) {
        throw ValidationException.of(path(member), Json.abbreviate(v.toString()), "an array of strings");
      }
      out.add(v.textValue());
    }
    return out;
  }
}
