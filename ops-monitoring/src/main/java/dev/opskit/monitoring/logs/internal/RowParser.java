package dev.opskit.monitoring.logs.internal;

import dev.opskit.monitoring.logs.FieldValue;
import dev.opskit.monitoring.logs.InsightsRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses Logs Insights texts into {@link FieldValue}s; total: every text gives a value, none throws. Times are
 * {@code yyyy-MM-dd HH:mm:ss[.fraction]} in UTC (how Logs Insights writes {@code @timestamp} and {@code bin()}),
 * numbers are decimal (optionally with an exponent); lengths are checked before any pattern runs.
 */
public final class RowParser {
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");
  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{13}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?([eE][-+]?\\d{1,4})?");
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS]");

  private RowParser() {}

  /**
   * A row from field texts; the {@code @ptr} field and absent names are left out, absent values are empty text.
   *
   * @param raw field name to text
   * @return the row
   */
  public static InsightsRow row(@Nullable Map<String, String> raw) {
    Map<String, FieldValue> out = new LinkedHashMap<>();
    if (raw != null) {
      raw.forEach((k, v) -> {
        if (k != null && !"@ptr".equals(k)) {
          out.put(k, value(k, v == null ? "" : v));
        }
      });
    }
    return new InsightsRow(out);
  }

  /**
   * One value of a field: as {@link #value(String)}, and {@code @timestamp} also as epoch milliseconds (13 digits,
   * what moto sends).
   *
   * @param field the field name
   * @param text the text
   * @return a time, a finite number, or the text
   */
  public static FieldValue value(String field, String text) {
    if ("@timestamp".equals(field) && text.length() == 13 && EPOCH_MILLIS.matcher(text).matches()) {
      return new FieldValue.Time(text, Instant.ofEpochMilli(Long.parseLong(text)));
    }
    return value(text);
  }

  /**
   * One value.
   *
   * @param text the text
   * @return a time, a finite number, or the text
   */
  public static FieldValue value(String text) {
    int n = text.length();
    if (n >= 19 && n <= 29 && TIME.matcher(text).matches()) {
      try {
        return new FieldValue.Time(text, LocalDateTime.parse(normalise(text), FORMAT).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return new FieldValue.Text(text);
      }
    }
    if (n >= 1 && n <= 90 && NUMBER.matcher(text).matches()) {
      double d = Double.parseDouble(text);
      if (Double.isFinite(d)) {
        return new FieldValue.Numeric(text, d);
      }
    }
    return new FieldValue.Text(text);
  }

  /** Pads a fraction to nine digits so one pattern reads every length. */
  private static String normalise(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text);
    while (b.length() - dot - 1 < 9) {
      b.append('0');
    }
    return b.toString();
  }
}
