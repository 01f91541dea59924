package dev.opskit.monitoring.logs;

import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.logs.internal.RowParser;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of a Logs Insights result: field name to value, in the order AWS sent them ({@code @ptr} left out).
 * Values are parsed: {@code @timestamp} and other times to {@link FieldValue.Time}, numbers to
 * {@link FieldValue.Numeric}, anything else kept as {@link FieldValue.Text}; parsing never fails.
 *
 * @param fields the values by field name
 */
public record InsightsRow(Map<String, FieldValue> fields) {

  /**
   * Copies the fields.
   *
   * @param fields the values by field name
   */
  public InsightsRow {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.map("fields", fields, "field values")));
  }

  /**
   * Parses a row from field names and texts (as GetQueryResults sends them). Never throws for any text.
   *
   * @param raw field name to text
   * @return the row
   */
  public static InsightsRow parse(Map<String, String> raw) {
    return RowParser.row(raw);
  }

  /**
   * A field.
   *
   * @param field such as {@code @message}
   * @return its value, if the row has it
   */
  public Optional<FieldValue> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  /**
   * A field as text.
   *
   * @param field the field
   * @return the text as sent, if present
   */
  public Optional<String> text(String field) {
    return get(field).map(FieldValue::raw);
  }

  /**
   * A numeric field.
   *
   * @param field such as {@code count()}
   * @return the number, if present and numeric
   */
  public OptionalDouble number(String field) {
    return fields.get(field) instanceof FieldValue.Numeric n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
  }

  /**
   * A time field.
   *
   * @param field such as {@code bin(5m)}
   * @return the instant, if present and a time
   */
  public Optional<Instant> time(String field) {
    return fields.get(field) instanceof FieldValue.Time t ? Optional.of(t.value()) : Optional.empty();
  }

  /** {@return {@code @timestamp}, if present and a time} */
  public Optional<Instant> timestamp() {
    return time("@timestamp");
  }
}
