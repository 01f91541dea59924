package dev.opskit.cost;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.RequestBudget;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Costs} spends Cost Explorer requests: the run's request budget and how long identical answers
 * are reused.
 *
 * <pre>{@code
 * Costs costs = Costs.using(ctx, CostOptions.builder().requestBudget(20).cacheTtl(Duration.ofHours(4)).build());
 * }</pre>
 *
 * @param budget the run's request budget (shared by everything the {@code Costs} does; pass one budget to several
 *     {@code Costs} to share it)
 * @param cacheTtl how long an identical request is answered from the cache; zero turns the cache off
 */
public record CostOptions(RequestBudget budget, Duration cacheTtl) {
  /** The default budget: 100 requests (USD 1.00) per run. */
  public static final int DEFAULT_BUDGET = 100;
  /** The default cache time: one hour (AWS refreshes billing data up to three times a day). */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);
  /** The longest cache time accepted. */
  public static final Duration MAX_CACHE_TTL = Duration.ofDays(7);

  /**
   * Validates.
   *
   * @param budget the request budget
   * @param cacheTtl the cache time, zero to seven days
   * @throws dev.opskit.core.ValidationException when a part is missing or out of range
   */
  public CostOptions {
    Checks.present("requestBudget", budget, "a RequestBudget");
    Checks.duration("cacheTtl", cacheTtl, Duration.ZERO, MAX_CACHE_TTL, "0 (no cache) to 7 days");
  }

  /** {@return the defaults: a fresh budget of 100 requests, one hour of cache} */
  public static CostOptions defaults() {
    return builder().build();
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CostOptions}. */
  public static final class Builder {
    private @Nullable RequestBudget budget;
    private Duration cacheTtl = DEFAULT_CACHE_TTL;

    private Builder() {}

    /**
     * Sets a fresh budget of requests for this run.
     *
     * @param maxRequests 0 to 1,000,000
     * @return this builder
     */
    public Builder requestBudget(int maxRequests) {
      this.budget = RequestBudget.of(maxRequests);
      return this;
    }

    /**
     * Uses a budget shared with other {@code Costs} of the run.
     *
     * @param value the budget
     * @return this builder
     */
    public Builder requestBudget(RequestBudget value) {
      this.budget = Checks.present("requestBudget", value, "a RequestBudget");
      return this;
    }

    /**
     * Sets how long identical requests are answered from the cache.
     *
     * @param value zero (no cache) to seven days
     * @return this builder
     */
    public Builder cacheTtl(Duration value) {
      this.cacheTtl = Checks.duration("cacheTtl", value, Duration.ZERO, MAX_CACHE_TTL, "0 (no cache) to 7 days");
      return this;
    }

    /** {@return the options} */
    public CostOptions build() {
      return new CostOptions(budget == null ? RequestBudget.of(DEFAULT_BUDGET) : budget, cacheTtl);
    }
  }
}
