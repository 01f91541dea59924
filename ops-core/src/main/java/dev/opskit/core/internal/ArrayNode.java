package dev.opskit.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JSON array. Mutable while it is built; not thread-safe. Made by {@link Json#array()} or by parsing.
 */
public final class ArrayNode extends JsonNode {
  private final List<JsonNode> children = new ArrayList<>();

  ArrayNode() {}

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.ARRAY;
  }

  @Override
  public @Nullable JsonNode get(int index) {
    return index >= 0 && index < children.size() ? children.get(index) : null;
  }

  @Override
  public JsonNode path(int index) {
    JsonNode n = get(index);
    return n == null ? MissingNode.INSTANCE : n;
  }

  @Override
  public int size() {
    return children.size();
  }

  @Override
  public Iterator<JsonNode> elements() {
    return Collections.unmodifiableList(children).iterator();
  }

  private ArrayNode addNode(JsonNode node) {
    children.add(node);
    return this;
  }

  /**
   * Appends a tree (JSON null when it is null).
   *
   * @param value the value, held as is (not copied)
   * @return this array
   */
  public ArrayNode add(@Nullable JsonNode value) {
    return addNode(value == null ? NullNode.INSTANCE : value);
  }

  /**
   * Appends a string (JSON null when it is null).
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(@Nullable String value) {
    return addNode(JsonLeaves.text(value));
  }

  /**
   * Appends a number.
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(int value) {
    return addNode(NumberNode.of(value));
  }

  /**
   * Appends a number (JSON null when it is null).
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(@Nullable Integer value) {
    return addNode(value == null ? NullNode.INSTANCE : NumberNode.of(value.intValue()));
  }

  /**
   * Appends a number.
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(long value) {
    return addNode(NumberNode.of(value));
  }

  /**
   * Appends a number (JSON null when it is null).
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(@Nullable Long value) {
    return addNode(value == null ? NullNode.INSTANCE : NumberNode.of(value.longValue()));
  }

  /**
   * Appends a number.
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(double value) {
    return addNode(NumberNode.of(value));
  }

  /**
   * Appends a number (JSON null when it is null).
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(@Nullable Double value) {
    return addNode(value == null ? NullNode.INSTANCE : NumberNode.of(value.doubleValue()));
  }

  /**
   * Appends a number (JSON null when it is null).
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(@Nullable BigDecimal value) {
    return addNode(value == null ? NullNode.INSTANCE : NumberNode.of(value));
  }

  /**
   * Appends a number (JSON null when it is null).
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(@Nullable BigInteger value) {
    return addNode(value == null ? NullNode.INSTANCE : NumberNode.of(value));
  }

  /**
   * Appends a boolean.
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(boolean value) {
    return addNode(JsonLeaves.bool(value));
  }

  /**
   * Appends a boolean (JSON null when it is null).
   *
   * @param value the value
   * @return this array
   */
  public ArrayNode add(@Nullable Boolean value) {
    return addNode(value == null ? NullNode.INSTANCE : JsonLeaves.bool(value));
  }

  /**
   * Appends JSON null.
   *
   * @return this array
   */
  public ArrayNode addNull() {
    return addNode(NullNode.INSTANCE);
  }

  /**
   * Appends a new, empty object.
   *
   * @return the new object
   */
  public ObjectNode addObject() {
    ObjectNode o = new ObjectNode();
    addNode(o);
    return o;
  }

  /**
   * Appends a new, empty array.
   *
   * @return the new array
   */
  public ArrayNode addArray() {
    ArrayNode a = new ArrayNode();
    addNode(a);
    return a;
  }

  /**
   * Appends every element of another array.
   *
   * @param other the array
   * @return this array
   */
  public ArrayNode addAll(ArrayNode other) {
    children.addAll(other.children);
    return this;
  }

  /**
   * Appends trees.
   *
   * @param values the values
   * @return this array
   */
  public ArrayNode addAll(Collection<? extends JsonNode> values) {
    values.forEach(this::add);
    return this;
  }

  /**
   * Inserts a tree.
   *
   * @param index where; past the end appends
   * @param value the value (JSON null when it is null)
   * @return this array
   */
  public ArrayNode insert(int index, @Nullable JsonNode value) {
    children.add(Math.max(0, Math.min(index, children.size())), value == null ? NullNode.INSTANCE : value);
    return this;
  }

  /**
   * Replaces an element.
   *
   * @param index the element's index
   * @param value the value (JSON null when it is null)
   * @return the element before
   * @throws IndexOutOfBoundsException when there is no such element
   */
  public JsonNode set(int index, @Nullable JsonNode value) {
    return children.set(index, value == null ? NullNode.INSTANCE : value);
  }

  /**
   * Removes an element.
   *
   * @param index the element's index
   * @return the element, or null when there is none
   */
  public @Nullable JsonNode remove(int index) {
    return index >= 0 && index < children.size() ? children.remove(index) : null;
  }

  /**
   * Removes every element.
   *
   * @return this array
   */
  public ArrayNode removeAll() {
    children.clear();
    return this;
  }

  @Override
  public ArrayNode deepCopy() {
    ArrayNode copy = new ArrayNode();
    children.forEach(c -> copy.children.add(c.deepCopy()));
    return copy;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ArrayNode other && other.children.equals(children);
  }

  @Override
  public int hashCode() {
    return children.hashCode();
  }
}
