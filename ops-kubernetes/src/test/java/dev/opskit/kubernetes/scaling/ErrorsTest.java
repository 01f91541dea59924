package dev.opskit.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.PartialApplyException;
import dev.opskit.core.change.Plan;
import dev.opskit.kubernetes.ManualTime;
import dev.opskit.kubernetes.MockCluster;
import dev.opskit.kubernetes.rollout.DeploymentRef;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API server's failures, through the module's one mapping, naming operation and target; failed writes audited. */
class ErrorsTest {
  private static final String HPAS = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";
  private final ManualTime time = new ManualTime();
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final OpsContext ctx = cluster.closing(MockCluster.context(time).sleeper(time).auditSink(audit).build());

  private static Status status(int code, String reason, String message) {
    return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
  }

  @Test
  void aForbiddenCreateStopsTheApplyAndIsAudited() {
    server.expect().get().withPath(HPAS + "/api-hpa").andReturn(404, status(404, "NotFound", "not found")).once();
    server.expect().get().withPath("/apis/autoscaling/v2/horizontalpodautoscalers?labelSelector="
        + "app.kubernetes.io%2Fmanaged-by%3Dopskit&limit=500")
        .andReturn(200, new HorizontalPodAutoscalerListBuilder().build()).once();
    server.expect().post().withPath(HPAS).andReturn(403, status(403, "Forbidden", "horizontalpodautoscalers.autoscaling"
        + " is forbidden: User \"ops\" cannot create resource \"horizontalpodautoscalers\"")).once();
    Autoscalers hpas = Autoscalers.using(ctx, client);
    Plan plan = hpas.plan(HpaDefinition.guide());

    assertThatThrownBy(() -> hpas.apply(plan))
        .isInstanceOf(PartialApplyException.class)
        .cause().isInstanceOf(AccessDeniedException.class)
        .hasMessage("kubernetes:CreateHorizontalPodAutoscaler on default/horizontalpodautoscaler/api-hpa: forbidden"
            + " (HTTP 403): horizontalpodautoscalers.autoscaling is forbidden: User \"ops\" cannot create resource"
            + " \"horizontalpodautoscalers\". Grant the identity this permission in the cluster's RBAC (its EKS access"
            + " entry or aws-auth mapping).");
    assertThat(audit.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("kubernetes:CreateHorizontalPodAutoscaler");
      assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
    });
  }

  @Test
  void aConflictOnSetResourcesIsAStateError() {
    String path = "/apis/apps/v1/namespaces/production/deployments/api-deployment";
    server.expect().get().withPath(path).andReturn(200, ScalingTestCase.deployment()).once();
    server.expect().patch().withPath(path).andReturn(409, status(409, "Conflict", "the object has been modified"))
        .once();

    assertThatThrownBy(() -> Workloads.using(ctx, client).setResources(
        DeploymentRef.of("production", "api-deployment"), "api", ContainerResources.guide()))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:SetResources on production/deployment/api-deployment: conflict (HTTP 409): the object"
            + " has been modified. The object changed meanwhile or its state does not allow this: read it again and"
            + " retry.");
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
  }

  @Test
  void theMarkedHpasAreReadOverEveryPage() throws InterruptedException {
    String list = "/apis/autoscaling/v2/horizontalpodautoscalers?labelSelector="
        + "app.kubernetes.io%2Fmanaged-by%3Dopskit&limit=500";
    server.expect().get().withPath(list).andReturn(200, new HorizontalPodAutoscalerListBuilder()
        .withMetadata(new io.fabric8.kubernetes.api.model.ListMetaBuilder().withContinue("page-2").build()).addToItems(marked("default", "a")).build()).once();
    server.expect().get().withPath("/apis/autoscaling/v2/horizontalpodautoscalers?continue=page-2&labelSelector="
        + "app.kubernetes.io%2Fmanaged-by%3Dopskit&limit=500").andReturn(200, new HorizontalPodAutoscalerListBuilder()
        .withMetadata(new io.fabric8.kubernetes.api.model.ListMeta()).addToItems(marked("production", "b")).build()).once();

    Plan plan = Autoscalers.using(ctx, client).plan(java.util.List.of());

    assertThat(plan.changes()).extracting(c -> c.kind() + " " + c.resource())
        .containsExactly("DELETE default/a", "DELETE production/b");
  }

  private static io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler marked(String ns, String n) {
    return dev.opskit.kubernetes.scaling.internal.HpaModel.object(new HpaDefinition(ns, n,
        ScaleTarget.deployment("api"), 1, 2, java.util.List.of()), ManagedBy.OPSKIT.labels());
  }

  @Test
  void aForbiddenListingIsAccessDenied() {
    server.expect().get().withPath("/apis/autoscaling/v2/horizontalpodautoscalers?labelSelector="
        + "app.kubernetes.io%2Fmanaged-by%3Dopskit&limit=500")
        .andReturn(403, status(403, "Forbidden", "cannot list")).once();

    assertThatThrownBy(() -> Autoscalers.using(ctx, client).plan(java.util.List.of()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("kubernetes:ListHorizontalPodAutoscalers: forbidden (HTTP 403): cannot list.");
  }
}
