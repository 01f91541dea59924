package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.math.BigDecimal;

/**
 * A finding's estimated monthly cost in US dollars, where its price came from, and how it was reckoned.
 *
 * @param monthlyUsd the estimate per month, in USD (zero when {@link PriceSource#UNPRICED})
 * @param source where the unit price came from
 * @param basis how the number was reckoned, such as "100 GB × USD 0.10 per GB_MONTH"
 */
public record CostEstimate(BigDecimal monthlyUsd, PriceSource source, String basis) {
  /**
   * Validates the estimate.
   *
   * @param monthlyUsd the estimate per month, in USD (zero when {@link PriceSource#UNPRICED})
   * @param source where the unit price came from
   * @param basis how the number was reckoned, such as "100 GB × USD 0.10 per GB_MONTH"
   * @throws dev.opskit.core.ValidationException when a part is missing or the amount is negative
   */
  public CostEstimate {
    Checks.present("monthlyUsd", monthlyUsd, "an amount in USD, zero or more");
    Checks.require(monthlyUsd.signum() >= 0, "monthlyUsd", monthlyUsd, "an amount in USD, zero or more");
    Checks.present("source", source, "where the price came from");
    Checks.present("basis", basis, "how the estimate was reckoned");
  }

  /**
   * An estimate from a unit price and a quantity of units per month.
   *
   * @param price the unit price
   * @param quantity how many of the price's unit the resource has (GB for storage, 1 for an hourly item)
   * @param what what the quantity counts, such as "GB gp2"
   * @return the estimate: quantity × units per month × price
   */
  public static CostEstimate of(Price price, BigDecimal quantity, String what) {
    BigDecimal monthly = price.usdPerUnit().multiply(quantity).multiply(price.unit().perMonth());
    String hours = price.unit() == PriceUnit.HOUR ? " × " + price.unit().perMonth().toPlainString() + " hours" : "";
    return new CostEstimate(monthly, price.source(), quantity.toPlainString() + " " + what + hours + " × USD "
        + price.usdPerUnit().toPlainString() + " per " + price.unit());
  }

  /**
   * An estimate no source could price.
   *
   * @param why which price was missing
   * @return a zero estimate saying so
   */
  public static CostEstimate unpriced(String why) {
    return new CostEstimate(BigDecimal.ZERO, PriceSource.UNPRICED, why);
  }
}
