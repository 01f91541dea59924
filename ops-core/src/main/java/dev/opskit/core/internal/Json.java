package dev.opskit.core.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON in ops-core and the modules: OpsKit's own {@link JsonNode} trees, read and written with jackson-core's
 * streaming parser and generator (no jackson-databind), and the JSON form of audit events.
 */
public final class Json {
  private Json() {}

  /** {@return a new, empty JSON object} */
  public static ObjectNode object() {
    return new ObjectNode();
  }

  /** {@return a new, empty JSON array} */
  public static ArrayNode array() {
    return new ArrayNode();
  }

  /**
   * A plain value as a JSON tree: null, trees, text, numbers, booleans, enums (by name), maps (keys as text),
   * collections and arrays, optionals, records (their components), {@code java.time} values as ISO-8601 text
   * ({@code 2024-01-01T12:00:00Z}, {@code PT5M}; a zoned date-time with its offset) and secret values as their
   * redacted text.
   *
   * @param value the value
   * @return the tree
   * @throws IllegalArgumentException for a value of any other type
   */
  public static JsonNode tree(@Nullable Object value) {
    return JsonText.tree(value);
  }

  /**
   * A tree as plain Java values, as Jackson's {@code convertValue(tree, Object.class)} gives them: objects as
   * {@code LinkedHashMap}s in member order, arrays as {@code ArrayList}s, text as {@code String}, numbers as the
   * {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double} or {@code BigDecimal} they were read as,
   * booleans, and null for JSON null and the missing node.
   *
   * @param node the tree
   * @return the plain value
   */
  public static @Nullable Object plain(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          map.put(e.getKey(), plain(e.getValue()));
        }
        yield map;
      }
      case ARRAY -> {
        java.util.List<@Nullable Object> list = new java.util.ArrayList<>(node.size());
        for (JsonNode e : node) {
          list.add(plain(e));
        }
        yield list;
      }
      case STRING -> node.asText();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      case NULL, MISSING -> null;
    };
  }

  /**
   * Parses JSON text that OpsKit itself ships (resources in its jars); a failure is a bug, not bad input.
   *
   * @param json the text
   * @return the tree
   * @throws IllegalStateException when the text is not JSON
   */
  public static JsonNode parseTrusted(String json) {
    try {
      return JsonText.parse(json, false);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("OpsKit's own JSON is malformed: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("OpsKit's own JSON cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a tree or plain value (see {@link #tree}) as compact JSON.
   *
   * @param value the value
   * @return one line of JSON
   */
  public static String write(@Nullable Object value) {
    return JsonText.write(tree(value), false);
  }

  /**
   * Writes a tree or plain value (see {@link #tree}) as indented JSON.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String writePretty(@Nullable Object value) {
    return JsonText.write(tree(value), true);
  }

  /**
   * Parses JSON text that a user gave, for OpsKit's readers of definitions: anything that is not one
   * well-formed JSON value within Jackson's limits (at most 1,000 levels deep, numbers of at most 1,000
   * digits), without trailing content or duplicated members, is a {@link ValidationException}.
   *
   * @param field the field the text is, as the message names it (such as {@code alarm JSON})
   * @param json the text
   * @param allowed what is allowed, such as {@code "a JSON object"}; the parser's complaint is added
   * @return the tree; the missing node for empty text
   * @throws ValidationException when {@code json} is null or not such a JSON value
   */
  public static JsonNode readTree(String field, @Nullable String json, String allowed) {
    if (json == null) {
      throw ValidationException.of(field, null, allowed);
    }
    try {
      return JsonText.parse(json, true);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ValidationException.of(field, abbreviate(json), allowed + " (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw ValidationException.of(field, abbreviate(json), allowed + " (" + e.getMessage() + ")");
    }
  }

  /**
   * The first characters of a text, for a message.
   *
   * @param text the text
   * @return the text, or its first 77 characters and {@code ...} when it is longer than 80
   */
  public static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  /**
   * The JSON object of an audit event, on one line.
   *
   * @param event the event
   * @return one line of JSON
   */
  public static String auditLine(AuditEvent event) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("time", event.time().toString());
    map.put("operation", event.operation());
    map.put("target", event.target());
    map.put("outcome", event.outcome().name());
    map.put("dryRun", event.dryRun());
    map.put("durationMs", event.duration().toMillis());
    map.put("requestId", event.requestId());
    map.put("detail", event.detail());
    map.put("parameters", event.parameters());
    return write(map);
  }
}
