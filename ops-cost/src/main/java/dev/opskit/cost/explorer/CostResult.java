package dev.opskit.cost.explorer;

import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import java.util.List;

/**
 * Every row of a query, and what the query cost: how many Cost Explorer requests it made (each page is one,
 * USD 0.01 each), whether it was served from the cache, and in a dry run how many requests it would make at
 * least (nothing is sent then).
 *
 * @param query the query
 * @param rows every row of every page, in AWS's order
 * @param requests the requests this query made (0 when cached or in a dry run)
 * @param fromCache whether the rows came from the cache
 * @param dryRun whether this was a dry run (no rows, nothing sent)
 * @param requestsAtLeast in a dry run, the requests it would make at least; otherwise {@code requests}
 */
public record CostResult(CostQuery query, List<CostRow> rows, int requests, boolean fromCache, boolean dryRun,
    int requestsAtLeast) {

  /** The price of one Cost Explorer API request, in USD. */
  public static final BigDecimal PRICE_PER_REQUEST = new BigDecimal("0.01");

  /**
   * Validates and copies.
   *
   * @param query the query
   * @param rows the rows
   * @param requests the requests made
   * @param fromCache whether cached
   * @param dryRun whether a dry run
   * @param requestsAtLeast the requests it would make at least (dry run)
   */
  public CostResult {
    Checks.present("query", query, "a query");
    rows = Checks.list("rows", rows, "rows");
    Checks.range("requests", requests, 0, Integer.MAX_VALUE, "a count");
    Checks.range("requestsAtLeast", requestsAtLeast, 0, Integer.MAX_VALUE, "a count");
  }

  /**
   * What a number of requests costs.
   *
   * @param requests the number of requests
   * @return USD 0.01 per request
   */
  public static Amount costOf(long requests) {
    return Amount.usd(PRICE_PER_REQUEST.multiply(BigDecimal.valueOf(requests)));
  }

  /** {@return what the requests of this query cost (USD 0.01 each)} */
  public Amount cost() {
    return costOf(requests);
  }

  /**
   * The exact total of a metric over every row.
   *
   * @param metric the metric
   * @return the sum, in the unit of its rows (USD when there are none)
   * @throws dev.opskit.core.ValidationException when rows of the metric have different units
   */
  public Amount total(CostMetric metric) {
    List<Amount> amounts = rows.stream().filter(r -> r.metric() == metric).map(CostRow::amount).toList();
    return Amount.sum(amounts, amounts.isEmpty() ? "USD" : amounts.get(0).unit());
  }

  /** {@return a line saying what the query cost: {@code 3 Cost Explorer requests (USD 0.03)}} */
  public String describeCost() {
    if (dryRun) {
      return "dry run: at least " + requestsAtLeast + " Cost Explorer request(s) (at least USD "
          + costOf(requestsAtLeast).value().toPlainString() + "), none sent";
    }
    return requests + " Cost Explorer request(s) (USD " + cost().value().toPlainString() + ")"
        + (fromCache ? ", served from the cache" : "");
  }
}
