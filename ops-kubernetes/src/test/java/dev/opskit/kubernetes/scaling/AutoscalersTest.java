package dev.opskit.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HPAs as desired state on a CRUD mock server: create, unchanged, update with field diffs, delete of marked ones. */
class AutoscalersTest extends ScalingTestCase {
  private static final String HPAS = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";

  private HorizontalPodAutoscaler stored(String namespace, String name) {
    return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withName(name).get();
  }

  private void store(String namespace, String name, boolean marked) {
    HorizontalPodAutoscalerBuilder b = new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withNewSpec().withNewScaleTargetRef("apps/v1", "Deployment", "api-deployment").withMinReplicas(1)
        .withMaxReplicas(5).endSpec();
    if (marked) {
      b.editMetadata().addToLabels("app.kubernetes.io/managed-by", "opskit").endMetadata();
    }
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).resource(b.build()).create();
  }

  @Test
  void createsTheGuidesHpaMarkedThenFindsItUnchanged() throws InterruptedException {
    Autoscalers hpas = Autoscalers.using(ctx, client);
    Plan plan = hpas.plan(HpaDefinition.fromYaml(HpaDefinitionTest.GUIDE));

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.CREATE);
      assertThat(c.resource()).isEqualTo("default/api-hpa");
    });
    assertThat(stored("default", "api-hpa")).isNull();
    cluster.requests();

    ApplyResult result = hpas.apply(plan);

    assertThat(result.isPlanned()).isFalse();
    assertThat(cluster.requests()).containsExactly("POST " + HPAS);
    HorizontalPodAutoscaler live = stored("default", "api-hpa");
    assertThat(live.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "opskit");
    assertThat(live.getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(live.getSpec().getMaxReplicas()).isEqualTo(100);
    assertThat(live.getSpec().getMetrics()).singleElement().satisfies(m -> {
      assertThat(m.getResource().getName()).isEqualTo("cpu");
      assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
    });
    assertThat(audit.events()).extracting(AuditEvent::operation, AuditEvent::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kubernetes:CreateHorizontalPodAutoscaler",
            "default/horizontalpodautoscaler/api-hpa"));

    Plan again = hpas.plan(HpaDefinition.guide());
    assertThat(again.changes()).extracting(ResourceChange::kind).containsExactly(ResourceChange.Kind.UNCHANGED);
    assertThat(again.isEmpty()).isTrue();
    assertThat(hpas.drift(List.of(HpaDefinition.guide())).changes()).isEmpty();
  }

  @Test
  void updatesTheFieldsThatDifferWithOneJsonPatch() throws InterruptedException {
    Autoscalers hpas = Autoscalers.using(ctx, client);
    hpas.apply(List.of(HpaDefinition.guide()));
    HpaDefinition changed = new HpaDefinition("default", "api-hpa", ScaleTarget.deployment("api-deployment"), 3, 50,
        List.of(HpaMetric.cpuUtilization(60), HpaMetric.averageValue("memory", "400Mi")));
    cluster.requests();

    Plan plan = hpas.plan(changed);

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.diffs()).containsExactly(
          FieldDiff.of("spec.maxReplicas", 100, 50),
          FieldDiff.of("spec.metrics", "[cpu Utilization 70%]",
              "[cpu Utilization 60%, memory AverageValue 400Mi]"));
    });
    cluster.requests();
    hpas.apply(plan);

    assertThat(cluster.takeRequests()).singleElement().satisfies(r -> {
      assertThat(r.getMethod()).isEqualTo("PATCH");
      assertThat(r.getPath()).isEqualTo(HPAS + "/api-hpa");
      assertThat(r.getHeader("Content-Type")).startsWith("application/json-patch+json");
    });
    assertThat(hpas.plan(changed).isEmpty()).isTrue();
    assertThat(stored("default", "api-hpa").getSpec().getMaxReplicas()).isEqualTo(50);
  }

  @Test
  void behaviorIsComparedInTheFieldsDefinedAndUpdated() {
    Autoscalers hpas = Autoscalers.using(ctx, client);
    HpaDefinition slow = HpaDefinition.guide().withBehavior(new HpaBehavior(null, ScalingRules.stabilizationWindow(
        600)));
    hpas.apply(List.of(HpaDefinition.guide().withBehavior(HpaDefinitionTest.BEHAVIOR)));
    assertThat(hpas.plan(HpaDefinition.guide()).isEmpty()).isTrue();

    Plan plan = hpas.plan(slow);

    assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.diffs()).containsExactly(
        FieldDiff.of("spec.behavior.scaleDown.stabilizationWindowSeconds", "300", "600")));
    hpas.apply(plan);
    HorizontalPodAutoscaler live = stored("default", "api-hpa");
    assertThat(live.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(600);
    assertThat(live.getSpec().getBehavior().getScaleUp().getPolicies()).hasSize(2);
    assertThat(hpas.plan(slow).isEmpty()).isTrue();
  }

  @Test
  void anUnmarkedHpaOfTheSameNameIsUpdatedAndMarked() {
    store("default", "api-hpa", false);

    Plan plan = Autoscalers.using(ctx, client).plan(HpaDefinition.guide());

    assertThat(plan.changes()).singleElement().satisfies(c -> assertThat(c.diffs()).contains(
        FieldDiff.of("spec.minReplicas", 1, 3),
        FieldDiff.of("metadata.labels[app.kubernetes.io/managed-by]", null, "opskit")));
    Autoscalers.using(ctx, client).apply(plan);
    assertThat(stored("default", "api-hpa").getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "opskit");
  }

  @Test
  void deletesMarkedHpasNoLongerDefinedAndLeavesOthers() {
    store("default", "old-hpa", true);
    store("production", "older-hpa", true);
    store("default", "someone-elses", false);

    Plan plan = Autoscalers.using(ctx, client).plan(HpaDefinition.guide());

    assertThat(plan.changes()).extracting(ResourceChange::kind, ResourceChange::resource).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.CREATE, "default/api-hpa"),
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.DELETE, "default/old-hpa"),
        org.assertj.core.groups.Tuple.tuple(ResourceChange.Kind.DELETE, "production/older-hpa"));
    Autoscalers.using(ctx, client).apply(plan);

    assertThat(stored("default", "old-hpa")).isNull();
    assertThat(stored("production", "older-hpa")).isNull();
    assertThat(stored("default", "someone-elses")).isNotNull();
    assertThat(stored("default", "api-hpa")).isNotNull();
    assertThat(audit.events()).extracting(AuditEvent::operation).containsOnly(
        "kubernetes:CreateHorizontalPodAutoscaler", "kubernetes:DeleteHorizontalPodAutoscaler");
  }

  @Test
  void anOwnMarkerDeletesOnlyWhatItMarks() {
    store("default", "old-hpa", true);

    Plan plan = Autoscalers.using(ctx, client, new ManagedBy("team", "payments")).plan(List.of());

    assertThat(plan.changes()).isEmpty();
  }

  @Test
  void dryRunPlansEveryChangeAndWritesNothing() throws InterruptedException {
    store("default", "old-hpa", true);
    cluster.requests();
    try (OpsContext dry = context(true)) {
      ApplyResult result = Autoscalers.using(dry, client).apply(List.of(HpaDefinition.guide()));

      assertThat(result.isPlanned()).isTrue();
      assertThat(result.results()).hasSize(2).allSatisfy(a ->
          assertThat(a.results()).allMatch(r -> r instanceof ChangeResult.Planned));
      assertThat(cluster.requests()).allMatch(r -> r.startsWith("GET "));
      assertThat(stored("default", "old-hpa")).isNotNull();
      assertThat(stored("default", "api-hpa")).isNull();
    }
  }

  @Test
  void aMalformedMarkerIsRefused() {
    assertThatThrownBy(() -> new ManagedBy("team", "pay ments"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid managedBy: 'team=pay ments'.");
    assertThatThrownBy(() -> new ManagedBy("team", ""))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid managedBy: 'team='.");
  }

  @Test
  void aDefinitionTwiceIsRefused() {
    assertThatThrownBy(() -> Autoscalers.using(ctx, client).plan(List.of(HpaDefinition.guide(),
        HpaDefinition.guide())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid definitions: 'default/api-hpa'. Allowed: each HPA defined once");
  }
}
