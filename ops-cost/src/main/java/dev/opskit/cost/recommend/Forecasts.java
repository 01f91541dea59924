package dev.opskit.cost.recommend;

/**
 * Cost Explorer forecasts ({@code get-cost-forecast}, {@code get-usage-forecast}): one paid request each, the
 * window checked before the call ({@link ForecastWindows}); in a dry run nothing is sent.
 */
public interface Forecasts {

  /**
   * Forecasts cost.
   *
   * @param query a money metric
   * @return the forecast
   * @throws dev.opskit.core.ValidationException for a usage metric or a window AWS does not forecast, before any call
   * @throws dev.opskit.cost.explorer.RequestBudgetExceededException when the run's budget is used up
   */
  Forecast cost(ForecastQuery query);

  /**
   * Forecasts usage (the guide's {@code get-usage-forecast --metric USAGE_QUANTITY --granularity MONTHLY}).
   *
   * @param query {@code UsageQuantity} or {@code NormalizedUsageAmount}
   * @return the forecast
   * @throws dev.opskit.core.ValidationException for a money metric or a window AWS does not forecast, before any call
   * @throws dev.opskit.cost.explorer.RequestBudgetExceededException when the run's budget is used up
   */
  Forecast usage(ForecastQuery query);
}
