/**
 * Application Auto Scaling as desired state, the guide's "DynamoDB Performance Tuning" and "ECS Service Auto
 * Scaling": {@link dev.opskit.monitoring.scaling.ScalingDefinition} (a scalable target with its target-tracking
 * policies), presets for the guide's DynamoDB read capacity and ECS desired count, the
 * {@code TargetTrackingScalingPolicyConfiguration} JSON shape of the guide's {@code scaling-policy.json}, and the
 * {@link dev.opskit.monitoring.scaling.Scaling} operations (plan, apply, drift, read back, scaling activities).
 */
@NullMarked
package dev.opskit.monitoring.scaling;

import org.jspecify.annotations.NullMarked;
