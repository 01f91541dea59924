package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.TableName;
import dev.opskit.monitoring.internal.PresetTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready-made alarms: the guide's three ("Alerting Configuration": {@code HighCPUUtilization},
 * {@code DatabaseConnectionFailures}, {@code HighMemoryUsage}, read from its JSON blocks), and a set per
 * service the guide monitors. Every preset is an ordinary {@link AlarmDefinition}; adjust it with
 * {@link AlarmDefinition#toBuilder()}:
 *
 * <pre>{@code
 * AlarmDefinition cpu = AlarmPresets.rds("prod-database").highCpu().toBuilder()
 *     .threshold(90.0)
 *     .alarmAction("arn:aws:sns:us-east-1:123456789012:critical-alerts")
 *     .build();
 * }</pre>
 */
public final class AlarmPresets {
  private AlarmPresets() {}

  /** {@return the guide's three alarms, exactly as its JSON blocks define them} */
  public static List<AlarmDefinition> guide() {
    return PresetTable.guide();
  }

  /** {@return the guide's {@code HighCPUUtilization} (critical): EC2 CPU above 80% for two 5-minute periods} */
  public static AlarmDefinition highCpuUtilization() {
    return guide().get(0);
  }

  /** {@return the guide's {@code DatabaseConnectionFailures} (critical): RDS connections above 80 in a minute} */
  public static AlarmDefinition databaseConnectionFailures() {
    return guide().get(1);
  }

  /** {@return the guide's {@code HighMemoryUsage} (warning): CloudWatch agent memory above 70% for 15 minutes} */
  public static AlarmDefinition highMemoryUsage() {
    return guide().get(2);
  }

  /**
   * EC2 instance presets: {@code highCpu}, {@code statusCheckFailed}.
   *
   * @param instanceId the instance, such as {@code i-0123456789abcdef0}
   * @return the presets
   */
  public static ServicePresets ec2(String instanceId) {
    return of("ec2", instanceId);
  }

  /**
   * RDS instance presets: {@code highCpu}, {@code highConnections}, {@code lowFreeStorage},
   * {@code lowFreeableMemory}, {@code highReadLatency}, {@code highWriteLatency}.
   *
   * @param dbInstanceId the instance, such as {@code prod-database}
   * @return the presets
   */
  public static ServicePresets rds(String dbInstanceId) {
    return of("rds", dbInstanceId);
  }

  /**
   * RDS instance presets, for a typed instance id.
   *
   * @param dbInstanceId the instance
   * @return the presets
   */
  public static ServicePresets rds(DbInstanceId dbInstanceId) {
    return rds(Checks.present("dbInstanceId", dbInstanceId, "a DB instance id").value());
  }

  /**
   * Application Load Balancer presets: {@code highTargetResponseTime}, {@code elb5xx}, {@code target5xx},
   * {@code rejectedConnections}.
   *
   * @param loadBalancer the {@code LoadBalancer} dimension, such as {@code app/prod-alb/50dc6c495c0c9188}
   * @return the presets
   */
  public static ServicePresets alb(String loadBalancer) {
    return of("alb", loadBalancer);
  }

  /**
   * Lambda function presets: {@code errors}, {@code throttles}, {@code highDuration}.
   *
   * @param functionName the function, such as {@code api-handler}
   * @return the presets
   */
  public static ServicePresets lambda(String functionName) {
    return of("lambda", functionName);
  }

  /**
   * DynamoDB table presets: {@code readThrottles}, {@code writeThrottles}, {@code systemErrors}.
   *
   * @param tableName the table, such as {@code user-sessions}
   * @return the presets
   */
  public static ServicePresets dynamoDb(String tableName) {
    return of("dynamodb", tableName);
  }

  /**
   * DynamoDB table presets, for a typed table name.
   *
   * @param tableName the table
   * @return the presets
   */
  public static ServicePresets dynamoDb(TableName tableName) {
    return dynamoDb(Checks.present("tableName", tableName, "a table name").value());
  }

  /**
   * ECS service presets: {@code highCpu}, {@code highMemory}.
   *
   * @param clusterName the cluster, such as {@code prod-cluster}
   * @param serviceName the service, such as {@code api-service}
   * @return the presets
   */
  public static ServicePresets ecs(String clusterName, String serviceName) {
    return of("ecs", clusterName, serviceName);
  }

  /**
   * EKS cluster presets (Container Insights metrics): {@code nodeCpu}, {@code nodeMemory},
   * {@code failedNodes}.
   *
   * @param clusterName the cluster
   * @return the presets
   */
  public static ServicePresets eks(String clusterName) {
    return of("eks", clusterName);
  }

  private static ServicePresets of(String service, String... values) {
    List<String> names = PresetTable.dimensionNames(service);
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      dimensions.put(names.get(i), Checks.length(names.get(i), values[i], 1, 200));
    }
    return new ServicePresets(service, dimensions);
  }
}
