package dev.opskit.monitoring.scaling;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A scalable target as RegisterScalableTarget takes it: which dimension of which resource, between which
 * capacities. The resource id is validated against the dimension ({@link ScalableDimension#checkResourceId}),
 * and {@code minCapacity <= maxCapacity}, before any call.
 *
 * @param dimension the scalable dimension (its service namespace follows from it)
 * @param resourceId the resource id, such as {@code table/user-sessions}
 * @param minCapacity the least capacity (DynamoDB: at least 1 capacity unit; ECS: at least 0 tasks)
 * @param maxCapacity the greatest capacity, at least {@code minCapacity}
 */
public record ScalableTarget(ScalableDimension dimension, String resourceId, int minCapacity, int maxCapacity) {

  /**
   * Validates.
   *
   * @param dimension the scalable dimension (its service namespace follows from it)
   * @param resourceId the resource id, such as {@code table/user-sessions}
   * @param minCapacity the least capacity (DynamoDB: at least 1 capacity unit; ECS: at least 0 tasks)
   * @param maxCapacity the greatest capacity, at least {@code minCapacity}
   */
  public ScalableTarget {
    Checks.present("ScalableDimension", dimension, "a scalable dimension, such as dynamodb:table:ReadCapacityUnits");
    dimension.checkResourceId("ResourceId", resourceId);
    int least = dimension.serviceNamespace().equals("dynamodb") ? 1 : 0;
    Checks.range("MinCapacity", minCapacity, least, Integer.MAX_VALUE,
        "at least " + least + (least == 1 ? " capacity unit for DynamoDB" : " for " + dimension));
    Checks.range("MaxCapacity", maxCapacity, minCapacity, Integer.MAX_VALUE,
        "at least MinCapacity (" + minCapacity + ")");
  }

  /**
   * The guide's DynamoDB read capacity target: {@code dynamodb:table:ReadCapacityUnits} of
   * {@code table/<table>}.
   *
   * @param table the table, such as {@code user-sessions}
   * @param min the least read capacity units, such as 5
   * @param max the greatest, such as 40000
   * @return the target
   */
  public static ScalableTarget dynamoDbRead(@Nullable String table, int min, int max) {
    return new ScalableTarget(ScalableDimension.DYNAMODB_TABLE_READ, "table/" + Checks.length("table", table, 3, 255), min, max);
  }

  /**
   * A DynamoDB write capacity target: {@code dynamodb:table:WriteCapacityUnits} of {@code table/<table>}.
   *
   * @param table the table
   * @param min the least write capacity units
   * @param max the greatest
   * @return the target
   */
  public static ScalableTarget dynamoDbWrite(@Nullable String table, int min, int max) {
    return new ScalableTarget(ScalableDimension.DYNAMODB_TABLE_WRITE, "table/" + Checks.length("table", table, 3, 255), min, max);
  }

  /**
   * The guide's ECS service target: {@code ecs:service:DesiredCount} of {@code service/<cluster>/<service>}.
   *
   * @param cluster the cluster, such as {@code prod-cluster}
   * @param service the service, such as {@code api-service}
   * @param min the least number of tasks, such as 2
   * @param max the greatest, such as 20
   * @return the target
   */
  public static ScalableTarget ecsService(@Nullable String cluster, @Nullable String service, int min, int max) {
    return new ScalableTarget(ScalableDimension.ECS_SERVICE_DESIRED_COUNT,
        "service/" + Checks.length("cluster", cluster, 1, 255) + "/" + Checks.length("service", service, 1, 255), min, max);
  }

  /** {@return the service namespace, such as {@code dynamodb}} */
  public String serviceNamespace() {
    return dimension.serviceNamespace();
  }

  /**
   * The same target with other capacities.
   *
   * @param min the least capacity
   * @param max the greatest
   * @return the target
   */
  public ScalableTarget withCapacity(int min, int max) {
    return new ScalableTarget(dimension, resourceId, min, max);
  }

  /** {@return {@code table/user-sessions dynamodb:table:ReadCapacityUnits}, how plans name the target} */
  public String key() {
    return resourceId + " " + dimension.value();
  }
}
