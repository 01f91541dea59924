package dev.opskit.kubernetes.scaling;

import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What an HPA reports ({@code kubectl describe hpa}): replicas, current metric values, conditions, and warnings
 * OpsKit adds, such as a cpu utilization metric on a target whose containers have no cpu request.
 *
 * @param namespace the namespace
 * @param name the HPA's name
 * @param scaleTarget what it scales
 * @param minReplicas its minimum
 * @param maxReplicas its maximum
 * @param currentReplicas the replicas it last saw
 * @param desiredReplicas the replicas it last computed
 * @param currentMetrics the metrics' current values
 * @param conditions its conditions
 * @param warnings why it cannot work as defined; empty when nothing is wrong that OpsKit can see
 */
public record HpaStatus(String namespace, String name, String scaleTarget, int minReplicas, int maxReplicas,
    int currentReplicas, int desiredReplicas, List<MetricValue> currentMetrics, List<HpaCondition> conditions,
    List<String> warnings) {
  /**
   * Validates and copies.
   *
   * @param namespace the namespace
   * @param name the name
   * @param scaleTarget the target
   * @param minReplicas the minimum
   * @param maxReplicas the maximum
   * @param currentReplicas the current replicas
   * @param desiredReplicas the desired replicas
   * @param currentMetrics the metric values
   * @param conditions the conditions
   * @param warnings the warnings
   */
  public HpaStatus {
    Checks.present("namespace", namespace, "a namespace");
    Checks.present("name", name, "a name");
    Checks.present("scaleTarget", scaleTarget, "a scale target");
    currentMetrics = Checks.list("currentMetrics", currentMetrics, "metric values");
    conditions = Checks.list("conditions", conditions, "conditions");
    warnings = Checks.list("warnings", warnings, "warnings");
  }

  /**
   * A condition by type.
   *
   * @param type such as {@link HpaCondition#SCALING_ACTIVE}
   * @return it, or empty when the status has none of that type
   */
  public Optional<HpaCondition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** {@return whether AbleToScale is True} */
  public boolean ableToScale() {
    return condition(HpaCondition.ABLE_TO_SCALE).map(HpaCondition::isTrue).orElse(false);
  }

  /** {@return whether ScalingActive is True} */
  public boolean scalingActive() {
    return condition(HpaCondition.SCALING_ACTIVE).map(HpaCondition::isTrue).orElse(false);
  }

  /** {@return whether ScalingLimited is True (the desired count was capped at minReplicas or maxReplicas)} */
  public boolean scalingLimited() {
    return condition(HpaCondition.SCALING_LIMITED).map(HpaCondition::isTrue).orElse(false);
  }
}
