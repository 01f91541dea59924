package dev.opskit.kubernetes.rollout;

import static dev.opskit.kubernetes.rollout.Fixtures.NAME;
import static dev.opskit.kubernetes.rollout.Fixtures.NS;
import static dev.opskit.kubernetes.rollout.Fixtures.REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code kubectl set image} on a CRUD mock server. */
class SetImageTest extends RolloutTestCase {
  SetImageTest() {
    super(MockCluster.crud());
  }


  @BeforeEach
  void start() throws InterruptedException {
    client.apps().deployments().inNamespace(NS).resource(Fixtures.deployment("api:v1.2.2")).create();
    cluster.requests();
  }

  private Deployment stored() {
    return client.apps().deployments().inNamespace(NS).withName(NAME).get();
  }

  @Test
  void setsExactlyThatContainersImageWithOnePatch() throws InterruptedException {
    ChangeResult<ImageUpdate> result = Rollouts.using(ctx, client).setImage(REF, "api", "api:v1.2.3");

    assertThat(result.orElseThrow()).isEqualTo(new ImageUpdate(REF, "api", "api:v1.2.2", "api:v1.2.3", true));
    assertThat(cluster.requests()).containsExactly(
        "GET " + Fixtures.PATH, "PATCH " + Fixtures.PATH);
    Deployment after = stored();
    assertThat(after.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName, Container::getImage)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("api", "api:v1.2.3"),
            org.assertj.core.groups.Tuple.tuple("sidecar", "envoyproxy/envoy:v1.30.1"));
    assertThat(after.getSpec().getTemplate().getSpec().getInitContainers()).extracting(Container::getImage)
        .containsExactly("api-migrations:v1");
    assertThat(after.getSpec().getReplicas()).isEqualTo(3);
    assertThat(audit.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("kubernetes:SetImage");
      assertThat(e.target()).isEqualTo("production/deployment/api-deployment");
      assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(e.parameters()).containsEntry("container", "api").containsEntry("image", "api:v1.2.3")
          .containsEntry("previousImage", "api:v1.2.2");
    });
  }

  @Test
  void setsAnInitContainersImage() {
    Rollouts.using(ctx, client).setImage(REF, "migrate", "123456789012.dkr.ecr.us-east-1.amazonaws.com/api-migrations:v2");

    Deployment after = stored();
    assertThat(after.getSpec().getTemplate().getSpec().getInitContainers()).extracting(Container::getImage)
        .containsExactly("123456789012.dkr.ecr.us-east-1.amazonaws.com/api-migrations:v2");
    assertThat(after.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getImage)
        .containsExactly("api:v1.2.2", "envoyproxy/envoy:v1.30.1");
  }

  @Test
  void unknownContainerIsRejectedListingTheContainers() throws InterruptedException {
    assertThatThrownBy(() -> Rollouts.using(ctx, client).setImage(REF, "web", "api:v1.2.3"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid container: 'web'. Allowed: a container of deployment production/api-deployment:"
            + " api, sidecar, migrate");
    assertThat(cluster.requests()).containsExactly("GET " + Fixtures.PATH);
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void missingDeploymentIsNotFound() {
    assertThatThrownBy(() -> Rollouts.using(ctx, client).setImage(DeploymentRef.of(NS, "web"), "api", "api:v1.2.3"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("kubernetes:GetDeployment on production/deployment/web: deployment web not found in namespace"
            + " production. Check the namespace, the name and the cluster.");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void dryRunPlansAndWritesNothing() throws InterruptedException {
    try (OpsContext dry = Fixtures.context(time, audit, true, progress)) {
      ChangeResult<ImageUpdate> result = Rollouts.using(dry, client).setImage(REF, "api", "api:v1.2.3");

      assertThat(result).isInstanceOf(ChangeResult.Planned.class);
      assertThat(result.call().operation()).isEqualTo("kubernetes:SetImage");
      assertThat(result.call().parameters()).containsEntry("image", "api:v1.2.3");
    }
    assertThat(cluster.requests()).containsExactly("GET " + Fixtures.PATH);
    assertThat(stored().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("api:v1.2.2");
    assertThat(audit.events()).extracting(AuditEvent::outcome, AuditEvent::dryRun)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.PLANNED, true));
  }

  @Test
  void unchangedImageWritesNothingAndSaysSo() throws InterruptedException {
    ChangeResult<ImageUpdate> result = Rollouts.using(ctx, client).setImage(REF, "api", "api:v1.2.2");

    assertThat(result.orElseThrow().changed()).isFalse();
    assertThat(((ChangeResult.Applied<ImageUpdate>) result).note())
        .isEqualTo("nothing changed: container api already has image api:v1.2.2");
    assertThat(cluster.requests()).containsExactly("GET " + Fixtures.PATH);
    assertThat(audit.events()).isEmpty();
  }
}
