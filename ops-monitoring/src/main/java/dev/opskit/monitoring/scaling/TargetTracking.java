package dev.opskit.monitoring.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.scaling.internal.ScalingJson;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A target-tracking configuration, AWS's {@code TargetTrackingScalingPolicyConfiguration} with a predefined
 * metric: keep {@code metric} at {@code targetValue}. Cooldowns and disable-scale-in are optional: absent
 * means AWS's default, and an absent member stays absent in the JSON form, so the guide's
 * {@code scaling-policy.json} loads with {@link #fromJson} and is written back the same by {@link #toJson}.
 *
 * <pre>{@code
 * TargetTracking readAt70 = TargetTracking.of(PredefinedMetric.DYNAMODB_READ_CAPACITY_UTILIZATION, 70.0)
 *     .withScaleOutCooldown(Duration.ofSeconds(60)).withScaleInCooldown(Duration.ofSeconds(60));
 * }</pre>
 *
 * @param metric the predefined metric
 * @param resourceLabel the ALB target group label ({@code app/<lb>/<id>/targetgroup/<tg>/<id>}), only and always
 *     for {@link PredefinedMetric#ALB_REQUEST_COUNT_PER_TARGET}; else null
 * @param targetValue the value to keep the metric at (DynamoDB utilisation: 20 to 90 percent; ECS utilisation:
 *     above 0 and at most 100 percent; requests per target: above 0)
 * @param scaleOutCooldown whole seconds after a scale-out before another, or null for AWS's default
 * @param scaleInCooldown whole seconds after a scale-in before another, or null for AWS's default
 * @param disableScaleIn whether the policy never scales in, or null for AWS's default (false)
 */
public record TargetTracking(PredefinedMetric metric, @Nullable String resourceLabel, double targetValue,
    @Nullable Duration scaleOutCooldown, @Nullable Duration scaleInCooldown, @Nullable Boolean disableScaleIn) {

  private static final Pattern LABEL = Pattern.compile("app/[^/]{1,64}/[^/]{1,64}/targetgroup/[^/]{1,64}/[^/]{1,64}");
  private static final Duration MAX_COOLDOWN = Duration.ofDays(365);
  private static final String COOLDOWN = "whole seconds from 0 to 31536000 (365 days)";

  /**
   * Validates.
   *
   * @param metric the predefined metric
   * @param resourceLabel the ALB target group label, only for ALB request count per target
   * @param targetValue the value to keep the metric at
   * @param scaleOutCooldown whole seconds, or null
   * @param scaleInCooldown whole seconds, or null
   * @param disableScaleIn whether it never scales in, or null
   */
  public TargetTracking {
    Checks.present("PredefinedMetricType", metric, "a predefined metric, such as DynamoDBReadCapacityUtilization");
    if (metric.needsResourceLabel()) {
      String label = Checks.length("ResourceLabel", resourceLabel, 1, 1023);
      Checks.matches(LABEL, "ResourceLabel", label,
          "app/<load-balancer>/<id>/targetgroup/<target-group>/<id> for " + metric);
    } else if (resourceLabel != null) {
      throw ValidationException.of("ResourceLabel", resourceLabel, "none for " + metric
          + " (only ALBRequestCountPerTarget takes a resource label)");
    }
    if (metric == PredefinedMetric.DYNAMODB_READ_CAPACITY_UTILIZATION
        || metric == PredefinedMetric.DYNAMODB_WRITE_CAPACITY_UTILIZATION) {
      Checks.require(targetValue >= 20 && targetValue <= 90, "TargetValue", targetValue,
          "20 to 90 (percent utilisation) for " + metric);
    } else if (metric.isPercent()) {
      Checks.require(targetValue > 0 && targetValue <= 100, "TargetValue", targetValue,
          "above 0 and at most 100 (percent utilisation) for " + metric);
    } else {
      Checks.require(Double.isFinite(targetValue) && targetValue > 0, "TargetValue", targetValue,
          "a finite number above 0 (requests per target) for " + metric);
    }
    checkCooldown("ScaleOutCooldown", scaleOutCooldown);
    checkCooldown("ScaleInCooldown", scaleInCooldown);
  }

  private static void checkCooldown(String field, @Nullable Duration cooldown) {
    if (cooldown != null) {
      Checks.duration(field, cooldown, Duration.ZERO, MAX_COOLDOWN, COOLDOWN);
      Checks.require(cooldown.toNanosPart() == 0, field, cooldown, COOLDOWN);
    }
  }

  /**
   * A configuration with AWS's default cooldowns and scale-in.
   *
   * @param metric the metric (not {@link PredefinedMetric#ALB_REQUEST_COUNT_PER_TARGET}: use {@link #albRequests})
   * @param targetValue the value to keep it at
   * @return the configuration
   */
  public static TargetTracking of(PredefinedMetric metric, double targetValue) {
    return new TargetTracking(metric, null, targetValue, null, null, null);
  }

  /**
   * Requests per target of an ALB target group.
   *
   * @param resourceLabel {@code app/<lb>/<id>/targetgroup/<tg>/<id>}
   * @param requestsPerTarget the target value
   * @return the configuration
   */
  public static TargetTracking albRequests(String resourceLabel, double requestsPerTarget) {
    return new TargetTracking(PredefinedMetric.ALB_REQUEST_COUNT_PER_TARGET, resourceLabel, requestsPerTarget,
        null, null, null);
  }

  /**
   * Reads the {@code TargetTrackingScalingPolicyConfiguration} JSON (the guide's {@code scaling-policy.json}):
   * {@code {"TargetValue": 70.0, "PredefinedMetricSpecification": {"PredefinedMetricType": ...},
   * "ScaleOutCooldown": 60, "ScaleInCooldown": 60, "DisableScaleIn": false}}.
   *
   * @param json the text
   * @return the configuration
   * @throws ValidationException when the text is not such an object, names an unknown member, uses a
   *     customised metric, or a value is out of range
   */
  public static TargetTracking fromJson(@Nullable String json) {
    return ScalingJson.readConfiguration(json);
  }

  /** {@return the configuration as {@code TargetTrackingScalingPolicyConfiguration} JSON, absent members left out} */
  public String toJson() {
    return ScalingJson.write(ScalingJson.configuration(this));
  }

  /** {@return the scale-out cooldown, when set} */
  public Optional<Duration> scaleOut() {
    return Optional.ofNullable(scaleOutCooldown);
  }

  /** {@return the scale-in cooldown, when set} */
  public Optional<Duration> scaleIn() {
    return Optional.ofNullable(scaleInCooldown);
  }

  /**
   * With a scale-out cooldown.
   *
   * @param cooldown whole seconds
   * @return the configuration
   */
  public TargetTracking withScaleOutCooldown(@Nullable Duration cooldown) {
    return new TargetTracking(metric, resourceLabel, targetValue, cooldown, scaleInCooldown, disableScaleIn);
  }

  /**
   * With a scale-in cooldown.
   *
   * @param cooldown whole seconds
   * @return the configuration
   */
  public TargetTracking withScaleInCooldown(@Nullable Duration cooldown) {
    return new TargetTracking(metric, resourceLabel, targetValue, scaleOutCooldown, cooldown, disableScaleIn);
  }

  /**
   * With disable-scale-in set.
   *
   * @param disable whether the policy never scales in
   * @return the configuration
   */
  public TargetTracking withDisableScaleIn(@Nullable Boolean disable) {
    return new TargetTracking(metric, resourceLabel, targetValue, scaleOutCooldown, scaleInCooldown, disable);
  }

  /**
   * With another target value.
   *
   * @param value the target value
   * @return the configuration
   */
  public TargetTracking withTargetValue(double value) {
    return new TargetTracking(metric, resourceLabel, value, scaleOutCooldown, scaleInCooldown, disableScaleIn);
  }
}
