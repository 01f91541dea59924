package dev.opskit.kubernetes.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.scaling.internal.Quantities;
import org.jspecify.annotations.Nullable;

/**
 * A Resource metric of an autoscaling/v2 HPA: the average cpu or memory of the target's pods, as a utilization
 * (percent of the containers' requests) or as an average value (a quantity).
 *
 * @param resource {@code cpu} or {@code memory}
 * @param targetType {@code Utilization} or {@code AverageValue}
 * @param averageUtilization the percent of the requests, for Utilization (at least 1)
 * @param averageValue the quantity, for AverageValue (more than 0)
 */
public record HpaMetric(String resource, TargetType targetType, @Nullable Integer averageUtilization,
    @Nullable String averageValue) {

  /** How the metric's target is given. */
  public enum TargetType {
    /** A percent of the pods' requests. */
    UTILIZATION("Utilization"),
    /** An average quantity per pod. */
    AVERAGE_VALUE("AverageValue");

    private final String wire;

    TargetType(String wire) {
      this.wire = wire;
    }

    /** {@return the name in the API, {@code Utilization} or {@code AverageValue}} */
    public String wire() {
      return wire;
    }
  }

  /**
   * Validates, with the field paths of a metric (the HPA's validation names {@code spec.metrics[i]}).
   *
   * @param resource the resource
   * @param targetType the target type
   * @param averageUtilization the utilization
   * @param averageValue the value
   * @throws ValidationException naming the field path
   */
  public HpaMetric {
    check(resource, targetType, averageUtilization, averageValue, "resource");
  }

  /**
   * Average cpu utilization, as the guide's HPA ({@code 70}).
   *
   * @param percent percent of the cpu requests
   * @return the metric
   */
  public static HpaMetric cpuUtilization(int percent) {
    return new HpaMetric(ResourceQuantities.CPU, TargetType.UTILIZATION, percent, null);
  }

  /**
   * Average memory utilization.
   *
   * @param percent percent of the memory requests
   * @return the metric
   */
  public static HpaMetric memoryUtilization(int percent) {
    return new HpaMetric(ResourceQuantities.MEMORY, TargetType.UTILIZATION, percent, null);
  }

  /**
   * An average value of cpu or memory per pod.
   *
   * @param resource {@code cpu} or {@code memory}
   * @param quantity such as {@code 500m} or {@code 400Mi}
   * @return the metric
   */
  public static HpaMetric averageValue(String resource, String quantity) {
    return new HpaMetric(resource, TargetType.AVERAGE_VALUE, null, quantity);
  }

  /**
   * Checks a metric with its field path.
   *
   * @param resource the resource
   * @param targetType the target type
   * @param averageUtilization the utilization
   * @param averageValue the value
   * @param path the metric's path, such as {@code spec.metrics[0].resource}
   * @throws ValidationException naming the field path
   */
  public static void check(@Nullable String resource, @Nullable TargetType targetType, @Nullable Integer averageUtilization,
      @Nullable String averageValue, String path) {
    if (!ResourceQuantities.CPU.equals(resource) && !ResourceQuantities.MEMORY.equals(resource)) {
      throw ValidationException.of(path + ".name", resource, "cpu or memory");
    }
    if (targetType == null) {
      throw ValidationException.of(path + ".target.type", null, "Utilization or AverageValue");
    }
    if (targetType == TargetType.UTILIZATION) {
      if (averageUtilization == null || averageUtilization < 1) {
        throw ValidationException.of(path + ".target.averageUtilization", averageUtilization,
            "a percent greater than 0");
      }
      if (averageValue != null) {
        throw ValidationException.of(path + ".target.averageValue", averageValue, "none for a Utilization target");
      }
    } else {
      String value = Quantities.check(path + ".target.averageValue", averageValue);
      if (Quantities.amount(value).signum() <= 0) {
        throw ValidationException.of(path + ".target.averageValue", averageValue, "a quantity greater than 0");
      }
      if (averageUtilization != null) {
        throw ValidationException.of(path + ".target.averageUtilization", averageUtilization,
            "none for an AverageValue target");
      }
    }
  }

  /** {@code cpu Utilization 70%}, {@code memory AverageValue 400Mi}. */
  @Override
  public String toString() {
    return resource + " " + targetType.wire() + " "
        + (targetType == TargetType.UTILIZATION ? averageUtilization + "%" : averageValue);
  }
}
