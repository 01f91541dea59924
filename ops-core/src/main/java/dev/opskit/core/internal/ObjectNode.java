package dev.opskit.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object: members in the order they were put or read, a name at most once. Mutable while it is built;
 * not thread-safe. Made by {@link Json#object()} or by parsing.
 */
public final class ObjectNode extends JsonNode {
  private final LinkedHashMap<String, JsonNode> children = new LinkedHashMap<>();

  ObjectNode() {}

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.OBJECT;
  }

  @Override
  public @Nullable JsonNode get(String name) {
    return children.get(name);
  }

  @Override
  public JsonNode path(String name) {
    JsonNode n = children.get(name);
    return n == null ? MissingNode.INSTANCE : n;
  }

  @Override
  public boolean has(String name) {
    return children.containsKey(name);
  }

  @Override
  public int size() {
    return children.size();
  }

  @Override
  public Iterator<JsonNode> elements() {
    return Collections.unmodifiableCollection(children.values()).iterator();
  }

  @Override
  public Iterator<String> fieldNames() {
    return Collections.unmodifiableSet(children.keySet()).iterator();
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> properties() {
    return Collections.unmodifiableMap(children).entrySet();
  }

  private ObjectNode putNode(String name, JsonNode value) {
    children.put(Objects.requireNonNull(name, "name"), value);
    return this;
  }

  /**
   * Sets a member to a string (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, @Nullable String value) {
    return putNode(name, JsonLeaves.text(value));
  }

  /**
   * Sets a member to a number.
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, int value) {
    return putNode(name, NumberNode.of(value));
  }

  /**
   * Sets a member to a number (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, @Nullable Integer value) {
    return putNode(name, value == null ? NullNode.INSTANCE : NumberNode.of(value.intValue()));
  }

  /**
   * Sets a member to a number.
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, long value) {
    return putNode(name, NumberNode.of(value));
  }

  /**
   * Sets a member to a number (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, @Nullable Long value) {
    return putNode(name, value == null ? NullNode.INSTANCE : NumberNode.of(value.longValue()));
  }

  /**
   * Sets a member to a number.
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, double value) {
    return putNode(name, NumberNode.of(value));
  }

  /**
   * Sets a member to a number (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, @Nullable Double value) {
    return putNode(name, value == null ? NullNode.INSTANCE : NumberNode.of(value.doubleValue()));
  }

  /**
   * Sets a member to a number (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, @Nullable BigDecimal value) {
    return putNode(name, value == null ? NullNode.INSTANCE : NumberNode.of(value));
  }

  /**
   * Sets a member to a number (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, @Nullable BigInteger value) {
    return putNode(name, value == null ? NullNode.INSTANCE : NumberNode.of(value));
  }

  /**
   * Sets a member to a boolean.
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, boolean value) {
    return putNode(name, JsonLeaves.bool(value));
  }

  /**
   * Sets a member to a boolean (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value
   * @return this object
   */
  public ObjectNode put(String name, @Nullable Boolean value) {
    return putNode(name, value == null ? NullNode.INSTANCE : JsonLeaves.bool(value));
  }

  /**
   * Sets a member to JSON null.
   *
   * @param name the member's name
   * @return this object
   */
  public ObjectNode putNull(String name) {
    return putNode(name, NullNode.INSTANCE);
  }

  /**
   * Sets a member to a tree (JSON null when it is null).
   *
   * @param name the member's name
   * @param value the value, held as is (not copied)
   * @return this object
   */
  public ObjectNode set(String name, @Nullable JsonNode value) {
    return putNode(name, value == null ? NullNode.INSTANCE : value);
  }

  /**
   * Sets a member to a tree and returns what it was.
   *
   * @param name the member's name
   * @param value the value (JSON null when it is null)
   * @return the member's value before, or null
   */
  public @Nullable JsonNode replace(String name, @Nullable JsonNode value) {
    return children.put(Objects.requireNonNull(name, "name"), value == null ? NullNode.INSTANCE : value);
  }

  /**
   * Sets every member of another object.
   *
   * @param other the object
   * @return this object
   */
  public ObjectNode setAll(ObjectNode other) {
    children.putAll(other.children);
    return this;
  }

  /**
   * Sets every member of a map.
   *
   * @param members the members
   * @return this object
   */
  public ObjectNode setAll(Map<String, ? extends JsonNode> members) {
    members.forEach((k, v) -> putNode(k, v == null ? NullNode.INSTANCE : v));
    return this;
  }

  /**
   * Sets a member to a new, empty array.
   *
   * @param name the member's name
   * @return the new array
   */
  public ArrayNode putArray(String name) {
    ArrayNode a = new ArrayNode();
    putNode(name, a);
    return a;
  }

  /**
   * Sets a member to a new, empty object.
   *
   * @param name the member's name
   * @return the new object
   */
  public ObjectNode putObject(String name) {
    ObjectNode o = new ObjectNode();
    putNode(name, o);
    return o;
  }

  /**
   * Removes a member.
   *
   * @param name the member's name
   * @return its value, or null when there was none
   */
  public @Nullable JsonNode remove(String name) {
    return children.remove(name);
  }

  /**
   * Removes members.
   *
   * @param names the members' names
   * @return this object
   */
  public ObjectNode remove(Collection<String> names) {
    children.keySet().removeAll(names);
    return this;
  }

  /**
   * Removes every member but some.
   *
   * @param names the names to keep
   * @return this object
   */
  public ObjectNode retain(Collection<String> names) {
    children.keySet().retainAll(names);
    return this;
  }

  /**
   * Removes every member.
   *
   * @return this object
   */
  public ObjectNode removeAll() {
    children.clear();
    return this;
  }

  @Override
  public ObjectNode deepCopy() {
    ObjectNode copy = new ObjectNode();
    children.forEach((k, v) -> copy.children.put(k, v.deepCopy()));
    return copy;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ObjectNode other && other.children.equals(children);
  }

  @Override
  public int hashCode() {
    return children.hashCode();
  }
}
