package dev.opskit.cost.report;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * When a change is worth flagging: its absolute amount reaches {@code absolute} and its relative size reaches
 * {@code percent} (both, so a tiny service doubling from 0.01 to 0.02 is not news). A change from zero has no
 * percentage and is flagged on the absolute threshold alone.
 *
 * @param absolute the least absolute change, in the report's unit (such as 10 USD: Steampipe's thrifty default)
 * @param percent the least relative change, in percent
 */
public record Thresholds(BigDecimal absolute, BigDecimal percent) {
  /** The defaults: 10 (USD) and 10 %. */
  public static final Thresholds DEFAULT = new Thresholds(BigDecimal.TEN, BigDecimal.TEN);

  /**
   * Validates.
   *
   * @param absolute zero or more
   * @param percent zero or more
   * @throws ValidationException when a part is missing or negative
   */
  public Thresholds {
    Checks.present("thresholds.absolute", absolute, "an amount of zero or more");
    Checks.present("thresholds.percent", percent, "a percentage of zero or more");
    if (absolute.signum() < 0) {
      throw ValidationException.of("thresholds.absolute", absolute, "an amount of zero or more");
    }
    if (percent.signum() < 0) {
      throw ValidationException.of("thresholds.percent", percent, "a percentage of zero or more");
    }
  }

  /**
   * Whether a change passes both thresholds.
   *
   * @param delta the absolute change
   * @param deltaPercent the relative change, or null when it started from zero
   * @return true when worth flagging
   */
  public boolean flags(BigDecimal delta, @Nullable BigDecimal deltaPercent) {
    return delta.abs().compareTo(absolute) >= 0 && (deltaPercent == null || deltaPercent.abs().compareTo(percent) >= 0);
  }
}
