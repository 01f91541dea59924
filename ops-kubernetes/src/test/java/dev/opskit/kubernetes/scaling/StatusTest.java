package dev.opskit.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kubectl describe hpa}: replicas, current metrics, conditions, and the missing-request warning. */
class StatusTest extends ScalingTestCase {

  private void store(String targetName) {
    HorizontalPodAutoscaler h = new HorizontalPodAutoscalerBuilder(
        dev.opskit.kubernetes.scaling.internal.HpaModel.object(new HpaDefinition(NS, "api-hpa",
            ScaleTarget.deployment(targetName), 3, 100, List.of(HpaMetric.cpuUtilization(70))), java.util.Map.of()))
        .withNewStatus().withCurrentReplicas(4).withDesiredReplicas(6)
        .addNewCurrentMetric().withType("Resource").withNewResource().withName("cpu")
        .withNewCurrent().withAverageUtilization(95).withAverageValue(new Quantity("238m")).endCurrent()
        .endResource().endCurrentMetric()
        .addNewCondition().withType("AbleToScale").withStatus("True").withReason("ReadyForNewScale")
        .withMessage("recommended size matches current size").endCondition()
        .addNewCondition().withType("ScalingActive").withStatus("True").withReason("ValidMetricFound")
        .withMessage("the HPA was able to successfully calculate a replica count from cpu resource utilization")
        .endCondition()
        .addNewCondition().withType("ScalingLimited").withStatus("False").withReason("DesiredWithinRange")
        .endCondition()
        .endStatus().build();
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).resource(h).create();
  }

  @Test
  void mapsReplicasMetricsAndConditions() {
    client.apps().deployments().inNamespace(NS).resource(deployment()).create();
    Workloads.using(ctx, client).setResources(dev.opskit.kubernetes.rollout.DeploymentRef.of(NS, DEPLOYMENT),
        "sidecar", ContainerResources.guide());
    store(DEPLOYMENT);

    HpaStatus status = Autoscalers.using(ctx, client).status(NS, "api-hpa");

    assertThat(status.currentReplicas()).isEqualTo(4);
    assertThat(status.desiredReplicas()).isEqualTo(6);
    assertThat(status.minReplicas()).isEqualTo(3);
    assertThat(status.maxReplicas()).isEqualTo(100);
    assertThat(status.scaleTarget()).isEqualTo("Deployment/api-deployment");
    assertThat(status.currentMetrics()).containsExactly(new MetricValue("Resource", "cpu", 95, "238m"));
    assertThat(status.ableToScale()).isTrue();
    assertThat(status.scalingActive()).isTrue();
    assertThat(status.scalingLimited()).isFalse();
    assertThat(status.condition("ScalingActive")).hasValue(new HpaCondition("ScalingActive", "True",
        "ValidMetricFound", "the HPA was able to successfully calculate a replica count from cpu resource"
            + " utilization"));
    assertThat(status.warnings()).isEmpty();
  }

  @Test
  void warnsForEachContainerWithoutACpuRequest() {
    client.apps().deployments().inNamespace(NS).resource(deployment()).create();
    store(DEPLOYMENT);

    HpaStatus status = Autoscalers.using(ctx, client).status(NS, "api-hpa");

    assertThat(status.warnings()).containsExactly("missing request for cpu in container sidecar of Deployment"
        + " production/api-deployment: the HPA cannot compute cpu utilization (a percent of the requests) and will"
        + " not scale; set a cpu request on every container (Workloads.setResources)");
  }

  @Test
  void warnsWhenTheTargetDoesNotExist() {
    store("web");

    assertThat(Autoscalers.using(ctx, client).status(NS, "api-hpa").warnings()).containsExactly(
        "the scale target Deployment production/web does not exist: the HPA cannot scale it (ScalingActive False,"
            + " FailedGetScale)");
  }

  @Test
  void missingHpaAndBadNamesAreTyped() {
    assertThatThrownBy(() -> Autoscalers.using(ctx, client).status(NS, "api-hpa"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("kubernetes:GetHorizontalPodAutoscaler on production/horizontalpodautoscaler/api-hpa: horizontal"
            + " pod autoscaler api-hpa not found in namespace production. Check the namespace, the name and the"
            + " cluster.");
    assertThatThrownBy(() -> Autoscalers.using(ctx, client).status("Prod", "api-hpa"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid namespace: 'Prod'.");
  }
}
