package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An amount with its unit, exactly as Cost Explorer sent it ({@code "0.0101516483"}, {@code USD}): a
 * {@link BigDecimal}, never a {@code double}, so sums are exact.
 *
 * @param value the amount
 * @param unit the unit, such as {@code USD} or {@code Hrs}
 */
public record Amount(BigDecimal value, String unit) {
  /** The most digits before the decimal point an amount may have. */
  public static final int MAX_INTEGER_DIGITS = 30;
  /** The most digits after the decimal point an amount may have. */
  public static final int MAX_DECIMALS = 40;

  /**
   * Validates.
   *
   * @param value the amount
   * @param unit the unit
   * @throws ValidationException when a part is missing or the amount is beyond 30 integer digits or 40 decimals
   */
  public Amount {
    Checks.present("amount", value, "a decimal amount");
    if (!fits(value)) {
      // Not the value itself: 1e999999999 would be a billion digits in the message.
      throw ValidationException.of("amount", "a number of precision " + value.precision() + " and scale "
          + value.scale(), "a decimal amount of at most " + MAX_INTEGER_DIGITS + " integer digits and " + MAX_DECIMALS
          + " decimals");
    }
    Checks.length("unit", unit, 0, 32);
  }

  /**
   * Whether a decimal is within what an amount may hold (checked without expanding it).
   *
   * @param value the decimal
   * @return true for at most 30 integer digits and 40 decimals
   */
  public static boolean fits(BigDecimal value) {
    return value.scale() <= MAX_DECIMALS && (long) value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
  }

  /**
   * An amount in US dollars.
   *
   * @param value the amount
   * @return the amount
   */
  public static Amount usd(BigDecimal value) {
    return new Amount(value, "USD");
  }

  /**
   * Zero in a unit.
   *
   * @param unit the unit
   * @return zero
   */
  public static Amount zero(String unit) {
    return new Amount(BigDecimal.ZERO, unit);
  }

  /**
   * Adds an amount of the same unit, exactly.
   *
   * @param other the other amount
   * @return the sum
   * @throws ValidationException when the units differ
   */
  public Amount plus(Amount other) {
    Checks.present("amount", other, "an amount to add");
    if (!unit.equals(other.unit)) {
      throw ValidationException.of("unit", other.unit, "the same unit as " + unit + " to add amounts");
    }
    return new Amount(value.add(other.value), unit);
  }

  /**
   * The exact sum of amounts of one unit.
   *
   * @param amounts the amounts
   * @param unit their unit (the unit of an empty sum)
   * @return the sum
   * @throws ValidationException when an amount has another unit
   */
  public static Amount sum(Collection<Amount> amounts, String unit) {
    Amount total = zero(unit);
    for (Amount amount : Checks.list("amounts", amounts, "amounts")) {
      total = total.plus(amount);
    }
    return total;
  }

  /** {@return the value rounded to cents (half even), for display} */
  public BigDecimal rounded() {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** {@code 12.34 USD}, rounded to cents. */
  @Override
  public String toString() {
    return rounded().toPlainString() + " " + unit;
  }
}
