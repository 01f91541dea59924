package dev.opskit.monitoring;

import static dev.opskit.test.FaultInjectingProxy.amzTarget;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.ecs.TaskDefinition;
import dev.opskit.monitoring.ecs.TaskSizing;
import dev.opskit.monitoring.scaling.ManagedPolicies;
import dev.opskit.monitoring.scaling.ScalableTarget;
import dev.opskit.monitoring.scaling.Scaling;
import dev.opskit.monitoring.scaling.ScalingDefinition;
import dev.opskit.monitoring.scaling.ScalingPresets;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.faults.FaultKind;
import dev.opskit.test.faults.FaultSuite;
import dev.opskit.test.faults.MutatingOperation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * The mutating operations of the Performance Management packages that moto supports, under every
 * {@link FaultKind}, through the fault-injecting proxy (see {@link FaultSuite}). Not here because moto lacks
 * it: enabling Performance Insights (moto ignores the PI members of ModifyDBInstance).
 */
@OpsEmulatorTest
class PerformanceFaultInjectionIT {
  private static final ScalingDefinition DYNAMO = ScalingPresets.userSessionsRead();
  private static final ScalingDefinition TARGET_ONLY = new ScalingDefinition(DYNAMO.target(), List.of());
  private static final String ASG = "AnyScaleFrontendService.";

  static final List<MutatingOperation> OPERATIONS = List.of(
      MutatingOperation.named("scaling apply: register a target")
          .changes(amzTarget(ASG + "RegisterScalableTarget"))
          .call(ctx -> Scaling.using(ctx).apply(List.of(TARGET_ONLY)))
          .creates("a scalable target", PerformanceFaultInjectionIT::targets)
          .build(),
      MutatingOperation.named("scaling apply: min capacity")
          .given(direct -> Scaling.using(direct).apply(List.of(TARGET_ONLY)))
          .changes(amzTarget(ASG + "RegisterScalableTarget"))
          .call(ctx -> Scaling.using(ctx).apply(List.of(TARGET_ONLY.withTarget(TARGET_ONLY.target().withCapacity(10, 40000)))))
          .makes("min capacity 10", direct -> minCapacity(direct) == 10)
          .build(),
      MutatingOperation.named("scaling apply: put a policy")
          .given(direct -> Scaling.using(direct).apply(List.of(TARGET_ONLY)))
          .changes(amzTarget(ASG + "PutScalingPolicy"))
          .call(ctx -> Scaling.using(ctx).apply(List.of(DYNAMO)))
          .creates("a scaling policy", PerformanceFaultInjectionIT::policies)
          .build(),
      MutatingOperation.named("scaling apply: delete a managed policy")
          .given(direct -> Scaling.using(direct).apply(List.of(DYNAMO)))
          .changes(amzTarget(ASG + "DeleteScalingPolicy"))
          .call(ctx -> {
            Scaling scaling = Scaling.using(ctx);
            scaling.apply(scaling.plan(List.of(TARGET_ONLY), ManagedPolicies.all()));
          })
          .deletes("a scaling policy", PerformanceFaultInjectionIT::policies)
          .build(),
      MutatingOperation.named("task sizing: register a revision")
          .given(PerformanceFaultInjectionIT::registerGuideTask)
          .changes(amzTarget("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition"))
          .call(ctx -> TaskSizing.using(ctx).registerRevision(TaskDefinition.guideApiService()
              .withSize(new dev.opskit.monitoring.ecs.FargateSize(512, 2048))))
          .creates("a task definition revision", PerformanceFaultInjectionIT::revisions)
          .build());

  static Stream<Object[]> rows() {
    return FaultSuite.matrix(OPERATIONS);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("rows")
  void eachMutatingOperationMakesItsChangeOnceOrFailsTypedAndAuditsWhatTheCallerSaw(
      MutatingOperation operation, FaultKind fault, Emulator emulator) {
    FaultSuite.check(emulator, operation, fault);
  }

  private static ApplicationAutoScalingClient asg(OpsContext direct) {
    return direct.client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder);
  }

  private static int targets(OpsContext direct) {
    return asg(direct).describeScalableTargets(r -> r.serviceNamespace("dynamodb")).scalableTargets().size();
  }

  private static int minCapacity(OpsContext direct) {
    ScalableTarget t = DYNAMO.target();
    return asg(direct).describeScalableTargets(r -> r.serviceNamespace("dynamodb").resourceIds(t.resourceId()))
        .scalableTargets().get(0).minCapacity();
  }

  private static int policies(OpsContext direct) {
    return asg(direct).describeScalingPolicies(r -> r.serviceNamespace("dynamodb")).scalingPolicies().size();
  }

  private static void registerGuideTask(OpsContext direct) {
    direct.client(EcsClient.class, EcsClient::builder).registerTaskDefinition(r -> r.family("api-service").cpu("512")
        .memory("1024").containerDefinitions(ContainerDefinition.builder().name("api").image("example/api:1")
            .cpu(256).memoryReservation(512).essential(true).build()));
  }

  private static int revisions(OpsContext direct) {
    return direct.client(EcsClient.class, EcsClient::builder).listTaskDefinitions(r -> r.familyPrefix("api-service"))
        .taskDefinitionArns().size();
  }
}
