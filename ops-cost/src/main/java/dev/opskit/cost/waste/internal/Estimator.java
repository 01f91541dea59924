package dev.opskit.cost.waste.internal;

import dev.opskit.core.OpsException;
import dev.opskit.cost.waste.CostEstimate;
import dev.opskit.cost.waste.Price;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.Prices;
import java.math.BigDecimal;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** Turns a price key and a quantity into a finding's estimate; a source that fails leaves the finding unpriced. */
final class Estimator {
  private final Prices prices;
  private final Region region;

  Estimator(Prices prices, Region region) {
    this.prices = prices;
    this.region = region;
  }

  CostEstimate estimate(PriceKey key, BigDecimal quantity, String what) {
    Optional<Price> price;
    try {
      price = prices.find(key, region);
    } catch (OpsException e) {
      return CostEstimate.unpriced("no price for " + key + " in " + region + ": " + e.getMessage());
    }
    return price.map(p -> CostEstimate.of(p, quantity, what))
        .orElseGet(() -> CostEstimate.unpriced("no price for " + key + " in " + region));
  }
}
