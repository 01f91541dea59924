package dev.opskit.monitoring.health.internal;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.health.DynamoDbSnapshot;
import dev.opskit.monitoring.health.EcsServiceSnapshot;
import dev.opskit.monitoring.health.Health;
import dev.opskit.monitoring.health.HealthReport;
import dev.opskit.monitoring.health.HealthTarget;
import dev.opskit.monitoring.health.LambdaSnapshot;
import dev.opskit.monitoring.health.RdsSnapshot;
import dev.opskit.monitoring.health.RolloutOutcome;
import dev.opskit.monitoring.metrics.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@link Health} on the context's clients: reads only. */
public final class HealthImpl implements Health {
  private final EcsHealth ecs;
  private final ServiceHealth services;

  private HealthImpl(OpsContext ctx) {
    this.ecs = new EcsHealth(ctx, ctx.client(EcsClient.class, EcsClient::builder));
    this.services = new ServiceHealth(ctx, Metrics.using(ctx));
  }

  /**
   * The operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  public static Health of(OpsContext ctx) {
    return new HealthImpl(Checks.present("ctx", ctx, "a context"));
  }

  @Override
  public EcsServiceSnapshot ecsService(String cluster, String service) {
    HealthTarget.ecs(cluster, service);
    return ecs.snapshot(cluster, service);
  }

  @Override
  public RolloutOutcome awaitDeployment(String cluster, String service, String deploymentId, Duration timeout) {
    return ecs.await(cluster, service, deploymentId, timeout);
  }

  @Override
  public LambdaSnapshot lambda(String functionName) {
    return services.lambda(functionName);
  }

  @Override
  public RdsSnapshot rds(String dbInstanceId) {
    return services.rds(dbInstanceId);
  }

  @Override
  public DynamoDbSnapshot dynamoDb(String tableName) {
    return services.dynamoDb(tableName);
  }

  @Override
  public HealthReport report(List<HealthTarget> targets) {
    List<HealthTarget> list = Values.list("targets", targets, "health targets");
    List<HealthReport.Entry> entries = new ArrayList<>();
    for (HealthTarget t : list) {
      try {
        entries.add(new HealthReport.Entry(t, snapshot(t), null));
      } catch (OpsException e) {
        entries.add(new HealthReport.Entry(t, null, e.getMessage()));
      }
    }
    return new HealthReport(entries);
  }
}
