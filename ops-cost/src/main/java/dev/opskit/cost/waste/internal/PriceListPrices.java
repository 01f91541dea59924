package dev.opskit.cost.waste.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.cost.waste.Price;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.PriceSource;
import dev.opskit.cost.waste.Prices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/**
 * The AWS Price List API as a price source: {@code GetProducts} (every page) with {@code TERM_MATCH} filters, the
 * on-demand price of the first matching product read from its JSON document; answers, found or not, kept for the
 * cache time on the context's clock and then served as {@link PriceSource#PRICE_LIST_CACHE}. The API answers in
 * us-east-1, eu-central-1 and ap-south-1; from any other region it is asked in us-east-1.
 */
public final class PriceListPrices implements Prices {
  private static final Set<Region> PRICING_REGIONS = Set.of(Region.US_EAST_1, Region.EU_CENTRAL_1, Region.AP_SOUTH_1);

  private final OpsContext ctx;
  private final Duration cacheFor;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private @Nullable OpsContext pricingContext;

  private record Cached(@Nullable Price price, Instant at) {}

  /**
   * The source.
   *
   * @param ctx the context
   * @param cacheFor how long answers are kept
   */
  public PriceListPrices(OpsContext ctx, Duration cacheFor) {
    this.ctx = ctx;
    this.cacheFor = cacheFor;
  }

  private synchronized PricingClient client() {
    OpsContext pricing = pricingContext;
    if (pricing == null) {
      pricing = PRICING_REGIONS.contains(ctx.region()) ? ctx : ctx.forRegion(Region.US_EAST_1);
      pricingContext = pricing;
    }
    return pricing.client(PricingClient.class, PricingClient::builder);
  }

  @Override
  public Optional<Price> find(PriceKey key, Region region) {
    String cacheKey = key + "@" + region.id();
    Instant now = ctx.clock().instant();
    Cached hit = cache.get(cacheKey);
    if (hit != null && now.isBefore(hit.at().plus(cacheFor))) {
      return Optional.ofNullable(hit.price()).map(p -> p.from(PriceSource.PRICE_LIST_CACHE));
    }
    Price price = ask(key, region);
    cache.put(cacheKey, new Cached(price, now));
    return Optional.ofNullable(price);
  }

  private @Nullable Price ask(PriceKey key, Region region) {
    PriceQuery query = PriceQuery.of(key, region);
    GetProductsRequest request = GetProductsRequest.builder().serviceCode(query.serviceCode()).formatVersion("aws_v1")
        .filters(query.filters().entrySet().stream()
            .map(e -> Filter.builder().type(FilterType.TERM_MATCH).field(e.getKey()).value(e.getValue()).build())
            .toList())
        .build();
    PricingClient pricing = client();
    try (var products = Reads.stream("pricing:GetProducts", key.toString(),
        () -> pricing.getProductsPaginator(request).priceList().stream())) {
      return products.map(text -> price(text, query)).filter(p -> p != null).findFirst()
          .map(usd -> new Price(usd, key.product().unit(), PriceSource.PRICE_LIST_API)).orElse(null);
    }
  }

  /** {@return the first on-demand price of the product in the query's unit, or null when it is not the one asked} */
  static @Nullable BigDecimal price(String productJson, PriceQuery query) {
    JsonNode product;
    try {
      product = Json.readTree("PriceList", productJson, "a Price List product document");
    } catch (ValidationException e) {
      return null;
    }
    String usageType = product.path("product").path("attributes").path("usagetype").asText("");
    if (!usageType.endsWith(query.usageTypeSuffix())) {
      return null;
    }
    for (JsonNode term : iterable(product.path("terms").path("OnDemand").elements())) {
      for (JsonNode dimension : iterable(term.path("priceDimensions").elements())) {
        String usd = dimension.path("pricePerUnit").path("USD").asText("");
        String begin = dimension.path("beginRange").asText("0");
        if (query.unit().equals(dimension.path("unit").asText()) && "0".equals(begin)
            && usd.matches("[0-9]{1,20}(\\.[0-9]{1,20})?")) {
          return new BigDecimal(usd);
        }
      }
    }
    return null;
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }

  /** {@return the cached keys, for tests} */
  List<String> cachedKeys() {
    return List.copyOf(cache.keySet());
  }
}
