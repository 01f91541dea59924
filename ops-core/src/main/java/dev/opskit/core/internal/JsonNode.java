package dev.opskit.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value as a tree: OpsKit's own small tree over jackson-core's streaming parser and generator, with the
 * methods and the semantics of Jackson's {@code JsonNode} that OpsKit uses (accessors that never fail, {@link
 * #path} that never returns null, equality by kind and value, insertion order kept), without the 1.8 MB of
 * jackson-databind in every module's runtime.
 *
 * <p>Objects ({@link ObjectNode}) and arrays ({@link ArrayNode}) are mutable while they are built and are not
 * thread-safe; the other values are immutable. Text and parsing: {@link Json}.
 */
public abstract class JsonNode implements Iterable<JsonNode> {
  JsonNode() {}

  /** {@return the kind of this value} */
  public abstract JsonNodeType getNodeType();

  /**
   * The member of an object.
   *
   * @param name the member's name
   * @return the member, or null when this is not an object or has no such member
   */
  public @Nullable JsonNode get(String name) {
    return null;
  }

  /**
   * The element of an array.
   *
   * @param index the index
   * @return the element, or null when this is not an array or has no such index
   */
  public @Nullable JsonNode get(int index) {
    return null;
  }

  /**
   * The member of an object, never null.
   *
   * @param name the member's name
   * @return the member, or the missing node
   */
  public JsonNode path(String name) {
    return MissingNode.INSTANCE;
  }

  /**
   * The element of an array, never null.
   *
   * @param index the index
   * @return the element, or the missing node
   */
  public JsonNode path(int index) {
    return MissingNode.INSTANCE;
  }

  /**
   * The value a JSON Pointer (RFC 6901) names, such as {@code /widgets/0/type}.
   *
   * @param pointer the pointer; empty for this node
   * @return the value, or the missing node
   */
  public JsonNode at(String pointer) {
    if (pointer.isEmpty()) {
      return this;
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("a JSON Pointer starts with '/': " + pointer);
    }
    JsonNode node = this;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof ArrayNode array) {
        node = index(token).map(array::path).orElse(MissingNode.INSTANCE);
      } else {
        node = node.path(token);
      }
      if (node.isMissingNode()) {
        return node;
      }
    }
    return node;
  }

  private static java.util.Optional<Integer> index(String token) {
    if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
      return java.util.Optional.empty();
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(Integer.parseInt(token));
  }

  /**
   * Whether an object has the member, null or not.
   *
   * @param name the member's name
   * @return true when it has it
   */
  public boolean has(String name) {
    return get(name) != null;
  }

  /**
   * Whether an array has the index.
   *
   * @param index the index
   * @return true when it has it
   */
  public boolean has(int index) {
    return get(index) != null;
  }

  /**
   * Whether an object has the member with a value other than null.
   *
   * @param name the member's name
   * @return true when it has it, not null
   */
  public boolean hasNonNull(String name) {
    JsonNode n = get(name);
    return n != null && !n.isNull();
  }

  /** {@return whether this is an object} */
  public final boolean isObject() {
    return getNodeType() == JsonNodeType.OBJECT;
  }

  /** {@return whether this is an array} */
  public final boolean isArray() {
    return getNodeType() == JsonNodeType.ARRAY;
  }

  /** {@return whether this is an object or an array} */
  public final boolean isContainerNode() {
    return isObject() || isArray();
  }

  /** {@return whether this is a string, number, boolean or null} */
  public final boolean isValueNode() {
    return !isContainerNode() && !isMissingNode();
  }

  /** {@return whether this is a string} */
  public final boolean isTextual() {
    return getNodeType() == JsonNodeType.STRING;
  }

  /** {@return whether this is a number} */
  public final boolean isNumber() {
    return getNodeType() == JsonNodeType.NUMBER;
  }

  /** {@return whether this is a boolean} */
  public final boolean isBoolean() {
    return getNodeType() == JsonNodeType.BOOLEAN;
  }

  /** {@return whether this is JSON null} */
  public final boolean isNull() {
    return getNodeType() == JsonNodeType.NULL;
  }

  /** {@return whether this is the missing node (no value at all)} */
  public final boolean isMissingNode() {
    return getNodeType() == JsonNodeType.MISSING;
  }

  /** {@return whether this is a number without a fraction (read or made as an integer)} */
  public boolean isIntegralNumber() {
    return false;
  }

  /** {@return whether this is a number held as a Java int} */
  public boolean isInt() {
    return false;
  }

  /** {@return whether this is a number held as a Java long} */
  public boolean isLong() {
    return false;
  }

  /** {@return whether this is a number with a fraction or exponent} */
  public boolean isFloatingPointNumber() {
    return false;
  }

  /** {@return whether this is a number held as a Java double} */
  public boolean isDouble() {
    return false;
  }

  /** {@return whether this is a number held as a BigDecimal} */
  public boolean isBigDecimal() {
    return false;
  }

  /** {@return the text of a string, else null} */
  public @Nullable String textValue() {
    return null;
  }

  /** {@return the value as text: a string's text, a number's or boolean's JSON text, {@code null}, or empty for a container} */
  public String asText() {
    return "";
  }

  /**
   * The value as text, with a default.
   *
   * @param defaultValue what JSON null and the missing node give
   * @return the text
   */
  public String asText(String defaultValue) {
    return asText();
  }

  /** {@return the value as an int: a number's, a numeric string's, a boolean's 1 or 0; else 0} */
  public int asInt() {
    return asInt(0);
  }

  /**
   * The value as an int, with a default.
   *
   * @param defaultValue what a value that has no int form gives
   * @return the int
   */
  public int asInt(int defaultValue) {
    return defaultValue;
  }

  /** {@return the value as a long: a number's, a numeric string's, a boolean's 1 or 0; else 0} */
  public long asLong() {
    return asLong(0L);
  }

  /**
   * The value as a long, with a default.
   *
   * @param defaultValue what a value that has no long form gives
   * @return the long
   */
  public long asLong(long defaultValue) {
    return defaultValue;
  }

  /** {@return the value as a double: a number's, a numeric string's, a boolean's 1 or 0; else 0} */
  public double asDouble() {
    return asDouble(0.0);
  }

  /**
   * The value as a double, with a default.
   *
   * @param defaultValue what a value that has no double form gives
   * @return the double
   */
  public double asDouble(double defaultValue) {
    return defaultValue;
  }

  /** {@return the value as a boolean: a boolean's, the string {@code true}, a non-zero integer; else false} */
  public boolean asBoolean() {
    return asBoolean(false);
  }

  /**
   * The value as a boolean, with a default.
   *
   * @param defaultValue what a value that has no boolean form gives
   * @return the boolean
   */
  public boolean asBoolean(boolean defaultValue) {
    return defaultValue;
  }

  /** {@return a boolean's value, else false} */
  public boolean booleanValue() {
    return false;
  }

  /** {@return a number's value as an int (narrowed as Java narrows), else 0} */
  public int intValue() {
    return 0;
  }

  /** {@return a number's value as a long (narrowed as Java narrows), else 0} */
  public long longValue() {
    return 0L;
  }

  /** {@return a number's value as a double, else 0} */
  public double doubleValue() {
    return 0.0;
  }

  /** {@return a number's value as a BigDecimal, else zero} */
  public BigDecimal decimalValue() {
    return BigDecimal.ZERO;
  }

  /** {@return a number's value as a BigInteger (fraction dropped), else zero} */
  public BigInteger bigIntegerValue() {
    return BigInteger.ZERO;
  }

  /** {@return a number's value, else null} */
  public @Nullable Number numberValue() {
    return null;
  }

  /** {@return whether this is a number whose integral part fits an int} */
  public boolean canConvertToInt() {
    return false;
  }

  /** {@return whether this is a number whose integral part fits a long} */
  public boolean canConvertToLong() {
    return false;
  }

  /** {@return the number of elements of an array or members of an object; 0 for other values} */
  public int size() {
    return 0;
  }

  /** {@return whether an array or object has no elements or members; true for other values} */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** {@return the elements of an array or the member values of an object; nothing for other values} */
  public Iterator<JsonNode> elements() {
    return Collections.emptyIterator();
  }

  /** The elements of an array or the member values of an object, as {@link #elements()}. */
  @Override
  public final Iterator<JsonNode> iterator() {
    return elements();
  }

  /** {@return the member names of an object, in order; nothing for other values} */
  public Iterator<String> fieldNames() {
    return Collections.emptyIterator();
  }

  /** {@return the members of an object, in order, read-only; nothing for other values} */
  public Set<Map.Entry<String, JsonNode>> properties() {
    return Collections.emptySet();
  }

  /** {@return a copy that shares nothing mutable with this one} */
  public abstract JsonNode deepCopy();

  /** {@return this value as compact JSON ({@code ""} for the missing node)} */
  @Override
  public String toString() {
    return JsonText.write(this, false);
  }

  /** {@return this value as indented JSON} */
  public String toPrettyString() {
    return JsonText.write(this, true);
  }

  /** Equal when of the same kind with equal values (an int 1 is not a long 1 nor a double 1.0, as in Jackson). */
  @Override
  public abstract boolean equals(@Nullable Object o);

  @Override
  public abstract int hashCode();
}
