package dev.opskit.monitoring.logs;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the Logs Insights runner runs queries.
 *
 * @param maxConcurrentQueries the most queries this context runs at once (1 to 100; AWS's account limit is
 *     shared with scheduled queries and has changed between 20, 30 and 100, so the default is 30)
 * @param timeout how long a whole run may take, back-pressure waits and split windows included, or null for
 *     the context's default wait timeout
 * @param pollInterval the first pause between GetQueryResults polls (grows by 1.5 up to {@code maxPollInterval})
 * @param maxPollInterval the longest pause between polls
 * @param splitOnRowLimit whether a window that returns the 10,000-row limit is split in halves and run again
 */
public record InsightsSettings(
    int maxConcurrentQueries, @Nullable Duration timeout, Duration pollInterval, Duration maxPollInterval,
    boolean splitOnRowLimit) {

  /** The defaults: 30 queries at once, the context's wait timeout, polls from 1 s to 10 s, splitting on. */
  public static final InsightsSettings DEFAULTS =
      new InsightsSettings(30, null, Duration.ofSeconds(1), Duration.ofSeconds(10), true);

  /**
   * Validates.
   *
   * @param maxConcurrentQueries 1 to 100
   * @param timeout 1 second to 24 hours, or null
   * @param pollInterval 10 ms to 1 minute
   * @param maxPollInterval at least {@code pollInterval}, at most 5 minutes
   * @param splitOnRowLimit whether to split
   */
  public InsightsSettings {
    Checks.range("maxConcurrentQueries", maxConcurrentQueries, 1, 100, "1 to 100 queries");
    if (timeout != null) {
      Checks.duration("timeout", timeout, Duration.ofSeconds(1), Duration.ofHours(24), "1 second to 24 hours");
    }
    Checks.duration("pollInterval", pollInterval, Duration.ofMillis(10), Duration.ofMinutes(1), "10 ms to 1 minute");
    Checks.duration("maxPollInterval", maxPollInterval, pollInterval, Duration.ofMinutes(5),
        pollInterval + " to 5 minutes");
  }

  /**
   * These settings with another concurrency limit.
   *
   * @param value 1 to 100
   * @return the new settings
   */
  public InsightsSettings withMaxConcurrentQueries(int value) {
    return new InsightsSettings(value, timeout, pollInterval, maxPollInterval, splitOnRowLimit);
  }

  /**
   * These settings with another timeout.
   *
   * @param value 1 second to 24 hours
   * @return the new settings
   */
  public InsightsSettings withTimeout(Duration value) {
    return new InsightsSettings(maxConcurrentQueries, Checks.present("timeout", value, "a timeout"), pollInterval,
        maxPollInterval, splitOnRowLimit);
  }

  /**
   * These settings with other poll intervals.
   *
   * @param first the first pause
   * @param max the longest pause
   * @return the new settings
   */
  public InsightsSettings withPolling(Duration first, Duration max) {
    return new InsightsSettings(maxConcurrentQueries, timeout, first, max, splitOnRowLimit);
  }

  /**
   * These settings with splitting on or off.
   *
   * @param value whether to split past the row limit
   * @return the new settings
   */
  public InsightsSettings withSplitOnRowLimit(boolean value) {
    return new InsightsSettings(maxConcurrentQueries, timeout, pollInterval, maxPollInterval, value);
  }
}
