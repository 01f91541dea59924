package dev.opskit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The one shared Jackson mapper of ops-core, and the JSON form of audit events. */
public final class Json {
  /** The mapper, configured for OpsKit: ISO dates, insertion order kept, no failures on empty beans. Never shared. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(javaTime())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  /**
   * The reader behind {@link #readTree}: Jackson's limits on nesting depth (1,000 levels), number length
   * and string length apply, and a document with trailing content or a duplicated member is rejected.
   */
  private static final ObjectReader STRICT = MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private Json() {}

  /**
   * java.time values as their ISO-8601 text ({@code 2024-01-01T12:00:00Z}, {@code PT5M}, {@code 2024-01-01}; a
   * zoned date-time with its offset, as {@code ISO_OFFSET_DATE_TIME}). OpsKit turns times into text itself
   * before they reach Jackson; this is the fallback for a value that does not, without the 140 KB of
   * jackson-datatype-jsr310 in every module's runtime.
   */
  private static SimpleModule javaTime() {
    SimpleModule module = new SimpleModule("opskit-java-time");
    for (Class<?> type : new Class<?>[] {java.time.Instant.class, java.time.OffsetDateTime.class,
        java.time.LocalDate.class, java.time.LocalDateTime.class, java.time.LocalTime.class, java.time.OffsetTime.class,
        java.time.Year.class, java.time.YearMonth.class, java.time.MonthDay.class, java.time.Duration.class,
        java.time.Period.class, java.time.ZoneId.class, java.time.ZoneOffset.class}) {
      module.addSerializer(type, ToStringSerializer.instance);
    }
    module.addSerializer(java.time.ZonedDateTime.class, new StdSerializer<>(java.time.ZonedDateTime.class) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(java.time.ZonedDateTime value, com.fasterxml.jackson.core.JsonGenerator gen,
          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
        gen.writeString(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
      }
    });
    return module;
  }

  /** {@return a new, empty JSON object} */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@return a new, empty JSON array} */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /**
   * A plain value (maps, lists, strings, numbers, booleans, null) as a JSON tree.
   *
   * @param value the value
   * @return the tree
   */
  public static JsonNode tree(@Nullable Object value) {
    return MAPPER.valueToTree(value);
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
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("OpsKit's own JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a tree or plain value as compact JSON.
   *
   * @param value the value
   * @return one line of JSON
   */
  public static String write(@Nullable Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a tree or plain value as indented JSON.
   *
   * @param value the value
   * @return the JSON text
   */
  public static String writePretty(@Nullable Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses JSON text that a user gave, for OpsKit's readers of definitions: anything that is not one
   * well-formed JSON value within Jackson's limits (at most 1,000 levels deep, numbers of at most 1,000
   * digits), without trailing content or duplicated members, is a {@link ValidationException}.
   *
   * @param field the field the text is, as the message names it (such as {@code alarm JSON})
   * @param json the text
   * @param allowed what is allowed, such as {@code "a JSON object"}; the parser's complaint is added
   * @return the tree; a {@code MissingNode} for empty text
   * @throws ValidationException when {@code json} is null or not such a JSON value
   */
  public static JsonNode readTree(String field, @Nullable String json, String allowed) {
    if (json == null) {
      throw ValidationException.of(field, null, allowed);
    }
    try {
      return STRICT.readTree(json);
    } catch (JsonProcessingException e) {
      throw ValidationException.of(field, abbreviate(json), allowed + " (" + e.getOriginalMessage() + ")");
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
    try {
      return MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("audit event cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
