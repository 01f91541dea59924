package dev.opskit.cost.explorer;

import java.util.stream.Stream;

/**
 * Cost Explorer's {@code GetCostAndUsage}, typed, paginated and cost-aware. Obtain it from
 * {@code Costs.using(ctx).explorer()}.
 *
 * <ul>
 *   <li>The query's date window is checked against the context's clock before any call ({@link DateWindows}).
 *   <li>Every {@code NextPageToken} page is followed (the SDK has no paginator here); each page is one request
 *       (USD 0.01), charged to the run's {@link RequestBudget} before it is sent.
 *   <li>A complete answer is cached per identical request for the configured time; rows AWS marks
 *       {@code Estimated} are never served from the cache past it.
 *   <li>In a dry-run context nothing is sent: the result says how many requests the query would make at least.
 * </ul>
 */
public interface CostExplorer {

  /**
   * Runs a query, reading every page.
   *
   * @param query the query
   * @return every row, and what the query cost
   * @throws dev.opskit.core.ValidationException when the period is outside today's window, before any call
   * @throws RequestBudgetExceededException when a page would go past the run's budget
   */
  CostResult query(CostQuery query);

  /**
   * Streams a query's rows lazily: a page is requested (and charged) only when the stream needs its rows.
   * Served from the cache when an identical complete answer is there; cached once the last page is read.
   * In a dry run the stream is empty and nothing is sent.
   *
   * @param query the query
   * @return the rows, lazily; close it when not read to the end
   * @throws dev.opskit.core.ValidationException when the period is outside today's window, before any call
   */
  Stream<CostRow> stream(CostQuery query);

  /**
   * How many requests a query would make at least: 0 when its answer is cached, else 1 (pages beyond the first
   * are known only when AWS sends a {@code NextPageToken}).
   *
   * @param query the query
   * @return the least number of requests
   * @throws dev.opskit.core.ValidationException when the period is outside today's window
   */
  int requestsAtLeast(CostQuery query);

  /** {@return the run's request budget, shared by every Cost Explorer call of this {@code Costs}} */
  RequestBudget budget();
}
