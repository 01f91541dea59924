package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** java.time values reach JSON as their ISO-8601 text, without jackson-datatype-jsr310. */
class JsonTimeTest {
  @Test
  void javaTimeValuesAreWrittenAsIsoText() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("instant", Instant.parse("2024-01-01T12:00:00.250Z"));
    values.put("duration", Duration.ofMinutes(5));
    values.put("day", LocalDate.of(2024, 1, 1));
    values.put("zoned", ZonedDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")));
    values.put("zone", ZoneId.of("Europe/Paris"));

    assertThat(Json.write(values)).isEqualTo("{\"instant\":\"2024-01-01T12:00:00.250Z\",\"duration\":\"PT5M\","
        + "\"day\":\"2024-01-01\",\"zoned\":\"2024-01-01T12:00:00+01:00\",\"zone\":\"Europe/Paris\"}");
  }
}
