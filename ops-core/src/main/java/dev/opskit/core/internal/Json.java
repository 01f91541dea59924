package dev.opskit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The one shared Jackson mapper of ops-core, and the JSON form of audit events. */
public final class Json {
  /** A mapper configured for OpsKit: ISO dates, insertion order kept, no failures on empty beans. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
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
