package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.monitoring.ecs.EcsService;
import dev.opskit.monitoring.ecs.FargateSize;
import dev.opskit.monitoring.ecs.SizingReport;
import dev.opskit.monitoring.ecs.TaskDefinition;
import dev.opskit.monitoring.ecs.TaskSizing;
import dev.opskit.monitoring.performance.PiMetricQuery;
import dev.opskit.monitoring.performance.PiRetention;
import dev.opskit.monitoring.scaling.Scaling;
import dev.opskit.monitoring.scaling.ScalingDefinition;
import dev.opskit.monitoring.scaling.ScalingPresets;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/**
 * The guide's "Performance Management" as code: the ECS task definition block loaded and validated, its sizing
 * compared with what the service used, the DynamoDB and ECS auto-scaling blocks as desired state (planned, applied,
 * planned again, a min-capacity change as a one-field update), and the guide's Performance Insights query typed
 * (moto has no Performance Insights, so this section only shows the query and what validation says).
 */
public final class PerformanceExample implements TourStep {
  static final String CLUSTER = "prod-cluster";
  static final String SERVICE = "api-service";
  static final String GUIDE_TASK_JSON = """
      {
        "family": "api-service",
        "cpu": "512",
        "memory": "1024",
        "containerDefinitions": [{
          "name": "api",
          "cpu": 256,
          "memoryReservation": 512,
          "essential": true
        }]
      }""";

  @Override
  public String title() {
    return "Performance: task sizing, auto scaling as desired state, and the Performance Insights query";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    TaskDefinition guide = TaskDefinition.fromJson(GUIDE_TASK_JSON);
    out.println("Loaded the guide's task definition: " + guide.family() + ", cpu " + guide.cpu() + ", memory "
        + guide.memory() + ", container " + guide.containers().get(0).name() + ".");
    try {
      guide.withSize(new FargateSize(512, 512));
    } catch (ValidationException e) {
      out.println("  cpu 512 with memory 512 is refused: " + e.getMessage());
    }
    ensureService(ctx, out);

    TaskSizing sizing = TaskSizing.using(ctx);
    Instant now = ctx.clock().instant();
    SizingReport report = sizing.compare(sizing.current(SERVICE), EcsService.of(CLUSTER, SERVICE),
        now.minus(Duration.ofDays(7)), now);
    out.println("Sizing against the last 7 days of CloudWatch utilisation:");
    report.toString().lines().forEach(line -> out.println("  " + line));
    ChangeResult<String> planned = TaskSizing.using(ctx.withDryRun(true))
        .registerRevision(sizing.current(SERVICE).withSize(new FargateSize(512, 2048)));
    out.println("  a revision with 2048 MiB, dry run: would call " + planned.call().operation() + " "
        + planned.call().target());

    List<ScalingDefinition> wanted = List.of(ScalingPresets.userSessionsRead(), ScalingPresets.apiServiceDesiredCount());
    Scaling scaling = Scaling.using(ctx);
    Plan plan = scaling.plan(wanted);
    out.println("Auto scaling, the guide's DynamoDB and ECS targets:");
    plan.render().lines().forEach(line -> out.println("  " + line));
    scaling.apply(plan);
    out.println("  applied; planned again: " + scaling.plan(wanted).summary());
    ScalingDefinition dynamo = ScalingPresets.userSessionsRead();
    Plan raise = scaling.drift(List.of(dynamo.withTarget(dynamo.target().withCapacity(10, 40000))));
    out.println("  min capacity 5 -> 10 (planned, not applied):");
    raise.render().lines().forEach(line -> out.println("    " + line));

    out.println("Performance Insights (not in moto): the guide's slow-query metric, typed: "
        + PiMetricQuery.guideSlowSelects() + ", retention " + PiRetention.FREE_TIER + ".");
    try {
      PiMetricQuery.listFromJson("[{\"Metric\": \"db.SQL.Select.Avg_timer_wait.avg\","
          + " \"GroupBy\": {\"Group\": \"db.sql_tokenized.statement\"}}]");
    } catch (ValidationException e) {
      out.println("  the guide's own JSON is refused: " + e.getMessage());
    }
  }

  /** The cluster, the guide's task definition (with an image, as ECS needs) and the service, through the gate. */
  private static void ensureService(OpsContext ctx, PrintStream out) {
    EcsClient ecs = ctx.client(EcsClient.class, EcsClient::builder);
    if (Reads.read("ecs:ListTaskDefinitions", SERVICE, () -> ecs.listTaskDefinitionsPaginator(
        ListTaskDefinitionsRequest.builder().familyPrefix(SERVICE).build()).taskDefinitionArns().stream()
        .noneMatch(arn -> arn.contains(":task-definition/" + SERVICE + ":")))) {
      RegisterTaskDefinitionRequest task = RegisterTaskDefinitionRequest.builder().family(SERVICE).cpu("512")
          .memory("1024").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
          .containerDefinitions(ContainerDefinition.builder().name("api").image("public.ecr.aws/nginx/nginx:1.27")
              .cpu(256).memoryReservation(512).essential(true).build()).build();
      ctx.gate().submit(Change.of("ecs:RegisterTaskDefinition", SERVICE, task, ecs::registerTaskDefinition).build());
      out.println("  registered task definition " + SERVICE);
    }
    // A missing cluster is "not found" (empty); CreateCluster is idempotent for an existing name.
    boolean running = Reads.find("ecs:DescribeServices", SERVICE, () -> ecs.describeServices(DescribeServicesRequest
        .builder().cluster(CLUSTER).services(SERVICE).build()).services().stream()
        .anyMatch(s -> "ACTIVE".equals(s.status()))).orElse(false);
    if (!running) {
      ctx.gate().submit(Change.of("ecs:CreateCluster", CLUSTER, CreateClusterRequest.builder().clusterName(CLUSTER)
          .build(), ecs::createCluster).build());
      ctx.gate().submit(Change.of("ecs:CreateService", SERVICE, CreateServiceRequest.builder().cluster(CLUSTER)
          .serviceName(SERVICE).taskDefinition(SERVICE).desiredCount(2).build(), ecs::createService).build());
      out.println("  created service " + CLUSTER + "/" + SERVICE);
    }
  }
}
