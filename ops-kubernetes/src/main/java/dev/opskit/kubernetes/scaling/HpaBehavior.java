package dev.opskit.kubernetes.scaling;

import org.jspecify.annotations.Nullable;

/**
 * An HPA's {@code spec.behavior}: how fast it scales up and down. What is left out takes the API server's defaults
 * and is not compared by a plan.
 *
 * @param scaleUp the rules for scaling up, or null for the API server's defaults
 * @param scaleDown the rules for scaling down, or null for the API server's defaults
 */
public record HpaBehavior(@Nullable ScalingRules scaleUp, @Nullable ScalingRules scaleDown) {}
