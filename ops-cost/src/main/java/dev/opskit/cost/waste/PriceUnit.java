package dev.opskit.cost.waste;

import java.math.BigDecimal;

/** The unit a price is quoted in, and how it turns into a monthly amount. */
public enum PriceUnit {
  /** Per GB (GiB, as AWS bills storage) and month. */
  GB_MONTH(BigDecimal.ONE),
  /** Per hour; a month is 730 hours, as AWS's pricing pages count. */
  HOUR(BigDecimal.valueOf(730));

  private final BigDecimal perMonth;

  PriceUnit(BigDecimal perMonth) {
    this.perMonth = perMonth;
  }

  /** {@return how many units one month holds for one item (730 hours, or 1 GB-month per GB)} */
  public BigDecimal perMonth() {
    return perMonth;
  }
}
