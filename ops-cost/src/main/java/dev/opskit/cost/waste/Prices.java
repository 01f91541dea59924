package dev.opskit.cost.waste;

import dev.opskit.core.OpsContext;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.waste.internal.PriceListPrices;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the waste finder gets unit prices: the AWS Price List API (cached), a table the caller supplies, or one
 * then the other.
 *
 * <pre>{@code
 * Prices prices = Prices.table(myTable).orElse(Prices.priceList(ctx));
 * }</pre>
 */
@FunctionalInterface
public interface Prices {
  /** The default time the Price List API's answers are kept: 24 hours (AWS publishes prices about daily). */
  Duration DEFAULT_CACHE_TIME = Duration.ofHours(24);

  /**
   * The unit price of a key in a region.
   *
   * @param key what is priced
   * @param region the region the resource is in
   * @return the price, or empty when this source does not know it
   */
  Optional<Price> find(PriceKey key, Region region);

  /**
   * This source, then another for what this one does not know.
   *
   * @param fallback the other source
   * @return the combined source
   */
  default Prices orElse(Prices fallback) {
    Checks.present("fallback", fallback, "another Prices source");
    return (key, region) -> {
      Optional<Price> first = find(key, region);
      return first.isPresent() ? first : fallback.find(key, region);
    };
  }

  /**
   * The caller's table (for whatever region is scanned).
   *
   * @param table the table
   * @return the source
   */
  static Prices table(PriceTable table) {
    Checks.present("table", table, "a PriceTable");
    return (key, region) -> table.find(key);
  }

  /**
   * The AWS Price List API ({@code pricing:GetProducts}, on-demand terms), answers cached for 24 hours.
   *
   * @param ctx the context (the Price List API answers in us-east-1; the context's endpoint override is kept)
   * @return the source
   */
  static Prices priceList(OpsContext ctx) {
    return priceList(ctx, DEFAULT_CACHE_TIME);
  }

  /**
   * The AWS Price List API, answers cached for a time.
   *
   * @param ctx the context
   * @param cacheFor how long an answer is kept; 0 to 31 days (0: never cached)
   * @return the source
   * @throws dev.opskit.core.ValidationException when the time is out of range
   */
  static Prices priceList(OpsContext ctx, Duration cacheFor) {
    Checks.present("ctx", ctx, "an OpsContext");
    Checks.duration("cacheFor", cacheFor, Duration.ZERO, Duration.ofDays(31), "0 to 31 days");
    return new PriceListPrices(ctx, cacheFor);
  }

  /** {@return a source that knows no price (every estimate is unpriced)} */
  static Prices none() {
    return (key, region) -> Optional.empty();
  }
}
