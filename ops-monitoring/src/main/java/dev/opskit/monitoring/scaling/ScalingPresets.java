package dev.opskit.monitoring.scaling;

import java.time.Duration;

/** The guide's Application Auto Scaling blocks as definitions. */
public final class ScalingPresets {
  /** The guide's DynamoDB policy name. */
  public static final String USER_SESSIONS_POLICY = "user-sessions-read-scaling-policy";

  private ScalingPresets() {}

  /**
   * The guide's "DynamoDB Performance Tuning": {@code table/user-sessions}, {@code dynamodb:table:ReadCapacityUnits},
   * min 5, max 40000, and the target-tracking policy {@code user-sessions-read-scaling-policy} keeping read
   * capacity utilisation at 70 % with 60 s cooldowns (the usual {@code scaling-policy.json}, which the guide
   * references but does not show).
   *
   * @return the definition
   */
  public static ScalingDefinition userSessionsRead() {
    return ScalingDefinition.of(ScalableTarget.dynamoDbRead("user-sessions", 5, 40000),
        ScalingPolicy.targetTracking(USER_SESSIONS_POLICY,
            TargetTracking.of(PredefinedMetric.DYNAMODB_READ_CAPACITY_UTILIZATION, 70.0)
                .withScaleOutCooldown(Duration.ofSeconds(60))
                .withScaleInCooldown(Duration.ofSeconds(60))));
  }

  /**
   * The guide's "ECS Service Auto Scaling": {@code service/prod-cluster/api-service}, {@code ecs:service:DesiredCount},
   * min 2, max 20 (the guide registers the target without a policy).
   *
   * @return the definition
   */
  public static ScalingDefinition apiServiceDesiredCount() {
    return ScalingDefinition.of(ScalableTarget.ecsService("prod-cluster", "api-service", 2, 20));
  }
}
