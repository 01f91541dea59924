package dev.opskit.cost.report;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.explorer.CostMetric;
import dev.opskit.cost.explorer.TimePeriod;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CostReport} covers: the period, the metric (default {@code UnblendedCost}: what a single account
 * is billed; the guide's {@code BlendedCost} is accepted), how many services are named before "Other", the change
 * thresholds, whether credits and refunds count (not by default: {@code RECORD_TYPE} filter), whether to compare
 * with the previous period and forecast the rest of the month.
 */
public final class ReportSpec {
  /** The most services a report names before "Other". */
  public static final int MAX_TOP = 20;

  private final TimePeriod period;
  private final CostMetric metric;
  private final int top;
  private final Thresholds thresholds;
  private final boolean includeCreditsAndRefunds;
  private final boolean comparePrevious;
  private final boolean forecast;

  private ReportSpec(Builder b) {
    this.period = Checks.present("period", b.period, "a time period");
    this.metric = b.metric;
    if (!metric.isMoney()) {
      throw dev.opskit.core.ValidationException.of("metric", metric.awsName(),
          "a cost metric: AmortizedCost, BlendedCost, NetAmortizedCost, NetUnblendedCost or UnblendedCost");
    }
    this.top = (int) Checks.range("top", b.top, 1, MAX_TOP, "1 to " + MAX_TOP + " services");
    this.thresholds = b.thresholds;
    this.includeCreditsAndRefunds = b.includeCreditsAndRefunds;
    this.comparePrevious = b.comparePrevious;
    this.forecast = b.forecast;
  }

  /**
   * Starts a spec for a period.
   *
   * @param period the period
   * @return a builder
   */
  public static Builder of(TimePeriod period) {
    return new Builder(period);
  }

  /** {@return the period} */
  public TimePeriod period() {
    return period;
  }

  /** {@return the metric} */
  public CostMetric metric() {
    return metric;
  }

  /** {@return how many services are named before "Other"} */
  public int top() {
    return top;
  }

  /** {@return the change thresholds} */
  public Thresholds thresholds() {
    return thresholds;
  }

  /** {@return whether credits and refunds count} */
  public boolean includeCreditsAndRefunds() {
    return includeCreditsAndRefunds;
  }

  /** {@return whether the report compares with the period before} */
  public boolean comparePrevious() {
    return comparePrevious;
  }

  /** {@return whether the report forecasts the rest of the current month} */
  public boolean forecast() {
    return forecast;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ReportSpec s && period.equals(s.period) && metric == s.metric && top == s.top
        && thresholds.equals(s.thresholds) && includeCreditsAndRefunds == s.includeCreditsAndRefunds
        && comparePrevious == s.comparePrevious && forecast == s.forecast;
  }

  @Override
  public int hashCode() {
    return Objects.hash(period, metric, top, thresholds, includeCreditsAndRefunds, comparePrevious, forecast);
  }

  @Override
  public String toString() {
    return "ReportSpec[" + period + " " + metric.awsName() + " top=" + top + "]";
  }

  /** Builds a {@link ReportSpec}. */
  public static final class Builder {
    private final @Nullable TimePeriod period;
    private CostMetric metric = CostMetric.UNBLENDED_COST;
    private int top = 5;
    private Thresholds thresholds = Thresholds.DEFAULT;
    private boolean includeCreditsAndRefunds;
    private boolean comparePrevious = true;
    private boolean forecast = true;

    private Builder(@Nullable TimePeriod period) {
      this.period = period;
    }

    /**
     * Sets the metric.
     *
     * @param value a cost metric
     * @return this builder
     */
    public Builder metric(CostMetric value) {
      this.metric = Checks.present("metric", value, "a cost metric");
      return this;
    }

    /**
     * Sets how many services are named before "Other" (default 5).
     *
     * @param value 1 to 20
     * @return this builder
     */
    public Builder top(int value) {
      this.top = value;
      return this;
    }

    /**
     * Sets the change thresholds (default 10 and 10 %).
     *
     * @param value the thresholds
     * @return this builder
     */
    public Builder thresholds(Thresholds value) {
      this.thresholds = Checks.present("thresholds", value, "thresholds");
      return this;
    }

    /**
     * Counts credits and refunds too (by default they are excluded).
     *
     * @param value whether to count them
     * @return this builder
     */
    public Builder includeCreditsAndRefunds(boolean value) {
      this.includeCreditsAndRefunds = value;
      return this;
    }

    /**
     * Compares with the previous period of the same length (default on).
     *
     * @param value whether to compare
     * @return this builder
     */
    public Builder comparePrevious(boolean value) {
      this.comparePrevious = value;
      return this;
    }

    /**
     * Forecasts the rest of the current month (default on).
     *
     * @param value whether to forecast
     * @return this builder
     */
    public Builder forecast(boolean value) {
      this.forecast = value;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     * @throws dev.opskit.core.ValidationException when the period is missing, the metric is not money or top is out of range
     */
    public ReportSpec build() {
      return new ReportSpec(this);
    }
  }
}
