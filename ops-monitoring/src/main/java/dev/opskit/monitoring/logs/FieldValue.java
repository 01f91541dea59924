package dev.opskit.monitoring.logs;

import dev.opskit.core.value.Checks;
import java.time.Instant;

/** One value of a Logs Insights row: text, a number, or a time. */
public sealed interface FieldValue {

  /** {@return the value as Logs Insights sent it} */
  String raw();

  /**
   * Text.
   *
   * @param raw the text
   */
  record Text(String raw) implements FieldValue {
    /**
     * Validates.
     *
     * @param raw the text
     */
    public Text {
      Checks.present("raw", raw, "a text");
    }
  }

  /**
   * A number (finite).
   *
   * @param raw the text sent
   * @param value the number
   */
  record Numeric(String raw, double value) implements FieldValue {
    /**
     * Validates.
     *
     * @param raw the text sent
     * @param value the number
     */
    public Numeric {
      Checks.present("raw", raw, "a text");
    }
  }

  /**
   * A time ({@code @timestamp}, {@code bin(5m)}, {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC).
   *
   * @param raw the text sent
   * @param value the instant
   */
  record Time(String raw, Instant value) implements FieldValue {
    /**
     * Validates.
     *
     * @param raw the text sent
     * @param value the instant
     */
    public Time {
      Checks.present("raw", raw, "a text");
      Checks.present("value", value, "an instant");
    }
  }
}
