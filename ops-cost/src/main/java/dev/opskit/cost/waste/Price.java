package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.math.BigDecimal;

/**
 * A unit price in US dollars and where it came from.
 *
 * @param usdPerUnit the price of one unit, in USD, zero or more
 * @param unit the unit
 * @param source where the price came from
 */
public record Price(BigDecimal usdPerUnit, PriceUnit unit, PriceSource source) {
  /**
   * Validates the price.
   *
   * @param usdPerUnit the price of one unit, in USD, zero or more
   * @param unit the unit
   * @param source where the price came from
   * @throws dev.opskit.core.ValidationException when a part is missing or the price is negative
   */
  public Price {
    Checks.present("usdPerUnit", usdPerUnit, "a price in USD, zero or more");
    Checks.require(usdPerUnit.signum() >= 0, "usdPerUnit", usdPerUnit, "a price in USD, zero or more");
    Checks.present("unit", unit, "GB_MONTH or HOUR");
    Checks.present("source", source, "where the price came from");
  }

  /**
   * The same price, from another source.
   *
   * @param other the source
   * @return the price
   */
  public Price from(PriceSource other) {
    return new Price(usdPerUnit, unit, other);
  }
}
