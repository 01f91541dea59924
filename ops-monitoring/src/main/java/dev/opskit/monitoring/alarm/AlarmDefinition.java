package dev.opskit.monitoring.alarm;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.internal.AlarmJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A CloudWatch metric alarm as a value: what {@code PutMetricAlarm} would be sent. Either a single metric
 * (namespace, metric name, dimensions, statistic or percentile, period) or metric math
 * ({@link #metrics()}), compared with a static threshold or, for anomaly detection, with the band of
 * {@link #thresholdMetricId()}.
 *
 * <pre>{@code
 * AlarmDefinition cpu = Alarms.define("HighCPUUtilization")
 *     .metric("AWS/EC2", "CPUUtilization")
 *     .statistic(Statistic.AVERAGE)
 *     .period(Duration.ofMinutes(5))
 *     .evaluationPeriods(2)
 *     .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
 *     .threshold(80.0)
 *     .alarmAction("arn:aws:sns:us-east-1:123456789012:critical-alerts")
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} applies AWS's rules before any call, so a definition that builds is one
 * CloudWatch accepts; each rule broken throws a {@link dev.opskit.core.ValidationException} naming the
 * field (with PutMetricAlarm's field names), the value and what is allowed. {@link #fromJson} reads the
 * PutMetricAlarm JSON the guide shows, and {@link #toJson()} writes the same shape.
 */
public final class AlarmDefinition extends AlarmBase implements AlarmSpec {
  private static final Set<ComparisonOperator> STATIC = EnumSet.of(
      ComparisonOperator.GREATER_THAN_THRESHOLD, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      ComparisonOperator.LESS_THAN_THRESHOLD, ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD);
  private static final Set<ComparisonOperator> BAND = EnumSet.of(
      ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD,
      ComparisonOperator.LESS_THAN_LOWER_THRESHOLD, ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD);
  // The messages of the operator rules, made once rather than on every build.
  private static final String ANY_OPERATOR = "one of " + STATIC + " or, with ThresholdMetricId, " + BAND;
  private static final String STATIC_OPERATOR = "one of " + STATIC + " with a static Threshold";
  private static final String BAND_OPERATOR = "one of " + BAND + " with ThresholdMetricId";
  private static final int MAX_METRICS = 10;

  private final @Nullable String namespace;
  private final @Nullable String metricName;
  private final Map<String, String> dimensions;
  private final @Nullable Statistic statistic;
  private final @Nullable String extendedStatistic;
  private final @Nullable Duration period;
  private final @Nullable StandardUnit unit;
  private final int evaluationPeriods;
  private final @Nullable Integer datapointsToAlarm;
  private final @Nullable Double threshold;
  private final ComparisonOperator comparisonOperator;
  private final @Nullable TreatMissingData treatMissingData;
  private final @Nullable String evaluateLowSampleCountPercentile;
  private final List<MetricQuery> metrics;
  private final @Nullable String thresholdMetricId;

  private AlarmDefinition(Builder b) {
    super(b);
    this.namespace = b.namespace;
    this.metricName = b.metricName;
    this.dimensions = b.dimensions.isEmpty() ? Collections.emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(b.dimensions));
    this.statistic = b.statistic;
    this.extendedStatistic = b.extendedStatistic;
    this.period = b.period;
    this.unit = b.unit;
    this.evaluationPeriods = b.evaluationPeriods;
    this.datapointsToAlarm = b.datapointsToAlarm;
    this.threshold = b.threshold;
    this.comparisonOperator = Objects.requireNonNullElse(b.comparisonOperator, ComparisonOperator.UNKNOWN_TO_SDK_VERSION);
    this.treatMissingData = b.treatMissingData;
    this.evaluateLowSampleCountPercentile = b.evaluateLowSampleCountPercentile;
    this.metrics = List.copyOf(b.metrics);
    this.thresholdMetricId = b.thresholdMetricId;
    validate();
  }

  private void validate() {
    boolean math = !metrics.isEmpty();
    if (math) {
      validateMath();
    } else {
      MetricRules.requireMetric("Metric", namespace, metricName, dimensions);
      if ((statistic == null) == (extendedStatistic == null)) {
        throw ValidationException.of("Statistic", statistic + "/" + extendedStatistic,
            "exactly one of Statistic and ExtendedStatistic (a percentile such as p99)");
      }
      Checks.require(statistic != Statistic.UNKNOWN_TO_SDK_VERSION, "Statistic", statistic,
          "SampleCount, Average, Sum, Minimum or Maximum");
      Checks.require(extendedStatistic == null || MetricRules.isExtendedStatistic(extendedStatistic),
          "ExtendedStatistic", extendedStatistic, "a percentile p0.0 to p100 or a trimmed statistic such as tm90");
      Periods.require("Period", period);
    }
    Checks.require(unit != StandardUnit.UNKNOWN_TO_SDK_VERSION, "Unit", unit, "a CloudWatch unit");
    Checks.require(evaluationPeriods >= 1, "EvaluationPeriods", evaluationPeriods, "at least 1");
    Duration window = windowPeriod();
    if (window != null) {
      long seconds = window.toSeconds();
      long max = seconds < 3600 ? Periods.MAX_SHORT_WINDOW_SECONDS : Periods.MAX_WINDOW_SECONDS;
      // Divided, not multiplied: period × evaluation periods would overflow a long for a huge period.
      if (evaluationPeriods > max / seconds) {
        throw ValidationException.of("EvaluationPeriods", evaluationPeriods,
            "at most " + (max / seconds) + " periods of " + seconds + " s: an evaluation window of at most "
                + (max == Periods.MAX_SHORT_WINDOW_SECONDS ? "one day for periods under one hour" : "seven days"));
      }
    }
    if (datapointsToAlarm != null && (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
      throw ValidationException.of("DatapointsToAlarm", datapointsToAlarm,
          "1 to EvaluationPeriods (" + evaluationPeriods + ")");
    }
    Checks.require(comparisonOperator != ComparisonOperator.UNKNOWN_TO_SDK_VERSION, "ComparisonOperator",
        comparisonOperator, ANY_OPERATOR);
    if (thresholdMetricId == null) {
      Checks.require(threshold != null, "Threshold", null, "a number (or ThresholdMetricId for an anomaly-detection alarm)");
      Checks.require(Double.isFinite(threshold), "Threshold", threshold, "a finite number");
      Checks.require(STATIC.contains(comparisonOperator), "ComparisonOperator", comparisonOperator, STATIC_OPERATOR);
    } else {
      Checks.require(threshold == null, "Threshold", threshold, "no Threshold together with ThresholdMetricId");
      Checks.require(BAND.contains(comparisonOperator), "ComparisonOperator", comparisonOperator, BAND_OPERATOR);
    }
    Checks.require(evaluateLowSampleCountPercentile == null
            || (extendedStatistic != null && List.of("evaluate", "ignore").contains(evaluateLowSampleCountPercentile)),
        "EvaluateLowSampleCountPercentile", evaluateLowSampleCountPercentile,
        "evaluate or ignore, and only with a percentile ExtendedStatistic");
  }

  private void validateMath() {
    List<String> ids = ids();
    Checks.require(namespace == null && metricName == null && dimensions.isEmpty() && statistic == null
            && extendedStatistic == null && period == null, "Metrics", ids,
        "either Metrics or MetricName/Namespace/Statistic/Period, not both");
    Checks.require(metrics.size() <= MAX_METRICS, "Metrics", ids, "at most " + MAX_METRICS + " entries");
    Checks.require(metrics.stream().map(MetricQuery::id).distinct().count() == metrics.size(), "Metrics", ids,
        "unique ids");
    long returning = metrics.stream().filter(MetricQuery::returnData).count();
    if (thresholdMetricId == null) {
      Checks.require(returning == 1, "Metrics.ReturnData", ids, "exactly one entry with ReturnData true");
    } else {
      Checks.require(ids.contains(thresholdMetricId), "ThresholdMetricId", thresholdMetricId,
          "the id of one of the Metrics " + ids);
      Checks.require(returning == 2 && metrics.stream().anyMatch(m -> m.id().equals(thresholdMetricId) && m.returnData()),
          "Metrics.ReturnData", ids, "ReturnData true on exactly the band (ThresholdMetricId) and one metric");
    }
  }

  private @Nullable Duration windowPeriod() {
    if (period != null) {
      return period;
    }
    return metrics.stream().filter(MetricQuery::returnData)
        .map(m -> m.metricStat() != null ? m.metricStat().period() : m.period())
        .filter(Objects::nonNull).findFirst()
        .orElseGet(() -> metrics.stream().map(MetricQuery::metricStat).filter(Objects::nonNull)
            .map(MetricStatistic::period).findFirst().orElse(null));
  }

  private List<String> ids() {
    return metrics.stream().map(MetricQuery::id).collect(Collectors.toList());
  }

  /**
   * Starts a definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /**
   * Starts a definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  public static Builder builder(AlarmName name) {
    return new Builder().name(name);
  }

  /**
   * Reads a metric alarm from its PutMetricAlarm JSON, such as the guide's alarm blocks.
   *
   * @param json a JSON object with PutMetricAlarm's field names
   * @return the definition
   * @throws dev.opskit.core.ValidationException when the JSON is malformed, has an unknown field, is a
   *     composite alarm, or describes an alarm AWS would reject
   */
  public static AlarmDefinition fromJson(String json) {
    AlarmSpec spec = AlarmJson.read(json);
    if (spec instanceof AlarmDefinition d) {
      return d;
    }
    throw dev.opskit.core.ValidationException.of("AlarmRule", ((CompositeAlarmDefinition) spec).alarmRule(),
        "no AlarmRule in a metric alarm (use AlarmSpec.fromJson or CompositeAlarmDefinition.fromJson)");
  }

  @Override
  public String toJson() {
    return AlarmJson.write(this);
  }

  /** {@return a builder holding this definition's values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    copyCommon(b);
    b.namespace = namespace;
    b.metricName = metricName;
    b.dimensions.putAll(dimensions);
    b.statistic = statistic;
    b.extendedStatistic = extendedStatistic;
    b.period = period;
    b.unit = unit;
    b.evaluationPeriods = evaluationPeriods;
    b.datapointsToAlarm = datapointsToAlarm;
    b.threshold = threshold;
    b.comparisonOperator = comparisonOperator;
    b.treatMissingData = treatMissingData;
    b.evaluateLowSampleCountPercentile = evaluateLowSampleCountPercentile;
    b.metrics.addAll(metrics);
    b.thresholdMetricId = thresholdMetricId;
    return b;
  }

  /** {@return the namespace of a single-metric alarm, such as {@code AWS/EC2}; null for metric math} */
  public @Nullable String namespace() {
    return namespace;
  }

  /** {@return the metric of a single-metric alarm; null for metric math} */
  public @Nullable String metricName() {
    return metricName;
  }

  /** {@return the dimensions of a single-metric alarm, in the order given} */
  public Map<String, String> dimensions() {
    return dimensions;
  }

  /** {@return the statistic, or null when a percentile ({@link #extendedStatistic()}) or metric math is used} */
  public @Nullable Statistic statistic() {
    return statistic;
  }

  /** {@return the percentile or trimmed statistic, such as {@code p99}, or null} */
  public @Nullable String extendedStatistic() {
    return extendedStatistic;
  }

  /** {@return the period of a single-metric alarm; null for metric math} */
  public @Nullable Duration period() {
    return period;
  }

  /** {@return the unit, or null} */
  public @Nullable StandardUnit unit() {
    return unit;
  }

  /** {@return how many periods are evaluated (the N of "M out of N")} */
  public int evaluationPeriods() {
    return evaluationPeriods;
  }

  /** {@return how many breaching data points trigger the alarm (the M), or null for all of them} */
  public @Nullable Integer datapointsToAlarm() {
    return datapointsToAlarm;
  }

  /** {@return the static threshold, or null for an anomaly-detection alarm} */
  public @Nullable Double threshold() {
    return threshold;
  }

  /** {@return how the statistic is compared with the threshold} */
  public ComparisonOperator comparisonOperator() {
    return comparisonOperator;
  }

  /** {@return how missing data is treated, or null for AWS's default ({@link TreatMissingData#MISSING})} */
  public @Nullable TreatMissingData treatMissingData() {
    return treatMissingData;
  }

  /** {@return {@code evaluate} or {@code ignore} for low-sample percentiles, or null} */
  public @Nullable String evaluateLowSampleCountPercentile() {
    return evaluateLowSampleCountPercentile;
  }

  /** {@return the metric-math entries; empty for a single-metric alarm} */
  public List<MetricQuery> metrics() {
    return metrics;
  }

  /** {@return the id of the anomaly-detection band compared with, or null for a static threshold} */
  public @Nullable String thresholdMetricId() {
    return thresholdMetricId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmDefinition d && sameCommon(d)
        && Objects.equals(namespace, d.namespace) && Objects.equals(metricName, d.metricName)
        && dimensions.equals(d.dimensions) && statistic == d.statistic
        && Objects.equals(extendedStatistic, d.extendedStatistic) && Objects.equals(period, d.period)
        && unit == d.unit && evaluationPeriods == d.evaluationPeriods
        && Objects.equals(datapointsToAlarm, d.datapointsToAlarm) && Objects.equals(threshold, d.threshold)
        && comparisonOperator == d.comparisonOperator && treatMissingData == d.treatMissingData
        && Objects.equals(evaluateLowSampleCountPercentile, d.evaluateLowSampleCountPercentile)
        && metrics.equals(d.metrics) && Objects.equals(thresholdMetricId, d.thresholdMetricId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commonHash(), namespace, metricName, dimensions, statistic, extendedStatistic, period, unit,
        evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator, treatMissingData,
        evaluateLowSampleCountPercentile, metrics, thresholdMetricId);
  }

  /** The JSON form on one line. */
  @Override
  public String toString() {
    return "AlarmDefinition" + AlarmJson.writeCompact(this);
  }

  /** Builds an {@link AlarmDefinition}; {@link #build()} validates. */
  public static final class Builder extends AlarmBuilder<Builder> {
    private @Nullable String namespace;
    private @Nullable String metricName;
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private @Nullable Statistic statistic;
    private @Nullable String extendedStatistic;
    private @Nullable Duration period;
    private @Nullable StandardUnit unit;
    private int evaluationPeriods = 1;
    private @Nullable Integer datapointsToAlarm;
    private @Nullable Double threshold;
    private @Nullable ComparisonOperator comparisonOperator;
    private @Nullable TreatMissingData treatMissingData;
    private @Nullable String evaluateLowSampleCountPercentile;
    private final List<MetricQuery> metrics = new ArrayList<>();
    private @Nullable String thresholdMetricId;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * The metric of a single-metric alarm.
     *
     * @param namespaceValue the namespace, such as {@code AWS/EC2}
     * @param metricNameValue the metric, such as {@code CPUUtilization}
     * @return this builder
     */
    public Builder metric(String namespaceValue, String metricNameValue) {
      this.namespace = namespaceValue;
      this.metricName = metricNameValue;
      return this;
    }

    /**
     * Adds a dimension (at most 30).
     *
     * @param name the dimension name, such as {@code DBInstanceIdentifier}
     * @param value its value, such as {@code prod-database}
     * @return this builder
     */
    public Builder dimension(String name, String value) {
      Checks.present("Dimensions.Name", name, "a dimension name, such as DBInstanceIdentifier");
      dimensions.put(name, Checks.present("Dimensions." + name, value, "a dimension value"));
      return this;
    }

    /**
     * Replaces the dimensions.
     *
     * @param values the dimensions
     * @return this builder
     */
    public Builder dimensions(Map<String, String> values) {
      Checks.present("Dimensions", values, "a map of dimension names to values (may be empty)");
      dimensions.clear();
      values.forEach(this::dimension);
      return this;
    }

    /**
     * The statistic (clears a percentile).
     *
     * @param value such as {@code Statistic.AVERAGE}
     * @return this builder
     */
    public Builder statistic(Statistic value) {
      this.statistic = value;
      this.extendedStatistic = null;
      return this;
    }

    /**
     * A percentile or trimmed statistic instead of a statistic, such as {@code p99} or {@code tm90}.
     *
     * @param value the extended statistic
     * @return this builder
     */
    public Builder extendedStatistic(String value) {
      this.extendedStatistic = value;
      this.statistic = null;
      return this;
    }

    /**
     * A percentile, such as 99 for {@code p99} or 99.9 for {@code p99.9}.
     *
     * @param value 0 to 100
     * @return this builder
     */
    public Builder percentile(double value) {
      Checks.require(value >= 0 && value <= 100, "ExtendedStatistic", value, "a percentile from 0 to 100");
      String text = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
      return extendedStatistic("p" + text);
    }

    /**
     * The period of a single-metric alarm.
     *
     * @param value 10, 20 or 30 seconds or a multiple of 60 seconds (at most 2,147,483,640, PutMetricAlarm's integer field)
     * @return this builder
     */
    public Builder period(Duration value) {
      this.period = value;
      return this;
    }

    /**
     * The unit of the metric.
     *
     * @param value the unit, or null for any
     * @return this builder
     */
    public Builder unit(@Nullable StandardUnit value) {
      this.unit = value;
      return this;
    }

    /**
     * How many periods are evaluated (default 1). Period × evaluation periods is at most one day for
     * periods under an hour, and at most seven days otherwise.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder evaluationPeriods(int value) {
      this.evaluationPeriods = value;
      return this;
    }

    /**
     * How many breaching data points within the evaluation periods trigger the alarm.
     *
     * @param value 1 to the evaluation periods, or null for all of them
     * @return this builder
     */
    public Builder datapointsToAlarm(@Nullable Integer value) {
      this.datapointsToAlarm = value;
      return this;
    }

    /**
     * The static threshold.
     *
     * @param value a finite number
     * @return this builder
     */
    public Builder threshold(double value) {
      this.threshold = value;
      return this;
    }

    /**
     * How the statistic is compared with the threshold (required).
     *
     * @param value such as {@code ComparisonOperator.GREATER_THAN_THRESHOLD}
     * @return this builder
     */
    public Builder comparisonOperator(ComparisonOperator value) {
      this.comparisonOperator = value;
      return this;
    }

    /**
     * How missing data is treated (default: AWS's, {@code missing}).
     *
     * @param value the treatment, or null for AWS's default
     * @return this builder
     */
    public Builder treatMissingData(@Nullable TreatMissingData value) {
      this.treatMissingData = value;
      return this;
    }

    /**
     * For percentiles with few samples: {@code evaluate} or {@code ignore}.
     *
     * @param value the choice, or null for AWS's default
     * @return this builder
     */
    public Builder evaluateLowSampleCountPercentile(@Nullable String value) {
      this.evaluateLowSampleCountPercentile = value;
      return this;
    }

    /**
     * Adds a metric-math entry (at most 10); a metric-math alarm has no metric, statistic or period of
     * its own.
     *
     * @param query the entry
     * @return this builder
     */
    public Builder metricQuery(MetricQuery query) {
      metrics.add(Checks.present("Metrics", query, "a metric-math entry (MetricQuery)"));
      return this;
    }

    /**
     * Replaces the metric-math entries.
     *
     * @param queries the entries
     * @return this builder
     */
    public Builder metricQueries(Collection<MetricQuery> queries) {
      Checks.present("Metrics", queries, "a collection of metric-math entries (may be empty)");
      metrics.clear();
      queries.forEach(this::metricQuery);
      return this;
    }

    /**
     * Makes this an anomaly-detection alarm compared with the band of this metric-math entry (an
     * {@code ANOMALY_DETECTION_BAND} expression); clears the static threshold.
     *
     * @param id the id of the band entry, or null for a static threshold
     * @return this builder
     */
    public Builder thresholdMetricId(@Nullable String id) {
      this.thresholdMetricId = id;
      if (id != null) {
        this.threshold = null;
      }
      return this;
    }

    /**
     * Builds and validates the definition.
     *
     * @return the definition
     * @throws dev.opskit.core.ValidationException naming the first rule broken
     */
    public AlarmDefinition build() {
      return new AlarmDefinition(this);
    }
  }
}
