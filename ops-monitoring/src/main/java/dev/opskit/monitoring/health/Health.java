package dev.opskit.monitoring.health;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.health.internal.HealthImpl;
import java.time.Duration;
import java.util.List;

/**
 * Service health snapshots (reads only): ECS services, Lambda functions, RDS instances, DynamoDB tables, and a
 * report over many targets.
 *
 * <pre>{@code
 * Health health = Health.using(ctx);
 * System.out.println(health.ecsService("prod-cluster", "api-service").toText());
 * RolloutOutcome rollout = health.awaitDeployment("prod-cluster", "api-service", deploymentId, Duration.ofMinutes(20));
 * HealthReport report = health.report(List.of(HealthTarget.rds("prod-database"), HealthTarget.dynamoDb("user-sessions")));
 * }</pre>
 *
 * <p>Metrics cover the last hour ({@link #WINDOW}) at 5-minute periods.
 */
public interface Health {

  /** How far back a snapshot's metrics look. */
  Duration WINDOW = Duration.ofHours(1);

  /** How many service events an ECS snapshot keeps (the guide's {@code events[:10]}). */
  int EVENTS = 10;

  /**
   * The health operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static Health using(OpsContext ctx) {
    return HealthImpl.of(ctx);
  }

  /**
   * An ECS service: DescribeServices, then DescribeTaskDefinition of the task definition in use.
   *
   * @param cluster such as {@code prod-cluster}
   * @param service such as {@code api-service}
   * @return the snapshot, with the newest {@link #EVENTS} events
   * @throws dev.opskit.core.ResourceNotFoundException when the service does not exist
   */
  EcsServiceSnapshot ecsService(String cluster, String service);

  /**
   * Waits for one ECS deployment: done when it is the PRIMARY deployment and its rollout state is COMPLETED (or,
   * for deployments without a rollout state, when it is the only one and runs every desired task); failed when
   * its rollout state is FAILED or it is no longer primary (a circuit-breaker rollback).
   *
   * @param cluster the cluster
   * @param service the service
   * @param deploymentId such as {@code ecs-svc/1234567890}
   * @param timeout how long to wait
   * @return the typed outcome
   * @throws dev.opskit.core.ResourceNotFoundException when the service does not exist
   */
  RolloutOutcome awaitDeployment(String cluster, String service, String deploymentId, Duration timeout);

  /**
   * A Lambda function: GetFunction, and its Duration, Errors and Throttles over {@link #WINDOW}.
   *
   * @param functionName such as {@code api-handler}
   * @return the snapshot
   * @throws dev.opskit.core.ResourceNotFoundException when the function does not exist
   */
  LambdaSnapshot lambda(String functionName);

  /**
   * An RDS instance: DescribeDBInstances, DescribeEvents of the last 60 minutes, CPUUtilization over
   * {@link #WINDOW}.
   *
   * @param dbInstanceId such as {@code prod-database}
   * @return the snapshot
   * @throws dev.opskit.core.ValidationException for a malformed id, before any call
   * @throws dev.opskit.core.ResourceNotFoundException when the instance does not exist
   */
  RdsSnapshot rds(String dbInstanceId);

  /**
   * A DynamoDB table: DescribeTable, and consumed read and write capacity over {@link #WINDOW}.
   *
   * @param tableName such as {@code user-sessions}
   * @return the snapshot
   * @throws dev.opskit.core.ValidationException for a malformed name, before any call
   * @throws dev.opskit.core.ResourceNotFoundException when the table does not exist
   */
  DynamoDbSnapshot dynamoDb(String tableName);

  /**
   * The snapshot of any target.
   *
   * @param target the target
   * @return its snapshot
   */
  default HealthSnapshot snapshot(HealthTarget target) {
    return switch (target.kind()) {
      case ECS -> ecsService(java.util.Objects.requireNonNull(target.cluster()), target.name());
      case LAMBDA -> lambda(target.name());
      case RDS -> rds(target.name());
      case DYNAMODB -> dynamoDb(target.name());
    };
  }

  /**
   * Reads every target; a target that cannot be read is an unhealthy entry saying why, not a failure of the
   * report.
   *
   * @param targets the targets
   * @return the report, in the order of the targets
   */
  HealthReport report(List<HealthTarget> targets);
}
