package dev.opskit.cost.recommend;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.CostFilter;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.Granularity;
import dev.opskit.cost.explorer.TimePeriod;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code GetCostForecast} or {@code GetUsageForecast} query: period, granularity, metric, optional filter and
 * the prediction interval level (51 to 99 %, default 80).
 *
 * @param timePeriod the period to forecast (start today or later, see {@link ForecastWindows})
 * @param granularity DAILY or MONTHLY
 * @param metric the metric: money metrics for a cost forecast, {@code UsageQuantity} or
 *     {@code NormalizedUsageAmount} for a usage forecast
 * @param filter the filter, or null
 * @param predictionIntervalLevel the confidence of the interval, 51 to 99
 */
public record ForecastQuery(TimePeriod timePeriod, Granularity granularity, CostMetric metric,
    @Nullable CostFilter filter, int predictionIntervalLevel) {
  /** The default prediction interval level, in percent. */
  public static final int DEFAULT_INTERVAL = 80;

  /**
   * Validates.
   *
   * @param timePeriod the period
   * @param granularity the granularity
   * @param metric the metric
   * @param filter the filter, or null
   * @param predictionIntervalLevel 51 to 99
   * @throws dev.opskit.core.ValidationException when a part is missing or out of range
   */
  public ForecastQuery {
    Checks.present("timePeriod", timePeriod, "a time period");
    Checks.present("granularity", granularity, "DAILY or MONTHLY");
    Checks.require(granularity != Granularity.HOURLY, "granularity", granularity, "DAILY or MONTHLY for a forecast");
    Checks.present("metric", metric, "a metric");
    Checks.range("predictionIntervalLevel", predictionIntervalLevel, 51, 99, "51 to 99 (percent)");
  }

  /**
   * A forecast with the default 80 % interval and no filter.
   *
   * @param period the period
   * @param granularity DAILY or MONTHLY
   * @param metric the metric
   * @return the query
   */
  public static ForecastQuery of(TimePeriod period, Granularity granularity, CostMetric metric) {
    return new ForecastQuery(period, granularity, metric, null, DEFAULT_INTERVAL);
  }

  /**
   * The same query with a filter.
   *
   * @param value the filter, or null
   * @return the query
   */
  public ForecastQuery withFilter(@Nullable CostFilter value) {
    return new ForecastQuery(timePeriod, granularity, metric, value, predictionIntervalLevel);
  }

  /**
   * The same query with another prediction interval level.
   *
   * @param percent 51 to 99
   * @return the query
   */
  public ForecastQuery withPredictionIntervalLevel(int percent) {
    return new ForecastQuery(timePeriod, granularity, metric, filter, percent);
  }

  /** {@return the filter, if any} */
  public Optional<CostFilter> filterIfAny() {
    return Optional.ofNullable(filter);
  }
}
