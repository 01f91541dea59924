package dev.opskit.cost.recommend;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.Amount;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A forecast: the total over the period and one point per day or month, each with its prediction interval.
 *
 * @param query the query
 * @param total the forecast total (zero in a dry run)
 * @param points the forecast by period
 * @param requests the Cost Explorer requests it made (1, or 0 in a dry run)
 * @param dryRun whether nothing was sent (a dry run)
 */
public record Forecast(ForecastQuery query, Amount total, List<Point> points, int requests, boolean dryRun) {

  /**
   * One forecast period.
   *
   * @param period the period
   * @param mean the mean forecast
   * @param lower the interval's lower bound, when AWS sent one
   * @param upper the interval's upper bound, when AWS sent one
   */
  public record Point(dev.opskit.cost.explorer.TimePeriod period, Amount mean, @Nullable Amount lower,
      @Nullable Amount upper) {
    /**
     * Validates.
     *
     * @param period the period
     * @param mean the mean
     * @param lower the lower bound, or null
     * @param upper the upper bound, or null
     */
    public Point {
      Checks.present("period", period, "a period");
      Checks.present("mean", mean, "an amount");
    }
  }

  /**
   * Validates and copies.
   *
   * @param query the query
   * @param total the total
   * @param points the points
   * @param requests the requests made
   * @param dryRun whether a dry run
   */
  public Forecast {
    Checks.present("query", query, "a query");
    Checks.present("total", total, "an amount");
    points = Checks.list("points", points, "points");
  }
}
