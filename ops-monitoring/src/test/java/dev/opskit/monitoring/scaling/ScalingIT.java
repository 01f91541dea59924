package dev.opskit.monitoring.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Acceptance 1: the guide's scalable targets and DynamoDB policy as desired state, against moto. */
@OpsEmulatorTest
class ScalingIT {
  private static final List<ScalingDefinition> GUIDE =
      List.of(ScalingPresets.userSessionsRead(), ScalingPresets.apiServiceDesiredCount());

  @BeforeEach
  void theGuidesEcsServiceExists(OpsContext ctx, Emulator emulator) {
    emulator.reset();
    // Test setup, not OpsKit: moto registers an ECS scalable target only for a service it knows.
    EcsClient ecs = ctx.client(EcsClient.class, EcsClient::builder);
    ecs.createCluster(r -> r.clusterName("prod-cluster"));
    ecs.registerTaskDefinition(r -> r.family("api-service").containerDefinitions(
        software.amazon.awssdk.services.ecs.model.ContainerDefinition.builder().name("api").image("nginx").memory(512)
            .build()));
    ecs.createService(r -> r.cluster("prod-cluster").serviceName("api-service").taskDefinition("api-service")
        .desiredCount(2));
  }

  @Test
  void theGuidesTargetsAndPolicyApplyReadBackEqualAndPlanEmptyAfterwards(OpsContext ctx, InMemoryAuditSink audit) {
    Scaling scaling = Scaling.using(ctx);

    Plan first = scaling.plan(GUIDE);
    assertThat(first.changes()).extracting(ResourceChange::kind, ResourceChange::resource).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.CREATE,
            "table/user-sessions dynamodb:table:ReadCapacityUnits"),
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.CREATE,
            "user-sessions-read-scaling-policy on table/user-sessions dynamodb:table:ReadCapacityUnits"),
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.CREATE,
            "service/prod-cluster/api-service ecs:service:DesiredCount"));
    scaling.apply(first);
    assertThat(audit.events(e -> e.outcome() == Outcome.SUCCEEDED)).extracting(e -> e.operation()).containsExactly(
        "application-autoscaling:RegisterScalableTarget", "application-autoscaling:PutScalingPolicy",
        "application-autoscaling:RegisterScalableTarget");

    assertThat(scaling.read(ScalableDimension.DYNAMODB_TABLE_READ, "table/user-sessions"))
        .contains(ScalingPresets.userSessionsRead());
    assertThat(scaling.read(ScalableDimension.ECS_SERVICE_DESIRED_COUNT, "service/prod-cluster/api-service"))
        .contains(ScalingPresets.apiServiceDesiredCount());
    ApplicationAutoScalingClient raw = ctx.client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder);
    assertThat(raw.describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets())
        .singleElement().satisfies(t -> {
          assertThat(t.minCapacity()).isEqualTo(5);
          assertThat(t.maxCapacity()).isEqualTo(40000);
        });

    Plan second = scaling.plan(GUIDE);
    assertThat(second.isEmpty()).isTrue();
    assertThat(second.changes()).hasSize(3).allMatch(c -> c.kind() == ResourceChange.Kind.UNCHANGED);
    assertThat(scaling.drift(GUIDE).changes()).isEmpty();
  }

  @Test
  void aMinCapacityChangeIsPlannedAsAOneFieldUpdate(OpsContext ctx) {
    Scaling scaling = Scaling.using(ctx);
    scaling.apply(GUIDE);

    ScalingDefinition dynamo = ScalingPresets.userSessionsRead();
    ScalingDefinition moreReads = dynamo.withTarget(dynamo.target().withCapacity(10, 40000));
    Plan plan = scaling.drift(List.of(moreReads, ScalingPresets.apiServiceDesiredCount()));

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.resource()).isEqualTo("table/user-sessions dynamodb:table:ReadCapacityUnits");
      assertThat(c.diffs()).containsExactly(new FieldDiff("MinCapacity", "5", "10"));
      assertThat(c.calls()).singleElement().satisfies(call -> {
        assertThat(call.operation()).isEqualTo("application-autoscaling:RegisterScalableTarget");
        assertThat(call.parameters()).containsEntry("MinCapacity", 10).containsEntry("MaxCapacity", 40000);
      });
    });

    // A dry run sends nothing; applying for real makes the next plan empty.
    assertThat(Scaling.using(ctx.withDryRun(true)).apply(plan).results())
        .allSatisfy(a -> assertThat(a.results()).allMatch(r -> r instanceof ChangeResult.Planned<?>));
    assertThat(scaling.read(ScalableDimension.DYNAMODB_TABLE_READ, "table/user-sessions").orElseThrow()
        .target().minCapacity()).isEqualTo(5);
    scaling.apply(plan);
    assertThat(scaling.plan(List.of(moreReads)).isEmpty()).isTrue();
  }

  @Test
  void aChangedTargetValueIsAOneFieldPolicyUpdateAndManagedUndefinedPoliciesAreDeleted(OpsContext ctx) {
    Scaling scaling = Scaling.using(ctx);
    scaling.apply(GUIDE);
    ScalingDefinition dynamo = ScalingPresets.userSessionsRead();
    ScalingPolicy policy = dynamo.policies().get(0);
    ScalingDefinition higher = new ScalingDefinition(dynamo.target(),
        List.of(new ScalingPolicy(policy.name(), policy.configuration().withTargetValue(75.0))));

    Plan plan = scaling.drift(List.of(higher));
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.resourceType()).isEqualTo("scaling policy");
      assertThat(c.diffs()).containsExactly(new FieldDiff("TargetValue", "70.0", "75.0"));
    });

    ScalingDefinition withoutPolicies = new ScalingDefinition(dynamo.target(), List.of());
    assertThat(scaling.plan(List.of(withoutPolicies)).isEmpty()).as("no marker: nothing is deleted").isTrue();
    Plan prune = scaling.plan(List.of(withoutPolicies), ManagedPolicies.prefix("opskit-"));
    assertThat(prune.isEmpty()).as("not managed by that prefix").isTrue();
    Plan all = scaling.plan(List.of(withoutPolicies), ManagedPolicies.all());
    assertThat(all.changes(ResourceChange.Kind.DELETE)).extracting(ResourceChange::resource)
        .containsExactly("user-sessions-read-scaling-policy on table/user-sessions dynamodb:table:ReadCapacityUnits");
    scaling.apply(all);
    assertThat(scaling.read(ScalableDimension.DYNAMODB_TABLE_READ, "table/user-sessions").orElseThrow().policies())
        .isEmpty();
  }

  @Test
  void ecsTargetTrackingOnCpuMemoryAndRequestsAppliesAndReadsBackEqual(OpsContext ctx) {
    ScalingDefinition ecs = ScalingDefinition.of(ScalableTarget.ecsService("prod-cluster", "api-service", 2, 20),
        ScalingPolicy.targetTracking("api-cpu", TargetTracking.of(PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, 70)
            .withScaleInCooldown(java.time.Duration.ofMinutes(5)).withDisableScaleIn(false)),
        ScalingPolicy.targetTracking("api-memory", TargetTracking.of(PredefinedMetric.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION, 80)),
        ScalingPolicy.targetTracking("api-requests", TargetTracking.albRequests(
            "app/prod-alb/50dc6c495c0c9188/targetgroup/api/943f017f100becff", 1000)));
    Scaling scaling = Scaling.using(ctx);

    scaling.apply(List.of(ecs));

    assertThat(scaling.read(ScalableDimension.ECS_SERVICE_DESIRED_COUNT, "service/prod-cluster/api-service")).contains(ecs);
    assertThat(scaling.plan(List.of(ecs)).isEmpty()).isTrue();
  }

  @Test
  void scalingPassesTheDesiredStateContract(OpsContext ctx, InMemoryAuditSink audit) {
    ScalingDefinition dynamo = ScalingPresets.userSessionsRead();
    dev.opskit.test.contract.DesiredStateContract.of(Scaling.using(ctx), Scaling.using(ctx.withDryRun(true)), audit)
        .definitions(GUIDE)
        .changed(List.of(dynamo.withTarget(dynamo.target().withCapacity(5, 30000)), ScalingPresets.apiServiceDesiredCount()),
            "MaxCapacity")
        .check();
  }

  @Test
  void aDynamoDbDimensionOnAnEcsResourceIdIsRejectedBeforeAnyCall(InMemoryAuditSink audit) {
    assertThatThrownBy(() -> new ScalableTarget(ScalableDimension.DYNAMODB_TABLE_READ, "service/prod-cluster/api-service", 5, 10))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ResourceId: 'service/prod-cluster/api-service'. Allowed: for scalable dimension "
            + "dynamodb:table:ReadCapacityUnits a resource id table/<table>, such as table/user-sessions "
            + "(table names: 3 to 255 of A-Z a-z 0-9 _ - .)");
    assertThat(audit.events()).isEmpty();
  }
}
