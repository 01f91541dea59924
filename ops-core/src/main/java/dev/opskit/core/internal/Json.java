package dev.opskit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opskit.core.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one shared Jackson mapper of ops-core, and the JSON form of audit events. */
public final class Json {
  /** A mapper configured for OpsKit: ISO dates, insertion order kept, no failures on empty beans. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private Json() {}

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
