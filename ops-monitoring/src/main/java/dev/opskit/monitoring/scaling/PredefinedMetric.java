package dev.opskit.monitoring.scaling;

import dev.opskit.core.ValidationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The predefined metrics of target tracking that OpsKit supports, with the dimensions each can scale.
 * {@link #ALB_REQUEST_COUNT_PER_TARGET} needs a resource label naming the load balancer's target group.
 */
public enum PredefinedMetric {
  /** Consumed over provisioned read capacity, in percent. */
  DYNAMODB_READ_CAPACITY_UTILIZATION("DynamoDBReadCapacityUtilization", false,
      EnumSet.of(ScalableDimension.DYNAMODB_TABLE_READ, ScalableDimension.DYNAMODB_INDEX_READ)),
  /** Consumed over provisioned write capacity, in percent. */
  DYNAMODB_WRITE_CAPACITY_UTILIZATION("DynamoDBWriteCapacityUtilization", false,
      EnumSet.of(ScalableDimension.DYNAMODB_TABLE_WRITE, ScalableDimension.DYNAMODB_INDEX_WRITE)),
  /** Average CPU utilisation of the service's tasks, in percent. */
  ECS_SERVICE_AVERAGE_CPU_UTILIZATION("ECSServiceAverageCPUUtilization", false,
      EnumSet.of(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)),
  /** Average memory utilisation of the service's tasks, in percent. */
  ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION("ECSServiceAverageMemoryUtilization", false,
      EnumSet.of(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)),
  /** Requests per target of an Application Load Balancer target group. */
  ALB_REQUEST_COUNT_PER_TARGET("ALBRequestCountPerTarget", true, EnumSet.of(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));

  private final String value;
  private final boolean needsResourceLabel;
  private final Set<ScalableDimension> dimensions;

  PredefinedMetric(String value, boolean needsResourceLabel, Set<ScalableDimension> dimensions) {
    this.value = value;
    this.needsResourceLabel = needsResourceLabel;
    this.dimensions = Set.copyOf(dimensions);
  }

  /** {@return AWS's {@code PredefinedMetricType}, such as {@code DynamoDBReadCapacityUtilization}} */
  public String value() {
    return value;
  }

  /** {@return whether the metric needs a {@code ResourceLabel}} */
  public boolean needsResourceLabel() {
    return needsResourceLabel;
  }

  /** {@return whether the metric is a utilisation in percent} */
  public boolean isPercent() {
    return this != ALB_REQUEST_COUNT_PER_TARGET;
  }

  /**
   * Whether the metric can scale a dimension.
   *
   * @param dimension the dimension
   * @return whether it can
   */
  public boolean scales(ScalableDimension dimension) {
    return dimensions.contains(dimension);
  }

  /**
   * The metric of an AWS name.
   *
   * @param value such as {@code ECSServiceAverageCPUUtilization}
   * @return the metric
   * @throws ValidationException when OpsKit does not support it, listing those it does
   */
  public static PredefinedMetric of(@Nullable String value) {
    return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst()
        .orElseThrow(() -> ValidationException.of("PredefinedMetricType", value,
            Arrays.stream(values()).map(PredefinedMetric::value).toList().toString()));
  }

  @Override
  public String toString() {
    return value;
  }
}
