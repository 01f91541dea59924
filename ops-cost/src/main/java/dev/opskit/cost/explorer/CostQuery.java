package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.costexplorer.model.Dimension;

/**
 * A typed {@code GetCostAndUsage} query. A value: building it checks what needs no clock (a period, at least
 * one metric, at most two distinct group-by keys); the date window is checked against the context's clock
 * when it runs ({@link DateWindows}), before any call.
 *
 * <pre>{@code
 * // aws ce get-cost-and-usage --time-period Start=..,End=.. --granularity DAILY --metrics BlendedCost \
 * //   --group-by Type=DIMENSION,Key=SERVICE
 * CostQuery query = CostQuery.dailyByService(TimePeriod.of(start, end));
 * }</pre>
 */
public final class CostQuery {
  /** At most this many group-by keys per query (AWS's limit). */
  public static final int MAX_GROUP_BY = 2;

  private final TimePeriod timePeriod;
  private final Granularity granularity;
  private final List<CostMetric> metrics;
  private final List<GroupBy> groupBy;
  private final @Nullable CostFilter filter;
  private final boolean multiYear;

  private CostQuery(Builder b) {
    this.timePeriod = Checks.present("timePeriod", b.timePeriod, "a time period, such as Start=2024-01-01,End=2024-01-31");
    this.granularity = Checks.present("granularity", b.granularity, "HOURLY, DAILY or MONTHLY");
    if (b.metrics.isEmpty()) {
      throw ValidationException.of("metrics", "[]", "at least one of " + CostMetric.allowed());
    }
    this.metrics = List.copyOf(b.metrics);
    if (b.groupBy.size() > MAX_GROUP_BY) {
      throw ValidationException.of("groupBy", b.groupBy, "at most " + MAX_GROUP_BY + " group-by keys");
    }
    if (new LinkedHashSet<>(b.groupBy).size() != b.groupBy.size()) {
      throw ValidationException.of("groupBy", b.groupBy, "distinct group-by keys");
    }
    this.groupBy = List.copyOf(b.groupBy);
    this.filter = b.filter;
    this.multiYear = b.multiYear;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The guide's daily cost by service: DAILY, {@code BlendedCost}, grouped by {@code SERVICE}.
   *
   * @param period the period
   * @return the query
   */
  public static CostQuery dailyByService(TimePeriod period) {
    return builder().timePeriod(period).granularity(Granularity.DAILY).metrics(CostMetric.BLENDED_COST)
        .groupBy(GroupBy.dimension(Dimension.SERVICE)).build();
  }

  /** {@return a builder with this query's settings} */
  public Builder toBuilder() {
    Builder b = new Builder().timePeriod(timePeriod).granularity(granularity).multiYear(multiYear);
    b.metrics.addAll(metrics);
    b.groupBy.addAll(groupBy);
    b.filter = filter;
    return b;
  }

  /** {@return the period} */
  public TimePeriod timePeriod() {
    return timePeriod;
  }

  /** {@return the granularity} */
  public Granularity granularity() {
    return granularity;
  }

  /** {@return the metrics, in the order given, at least one} */
  public List<CostMetric> metrics() {
    return metrics;
  }

  /** {@return the group-by keys, at most two} */
  public List<GroupBy> groupBy() {
    return groupBy;
  }

  /** {@return the filter, if any} */
  public Optional<CostFilter> filter() {
    return Optional.ofNullable(filter);
  }

  /** {@return whether the account opted in to multi-year monthly data (38 months back)} */
  public boolean multiYear() {
    return multiYear;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CostQuery q && timePeriod.equals(q.timePeriod) && granularity == q.granularity
        && metrics.equals(q.metrics) && groupBy.equals(q.groupBy) && Objects.equals(filter, q.filter)
        && multiYear == q.multiYear;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timePeriod, granularity, metrics, groupBy, filter, multiYear);
  }

  @Override
  public String toString() {
    return "CostQuery[" + timePeriod + " " + granularity + " metrics=" + metrics.stream().map(CostMetric::awsName).toList()
        + " groupBy=" + groupBy + (filter == null ? "" : " filter=" + filter) + (multiYear ? " multiYear" : "") + "]";
  }

  /** Builds a {@link CostQuery}. */
  public static final class Builder {
    private @Nullable TimePeriod timePeriod;
    private @Nullable Granularity granularity = Granularity.DAILY;
    private final List<CostMetric> metrics = new ArrayList<>();
    private final List<GroupBy> groupBy = new ArrayList<>();
    private @Nullable CostFilter filter;
    private boolean multiYear;

    private Builder() {}

    /**
     * Sets the period.
     *
     * @param value start inclusive, end exclusive
     * @return this builder
     */
    public Builder timePeriod(TimePeriod value) {
      this.timePeriod = Checks.present("timePeriod", value, "a time period");
      return this;
    }

    /**
     * Sets the granularity (default DAILY).
     *
     * @param value the granularity
     * @return this builder
     */
    public Builder granularity(Granularity value) {
      this.granularity = Checks.present("granularity", value, "HOURLY, DAILY or MONTHLY");
      return this;
    }

    /**
     * Sets the metrics, replacing earlier ones; duplicates are dropped.
     *
     * @param values at least one
     * @return this builder
     */
    public Builder metrics(CostMetric... values) {
      List<CostMetric> given = Checks.elements("metrics", "metrics among " + CostMetric.allowed(), values);
      metrics.clear();
      for (CostMetric metric : given) {
        if (!metrics.contains(metric)) {
          metrics.add(metric);
        }
      }
      return this;
    }

    /**
     * Sets the metrics by their AWS names ({@code BlendedCost}), replacing earlier ones.
     *
     * @param names the names
     * @return this builder
     * @throws ValidationException for a name AWS does not accept
     */
    public Builder metrics(String... names) {
      List<String> given = Checks.elements("metrics", "metrics among " + CostMetric.allowed(), names);
      return metrics(given.stream().map(CostMetric::of).toArray(CostMetric[]::new));
    }

    /**
     * Adds a group-by key (at most two per query).
     *
     * @param value the key
     * @return this builder
     */
    public Builder groupBy(GroupBy value) {
      groupBy.add(Checks.present("groupBy", value, "a group-by key"));
      return this;
    }

    /**
     * Sets the filter.
     *
     * @param value the filter expression, or null for none
     * @return this builder
     */
    public Builder filter(@Nullable CostFilter value) {
      this.filter = value;
      return this;
    }

    /**
     * Declares the account's multi-year opt-in: MONTHLY queries may reach 38 months back.
     *
     * @param value whether the account opted in
     * @return this builder
     */
    public Builder multiYear(boolean value) {
      this.multiYear = value;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     * @throws ValidationException when the period or the metrics are missing or there are more than two group-by keys
     */
    public CostQuery build() {
      return new CostQuery(this);
    }
  }
}
