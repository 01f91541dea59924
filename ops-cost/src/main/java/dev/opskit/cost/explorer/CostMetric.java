package dev.opskit.cost.explorer;

import dev.opskit.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The metrics Cost Explorer accepts in {@code GetCostAndUsage}, with the names AWS uses on the wire. */
public enum CostMetric {
  /** {@code AmortizedCost}. */
  AMORTIZED_COST("AmortizedCost"),
  /** {@code BlendedCost}: the guide's metric; it means little for a single account (no blending happens). */
  BLENDED_COST("BlendedCost"),
  /** {@code NetAmortizedCost}. */
  NET_AMORTIZED_COST("NetAmortizedCost"),
  /** {@code NetUnblendedCost}. */
  NET_UNBLENDED_COST("NetUnblendedCost"),
  /** {@code NormalizedUsageAmount}. */
  NORMALIZED_USAGE_AMOUNT("NormalizedUsageAmount"),
  /** {@code UnblendedCost}: what a single account is billed. */
  UNBLENDED_COST("UnblendedCost"),
  /** {@code UsageQuantity}: amounts in the usage's own units (hours, GB...), not money. */
  USAGE_QUANTITY("UsageQuantity");

  private final String awsName;

  CostMetric(String awsName) {
    this.awsName = awsName;
  }

  /** {@return the name AWS uses, such as {@code BlendedCost}} */
  public String awsName() {
    return awsName;
  }

  /** {@return whether this metric is money (every metric but the usage amounts)} */
  public boolean isMoney() {
    return this != USAGE_QUANTITY && this != NORMALIZED_USAGE_AMOUNT;
  }

  /**
   * The metric of an AWS name, as the CLI's {@code --metrics} takes it ({@code BlendedCost}); the forecast
   * spelling ({@code BLENDED_COST}) is accepted too.
   *
   * @param name the name
   * @return the metric
   * @throws ValidationException naming the metrics AWS accepts
   */
  public static CostMetric of(@Nullable String name) {
    if (name != null) {
      for (CostMetric metric : values()) {
        if (metric.awsName.equals(name) || metric.name().equals(name)) {
          return metric;
        }
      }
    }
    throw ValidationException.of("metric", name, allowed());
  }

  /**
   * The metric a {@code MetricValue} map key names, or null when it is not one of these (an open set).
   *
   * @param awsName the key AWS sent
   * @return the metric, or null
   */
  static @Nullable CostMetric find(String awsName) {
    for (CostMetric metric : values()) {
      if (metric.awsName.equals(awsName) || metric.name().equals(awsName.toUpperCase(Locale.ROOT))) {
        return metric;
      }
    }
    return null;
  }

  static String allowed() {
    return Arrays.stream(values()).map(CostMetric::awsName).collect(Collectors.joining(", "));
  }
}
