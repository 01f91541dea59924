package dev.opskit.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.opskit.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's HPA as a value: its YAML, and the API server's validation with field paths. */
class HpaDefinitionTest {
  static final String GUIDE = """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: api-hpa}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api-deployment}
        minReplicas: 3
        maxReplicas: 100
        metrics:
        - type: Resource
          resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
      """;

  @Test
  void theGuidesYamlIsGuide() {
    assertThat(HpaDefinition.fromYaml(GUIDE)).isEqualTo(HpaDefinition.guide());
    assertThat(HpaDefinition.guide()).isEqualTo(new HpaDefinition("default", "api-hpa",
        new ScaleTarget("apps/v1", "Deployment", "api-deployment"), 3, 100, List.of(HpaMetric.cpuUtilization(70))));
  }

  @Test
  void toYamlIsTheGuidesDocumentInBlockStyleAndReadsBack() {
    assertThat(HpaDefinition.guide().toYaml()).isEqualTo("""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: api-hpa
          namespace: default
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: api-deployment
          minReplicas: 3
          maxReplicas: 100
          metrics:
          - type: Resource
            resource:
              name: cpu
              target:
                type: Utilization
                averageUtilization: 70
        """);
    HpaDefinition other = new HpaDefinition("production", "worker", new ScaleTarget("apps/v1", "StatefulSet", "w"),
        1, 1, List.of(HpaMetric.memoryUtilization(80), HpaMetric.averageValue("cpu", "0.5")));
    assertThat(HpaDefinition.fromYaml(other.toYaml())).isEqualTo(other);
    HpaDefinition none = new HpaDefinition("production", "worker", ScaleTarget.deployment("w"), 2, 4, List.of());
    assertThat(HpaDefinition.fromYaml(none.toYaml())).isEqualTo(none);
  }

  static final HpaBehavior BEHAVIOR = new HpaBehavior(
      new ScalingRules(0, "Max", List.of(new ScalingPolicy("Percent", 100, 15), new ScalingPolicy("Pods", 4, 15))),
      ScalingRules.stabilizationWindow(300));

  @Test
  void behaviorRoundTripsAndIsReadFromYaml() {
    HpaDefinition d = HpaDefinition.guide().withBehavior(BEHAVIOR);
    assertThat(HpaDefinition.fromYaml(d.toYaml())).isEqualTo(d);
    assertThat(d.toYaml()).endsWith("""
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              selectPolicy: Max
              policies:
              - type: Percent
                value: 100
                periodSeconds: 15
              - type: Pods
                value: 4
                periodSeconds: 15
            scaleDown:
              stabilizationWindowSeconds: 300
        """);
    assertThat(HpaDefinition.fromYaml(GUIDE + "  behavior: {scaleDown: {stabilizationWindowSeconds: 300}}\n"))
        .isEqualTo(HpaDefinition.guide().withBehavior(new HpaBehavior(null, ScalingRules.stabilizationWindow(300))));
  }

  @Test
  void behaviorIsValidatedWithItsFieldPath() {
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE + "  behavior:\n    scaleDown:\n      policies:\n"
        + "      - {type: Pods, value: 1, periodSeconds: 3600}\n"),
        "Invalid spec.behavior.scaleDown.policies[0].periodSeconds: '3600'. Allowed: 1 to 1800 seconds");
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE + "  behavior: {scaleUp: {stabilizationWindowSeconds: 4000}}\n"),
        "Invalid spec.behavior.scaleUp.stabilizationWindowSeconds: '4000'. Allowed: 0 to 3600 seconds");
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE + "  behavior: {scaleUp: {selectPolicy: Average}}\n"),
        "Invalid spec.behavior.scaleUp.selectPolicy: 'Average'. Allowed: Max, Min or Disabled");
    assertInvalid(() -> new ScalingPolicy("Pods", 0, 60), "Invalid policy.value: '0'. Allowed: greater than 0");
  }

  @Test
  void validationNamesTheFieldPath() {
    assertInvalid(() -> new HpaDefinition("default", "api-hpa", ScaleTarget.deployment("api"), 0, 3, List.of()),
        "Invalid spec.minReplicas: '0'. Allowed: at least 1");
    assertInvalid(() -> new HpaDefinition("default", "api-hpa", ScaleTarget.deployment("api"), 5, 3, List.of()),
        "Invalid spec.maxReplicas: '3'. Allowed: at least spec.minReplicas (5)");
    assertInvalid(() -> new ScaleTarget("apps/v1", "Job", "api"),
        "Invalid spec.scaleTargetRef.kind: 'Job'. Allowed: Deployment, StatefulSet or ReplicaSet");
    assertInvalid(() -> new HpaDefinition("default", "API_HPA", ScaleTarget.deployment("api"), 1, 3, List.of()),
        "Invalid metadata.name: 'API_HPA'. Allowed: " + dev.opskit.kubernetes.internal.KubernetesNames.SUBDOMAIN_ALLOWED);
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE.replace("averageUtilization: 70", "averageUtilization: 0")),
        "Invalid spec.metrics[0].resource.target.averageUtilization: '0'. Allowed: a percent greater than 0");
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE.replace("name: cpu", "name: gpu")),
        "Invalid spec.metrics[0].resource.name: 'gpu'. Allowed: cpu or memory");
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE.replace("minReplicas: 3", "minReplicas: 300")),
        "Invalid spec.maxReplicas: '100'. Allowed: at least spec.minReplicas (300)");
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE.replace("kind: Deployment", "kind: CronJob")),
        "Invalid spec.scaleTargetRef.kind: 'CronJob'. Allowed: Deployment, StatefulSet or ReplicaSet");
    assertInvalid(() -> HpaDefinition.fromYaml(GUIDE.replace("autoscaling/v2", "autoscaling/v1")),
        "Invalid yaml.apiVersion/kind: 'autoscaling/v1/HorizontalPodAutoscaler'. Allowed:"
            + " autoscaling/v2/HorizontalPodAutoscaler");
    assertInvalid(() -> HpaMetric.averageValue("memory", "0"),
        "Invalid resource.target.averageValue: '0'. Allowed: a quantity greater than 0");
  }

  @Test
  void replicasAreAcceptedExactlyWhenOneAtMostMinAtMostMax() {
    qt().withExamples(400).forAll(integers().between(-5, 200), integers().between(-5, 200)).checkAssert((min, max) -> {
      if (min >= 1 && min <= max) {
        HpaDefinition d = new HpaDefinition("default", "h", ScaleTarget.deployment("d"), min, max, List.of());
        assertThat(HpaDefinition.fromYaml(d.toYaml())).isEqualTo(d);
      } else {
        assertThatThrownBy(() -> new HpaDefinition("default", "h", ScaleTarget.deployment("d"), min, max, List.of()))
            .isInstanceOf(ValidationException.class)
            .hasMessageStartingWith(min < 1 ? "Invalid spec.minReplicas: '" + min + "'."
                : "Invalid spec.maxReplicas: '" + max + "'.");
      }
    });
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ValidationException.class).hasMessage(message);
  }
}
