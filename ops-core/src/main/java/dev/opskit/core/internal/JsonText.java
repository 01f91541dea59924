package dev.opskit.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@link JsonNode} trees with jackson-core's streaming parser and generator, and turns plain
 * Java values into trees. Strict reading refuses duplicated members and trailing content; jackson-core's limits
 * (nesting depth, number and string length) apply to every read.
 */
final class JsonText {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final JsonFactory STRICT = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonText() {}

  /**
   * Parses one JSON value.
   *
   * @param json the text
   * @param strict whether duplicated members and trailing content are refused
   * @return the tree; the missing node for text with no value
   * @throws JsonParseException (an {@link IOException}) when the text is not such a value
   */
  static JsonNode parse(String json, boolean strict) throws IOException {
    try (JsonParser p = (strict ? STRICT : FACTORY).createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return MissingNode.INSTANCE;
      }
      JsonNode root = value(p, first);
      if (strict) {
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
          throw new JsonParseException(p, "Trailing token (of type " + trailing + ") found after the value: not allowed");
        }
      }
      return root;
    }
  }

  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode o = new ObjectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          if (t != JsonToken.FIELD_NAME) {
            throw new JsonParseException(p, "Unexpected token " + t + " in an object");
          }
          String name = p.currentName();
          o.replace(name, value(p, p.nextToken()));
        }
        yield o;
      }
      case START_ARRAY -> {
        ArrayNode a = new ArrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          a.add(value(p, t));
        }
        yield a;
      }
      case VALUE_STRING -> new TextNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> NumberNode.of(p.getIntValue());
        case LONG -> NumberNode.of(p.getLongValue());
        default -> NumberNode.of(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
          ? NumberNode.of(p.getDecimalValue()) : NumberNode.of(p.getDoubleValue());
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      case VALUE_NULL -> NullNode.INSTANCE;
      default -> throw new JsonParseException(p, "Unexpected token " + token);
    };
  }

  /** Writes a tree as JSON text: compact, or indented as Jackson's default pretty printer indents. */
  static String write(JsonNode node, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      if (!node.isMissingNode()) {
        write(g, node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode e : node) {
          write(g, e);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.asText());
      case NUMBER -> {
        switch (((NumberNode) node).kind()) {
          case INT -> g.writeNumber(node.intValue());
          case LONG -> g.writeNumber(node.longValue());
          case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
          case DOUBLE -> g.writeNumber(node.doubleValue());
          case DECIMAL -> g.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL, MISSING -> g.writeNull();
    }
  }

  /**
   * A plain Java value as a tree: null, trees, text, numbers, booleans, enums (by name), maps (keys as text),
   * collections and arrays, optionals (their value or null), records (their components), {@code java.time}
   * values as ISO-8601 text, and {@link dev.opskit.core.secret.SecretValue}s as their redacted text.
   *
   * @throws IllegalArgumentException for any other type, naming it
   */
  static JsonNode tree(@Nullable Object value) {
    if (value == null) {
      return NullNode.INSTANCE;
    }
    if (value instanceof JsonNode n) {
      return n;
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return new TextNode(value.toString());
    }
    if (value instanceof Boolean b) {
      return JsonLeaves.bool(b);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return NumberNode.of(((Number) value).intValue());
    }
    if (value instanceof Long l) {
      return NumberNode.of(l.longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return NumberNode.of(((Number) value).doubleValue());
    }
    if (value instanceof BigDecimal d) {
      return NumberNode.of(d);
    }
    if (value instanceof BigInteger i) {
      return NumberNode.of(i);
    }
    if (value instanceof Number n) {
      return NumberNode.of(new BigDecimal(n.toString()));
    }
    if (value instanceof Enum<?> e) {
      return new TextNode(e.name());
    }
    if (value instanceof java.time.ZonedDateTime z) {
      return new TextNode(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z));
    }
    if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.time.temporal.TemporalAmount
        || value instanceof java.time.ZoneId || value instanceof java.net.URI || value instanceof java.util.UUID
        || value instanceof dev.opskit.core.secret.SecretValue) {
      return new TextNode(value.toString());
    }
    if (value instanceof Optional<?> o) {
      return tree(o.orElse(null));
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = new ObjectNode();
      m.forEach((k, v) -> o.replace(String.valueOf(k), tree(v)));
      return o;
    }
    if (value instanceof Iterable<?> it) {
      ArrayNode a = new ArrayNode();
      it.forEach(v -> a.add(tree(v)));
      return a;
    }
    if (value instanceof Object[] array) {
      ArrayNode a = new ArrayNode();
      for (Object v : array) {
        a.add(tree(v));
      }
      return a;
    }
    if (value.getClass().isRecord()) {
      ObjectNode o = new ObjectNode();
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          java.lang.reflect.Method accessor = c.getAccessor();
          accessor.setAccessible(true);
          o.replace(c.getName(), tree(accessor.invoke(value)));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalArgumentException("cannot be written as JSON: " + value.getClass().getName() + "."
              + c.getName() + " cannot be read", e);
        }
      }
      return o;
    }
    throw new IllegalArgumentException("cannot be written as JSON: a " + value.getClass().getName()
        + " (JSON takes trees, text, numbers, booleans, maps, lists, records and java.time values)");
  }
}
