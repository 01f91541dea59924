package dev.opskit.monitoring.health;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What to check: an ECS service of a cluster, a Lambda function, an RDS instance or a DynamoDB table.
 *
 * @param kind the kind of service
 * @param name the service, function, instance or table name
 * @param cluster the ECS cluster (ECS only, else null)
 */
public record HealthTarget(Kind kind, String name, @Nullable String cluster) {

  /** The kinds of target. */
  public enum Kind {
    /** An ECS service. */
    ECS,
    /** A Lambda function. */
    LAMBDA,
    /** An RDS DB instance. */
    RDS,
    /** A DynamoDB table. */
    DYNAMODB
  }

  /**
   * Validates.
   *
   * @param kind the kind
   * @param name the name
   * @param cluster the cluster
   */
  public HealthTarget {
    Checks.present("kind", kind, "ECS, LAMBDA, RDS or DYNAMODB");
    Checks.length("name", name, 1, 1024);
    Checks.require((kind == Kind.ECS) == (cluster != null), "cluster", cluster,
        "a cluster for an ECS service, and none for other kinds");
    if (cluster != null) {
      Checks.length("cluster", cluster, 1, 2048);
    }
  }

  /**
   * An ECS service.
   *
   * @param cluster such as {@code prod-cluster}
   * @param service such as {@code api-service}
   * @return the target
   */
  public static HealthTarget ecs(String cluster, String service) {
    return new HealthTarget(Kind.ECS, service, Checks.present("cluster", cluster, "a cluster name"));
  }

  /**
   * A Lambda function.
   *
   * @param functionName such as {@code api-handler}
   * @return the target
   */
  public static HealthTarget lambda(String functionName) {
    return new HealthTarget(Kind.LAMBDA, functionName, null);
  }

  /**
   * An RDS instance.
   *
   * @param dbInstanceId such as {@code prod-database}
   * @return the target
   */
  public static HealthTarget rds(String dbInstanceId) {
    return new HealthTarget(Kind.RDS, dbInstanceId, null);
  }

  /**
   * A DynamoDB table.
   *
   * @param tableName such as {@code user-sessions}
   * @return the target
   */
  public static HealthTarget dynamoDb(String tableName) {
    return new HealthTarget(Kind.DYNAMODB, tableName, null);
  }

  /** {@code ecs prod-cluster/api-service}, {@code lambda api-handler}. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + (cluster == null ? name : cluster + "/" + name);
  }
}
