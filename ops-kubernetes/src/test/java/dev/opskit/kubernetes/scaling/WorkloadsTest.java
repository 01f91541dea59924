package dev.opskit.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.kubernetes.rollout.DeploymentRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl set resources} on a CRUD mock server. */
class WorkloadsTest extends ScalingTestCase {
  private static final DeploymentRef REF = DeploymentRef.of(NS, DEPLOYMENT);

  @BeforeEach
  void start() throws InterruptedException {
    client.apps().deployments().inNamespace(NS).resource(deployment()).create();
    cluster.requests();
  }

  private List<Container> containers() {
    Deployment d = client.apps().deployments().inNamespace(NS).withName(DEPLOYMENT).get();
    return d.getSpec().getTemplate().getSpec().getContainers();
  }

  @Test
  void setsExactlyThatContainersResourcesWithOnePatch() throws InterruptedException {
    ChangeResult<ResourcesUpdate> result = Workloads.using(ctx, client).setResources(REF, "api",
        ContainerResources.guide());

    assertThat(result.orElseThrow().changed()).isTrue();
    assertThat(result.orElseThrow().previous()).isEqualTo(new ContainerResources(
        ResourceQuantities.of("100m", "128Mi"), ResourceQuantities.NONE));
    assertThat(cluster.requests()).containsExactly("GET " + PATH, "PATCH " + PATH);
    List<Container> after = containers();
    assertThat(after.get(0).getResources().getRequests())
        .isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")));
    assertThat(after.get(0).getResources().getLimits()).isEqualTo(Map.of("cpu", new Quantity("500m"),
        "memory", new Quantity("512Mi"), "nvidia.com/gpu", new Quantity("1")));
    assertThat(after.get(1).getResources()).satisfiesAnyOf(r -> assertThat(r).isNull(),
        r -> assertThat(r.getRequests()).isNullOrEmpty());
    assertThat(Workloads.using(ctx, client).resources(REF)).containsExactly(
        Map.entry("api", ContainerResources.guide()),
        Map.entry("sidecar", new ContainerResources(ResourceQuantities.NONE, ResourceQuantities.NONE)),
        Map.entry("migrate", new ContainerResources(ResourceQuantities.NONE, ResourceQuantities.NONE)));
    assertThat(audit.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("kubernetes:SetResources");
      assertThat(e.target()).isEqualTo("production/deployment/api-deployment");
      assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(e.parameters()).containsEntry("container", "api")
          .containsEntry("requests", Map.of("cpu", "250m", "memory", "256Mi"));
    });
  }

  @Test
  void theSameAmountsInOtherUnitsWriteNothing() throws InterruptedException {
    Workloads.using(ctx, client).setResources(REF, "api", ContainerResources.guide());
    cluster.requests();
    audit.clear();

    ChangeResult<ResourcesUpdate> again = Workloads.using(ctx, client).setResources(REF, "api",
        new ContainerResources(ResourceQuantities.of("0.25", "256Mi"), ResourceQuantities.of("0.5", "512Mi")));

    assertThat(again).isInstanceOf(ChangeResult.Applied.class);
    assertThat(again.orElseThrow().changed()).isFalse();
    assertThat(cluster.requests()).containsExactly("GET " + PATH);
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void dryRunPlansAndWritesNothing() throws InterruptedException {
    try (OpsContext dry = context(true)) {
      ChangeResult<ResourcesUpdate> result = Workloads.using(dry, client).setResources(REF, "sidecar",
          ContainerResources.guide());

      assertThat(result).isInstanceOf(ChangeResult.Planned.class);
      assertThat(cluster.requests()).containsExactly("GET " + PATH);
      assertThat(containers().get(1).getResources()).satisfiesAnyOf(r -> assertThat(r).isNull(),
          r -> assertThat(r.getRequests()).isNullOrEmpty());
    }
  }

  @Test
  void setsAnInitContainersResources() {
    Workloads.using(ctx, client).setResources(REF, "migrate", ContainerResources.guide());

    assertThat(Workloads.using(ctx, client).resources(REF).get("migrate")).isEqualTo(ContainerResources.guide());
    assertThat(Workloads.using(ctx, client).resources(REF).get("sidecar"))
        .isEqualTo(new ContainerResources(ResourceQuantities.NONE, ResourceQuantities.NONE));
  }

  @Test
  void unknownContainerAndMissingDeploymentAreTyped() throws InterruptedException {
    assertThatThrownBy(() -> Workloads.using(ctx, client).setResources(REF, "web", ContainerResources.guide()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid container: 'web'. Allowed: a container of deployment production/api-deployment:"
            + " api, sidecar, migrate");
    assertThatThrownBy(() -> Workloads.using(ctx, client).setResources(REF, "Api", ContainerResources.guide()))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid container: 'Api'.");
    assertThatThrownBy(() -> Workloads.using(ctx, client).resources(DeploymentRef.of(NS, "web")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("kubernetes:GetDeployment on production/deployment/web: deployment web not found in namespace"
            + " production. Check the namespace, the name and the cluster.");
    assertThat(cluster.requests()).containsExactly("GET " + PATH,
        "GET /apis/apps/v1/namespaces/production/deployments/web");
    assertThat(audit.events()).isEmpty();
  }
}
