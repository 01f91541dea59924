package dev.opskit.cost.waste;

import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unit prices the caller supplies (for the region being scanned, in USD), used instead of or before the AWS Price
 * List API. Each price is quoted in its product's {@link PriceKey.Product#unit() unit}.
 *
 * <pre>{@code
 * PriceTable table = PriceTable.builder().price(PriceKey.ebsVolume("gp2"), new BigDecimal("0.10")).build();
 * }</pre>
 *
 * @param prices USD per unit, by key
 */
public record PriceTable(Map<PriceKey, BigDecimal> prices) {
  /**
   * Validates and copies.
   *
   * @param prices USD per unit, by key
   * @throws dev.opskit.core.ValidationException when a price is missing or negative
   */
  public PriceTable {
    prices = Checks.map("prices", prices, "USD per unit, zero or more, by PriceKey");
    prices.forEach((k, v) -> Checks.require(v.signum() >= 0, "prices." + k, v.toPlainString(), "USD per unit, zero or more"));
  }

  /**
   * The price of a key.
   *
   * @param key the key
   * @return the price, from {@link PriceSource#PRICE_TABLE}, or empty
   */
  public Optional<Price> find(PriceKey key) {
    BigDecimal usd = prices.get(key);
    return usd == null ? Optional.empty() : Optional.of(new Price(usd, key.product().unit(), PriceSource.PRICE_TABLE));
  }

  /** {@return a builder of a table} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PriceTable}. */
  public static final class Builder {
    private final Map<PriceKey, BigDecimal> prices = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a price.
     *
     * @param key what the price is for
     * @param usdPerUnit USD per the product's unit
     * @return this builder
     */
    public Builder price(PriceKey key, BigDecimal usdPerUnit) {
      Checks.present("key", key, "a PriceKey");
      prices.put(key, Checks.present("usdPerUnit", usdPerUnit, "USD per unit, zero or more"));
      return this;
    }

    /**
     * Adds a price written as a decimal number.
     *
     * @param key what the price is for
     * @param usdPerUnit USD per the product's unit, such as {@code "0.10"}
     * @return this builder
     * @throws dev.opskit.core.ValidationException when the text is not a decimal number
     */
    public Builder price(PriceKey key, String usdPerUnit) {
      Checks.present("usdPerUnit", usdPerUnit, "a decimal number such as 0.10");
      Checks.require(usdPerUnit.length() <= 40 && usdPerUnit.matches("[0-9]{1,20}(\\.[0-9]{1,18})?"), "usdPerUnit",
          usdPerUnit, "a decimal number such as 0.10");
      return price(key, new BigDecimal(usdPerUnit));
    }

    /** {@return the table} */
    public PriceTable build() {
      return new PriceTable(prices);
    }
  }
}
