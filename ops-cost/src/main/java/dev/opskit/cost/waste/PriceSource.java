package dev.opskit.cost.waste;

/** Where a price, and so a finding's estimated monthly cost, came from. */
public enum PriceSource {
  /** Asked of the AWS Price List API ({@code pricing:GetProducts}) for this finding. */
  PRICE_LIST_API,
  /** The AWS Price List API's answer to an earlier identical question, served from the cache. */
  PRICE_LIST_CACHE,
  /** The price table the caller supplied. */
  PRICE_TABLE,
  /** No source knew the price: the estimate is zero and its basis says why. */
  UNPRICED
}
