package dev.opskit.kubernetes.rollout;

import static dev.opskit.kubernetes.rollout.Fixtures.NAME;
import static dev.opskit.kubernetes.rollout.Fixtures.NS;
import static dev.opskit.kubernetes.rollout.Fixtures.REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code kubectl rollout undo} and {@code kubectl rollout history} on a CRUD mock server. */
class UndoTest extends RolloutTestCase {
  UndoTest() {
    super(MockCluster.crud());
  }


  /** Revision 3 (api:v1.2.3) rolled out, after revisions 1 (api:v1.2.1) and 2 (api:v1.2.2). */
  private Deployment threeRevisions() throws InterruptedException {
    Deployment d = new DeploymentBuilder(Fixtures.deployment("api:v1.2.3"))
        .editMetadata().addToAnnotations("kubernetes.io/change-cause", "release 1.2.3")
        .addToAnnotations("team", "payments").endMetadata().build();
    d = store(d);
    store(Fixtures.replicaSet(d, 1, "api:v1.2.1", ""));
    store(Fixtures.replicaSet(d, 2, "api:v1.2.2", "release 1.2.2"));
    store(Fixtures.replicaSet(d, 3, "api:v1.2.3", "release 1.2.3"));
    // Someone else's ReplicaSet with the same labels and a higher revision: not the deployment's history.
    store(new ReplicaSetBuilder(Fixtures.replicaSet(d, 9, "evil:latest", ""))
        .editMetadata().withName("imposter").editFirstOwnerReference().withUid("another-uid").endOwnerReference()
        .endMetadata().build());
    cluster.requests();
    return d;
  }

  private Deployment store(Deployment d) {
    return client.apps().deployments().inNamespace(NS).resource(d).create();
  }

  private void store(ReplicaSet rs) {
    client.apps().replicaSets().inNamespace(NS).resource(rs).create();
  }

  private Deployment stored() {
    return client.apps().deployments().inNamespace(NS).withName(NAME).get();
  }

  private static String apiImage(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private long patches() throws InterruptedException {
    return cluster.requests().stream().filter(r -> r.startsWith("PATCH")).count();
  }

  @Test
  void undoRestoresThePreviousRevisionsTemplateAsKubectlDoes() throws InterruptedException {
    threeRevisions();

    ChangeResult<Rollback> result = Rollouts.using(ctx, client).undo(REF);

    assertThat(result.orElseThrow()).isEqualTo(new Rollback(REF, 2,
        Map.of("api", "api:v1.2.2", "sidecar", "envoyproxy/envoy:v1.30.1", "migrate", "api-migrations:v1"), true));
    Deployment after = stored();
    assertThat(after.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName, Container::getImage)
        .containsExactly(tuple("api", "api:v1.2.2"), tuple("sidecar", "envoyproxy/envoy:v1.30.1"));
    assertThat(after.getSpec().getTemplate().getMetadata().getLabels()).containsExactly(Map.entry("app", "api"));
    // kubectl: the ReplicaSet's annotations, but the deployment keeps its own revision bookkeeping.
    assertThat(after.getMetadata().getAnnotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "deployment.kubernetes.io/revision", "3", "kubernetes.io/change-cause", "release 1.2.2"));
    assertThat(after.getSpec().getReplicas()).isEqualTo(3);
    assertThat(audit.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo("kubernetes:RollbackDeployment");
      assertThat(e.target()).isEqualTo("production/deployment/api-deployment");
      assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(e.parameters()).containsEntry("toRevision", 2L).containsEntry("replicaSet", "api-deployment-h2");
    });
  }

  @Test
  void undoToAnAskedRevision() {
    threeRevisionsUnchecked();

    Rollback done = Rollouts.using(ctx, client).undo(REF, 1).orElseThrow();

    assertThat(done.revision()).isEqualTo(1);
    assertThat(apiImage(stored())).isEqualTo("api:v1.2.1");
    assertThat(stored().getMetadata().getAnnotations()).doesNotContainKey("kubernetes.io/change-cause");
  }

  @Test
  void askedRevisionNotInHistoryListsTheRevisions() throws InterruptedException {
    threeRevisions();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).undo(REF, 9))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid toRevision: '9'. Allowed: a revision in the deployment's history: 1, 2, 3");
    assertThat(patches()).isZero();
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void noPreviousRevisionIsAClearError() throws InterruptedException {
    Deployment d = store(Fixtures.deployment("api:v1.2.3"));
    store(Fixtures.replicaSet(d, 1, "api:v1.2.3", ""));
    cluster.requests();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).undo(REF))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:RollbackDeployment on production/deployment/api-deployment: no previous revision to"
            + " roll back to: the deployment's history has only revision 1");
    assertThat(patches()).isZero();
  }

  @Test
  void noHistoryAtAllIsAClearError() {
    store(Fixtures.deployment("api:v1.2.3"));

    assertThatThrownBy(() -> Rollouts.using(ctx, client).undo(REF))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:RollbackDeployment on production/deployment/api-deployment: no rollout history found:"
            + " the deployment has no revision (no ReplicaSet it controls), so there is no previous revision to roll"
            + " back to");
  }

  @Test
  void dryRunPlansAndWritesNothing() throws InterruptedException {
    threeRevisions();

    try (OpsContext dry = Fixtures.context(time, audit, true, progress)) {
      ChangeResult<Rollback> result = Rollouts.using(dry, client).undo(REF);

      assertThat(result).isInstanceOf(ChangeResult.Planned.class);
      assertThat(result.call().parameters()).containsEntry("toRevision", 2L)
          .containsEntry("images", Map.of("api", "api:v1.2.2", "sidecar", "envoyproxy/envoy:v1.30.1",
              "migrate", "api-migrations:v1"));
    }
    assertThat(patches()).isZero();
    assertThat(apiImage(stored())).isEqualTo("api:v1.2.3");
    assertThat(audit.events()).extracting(AuditEvent::operation, AuditEvent::outcome)
        .containsExactly(tuple("kubernetes:RollbackDeployment", Outcome.PLANNED));
  }

  @Test
  void templateAlreadyMatchingIsSkippedAsKubectlSkipsIt() throws InterruptedException {
    threeRevisions();

    ChangeResult<Rollback> result = Rollouts.using(ctx, client).undo(REF, 3);

    assertThat(result.orElseThrow().changed()).isFalse();
    assertThat(((ChangeResult.Applied<Rollback>) result).note())
        .isEqualTo("skipped rollback (current template already matches revision 3)");
    assertThat(patches()).isZero();
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void pausedDeploymentIsRefused() throws InterruptedException {
    Deployment d = store(new DeploymentBuilder(Fixtures.deployment("api:v1.2.3")).editSpec().withPaused(true).endSpec()
        .build());
    store(Fixtures.replicaSet(d, 1, "api:v1.2.1", ""));
    store(Fixtures.replicaSet(d, 2, "api:v1.2.3", ""));
    cluster.requests();

    assertThatThrownBy(() -> Rollouts.using(ctx, client).undo(REF))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:RollbackDeployment on production/deployment/api-deployment: the deployment is paused:"
            + " a paused deployment cannot be rolled back; resume it first (kubectl rollout resume) and try again");
    assertThat(patches()).isZero();
  }

  @Test
  void afterUndoTheHistoryMarksTheRestoredRevisionCurrent() {
    threeRevisionsUnchecked();
    Rollouts rollouts = Rollouts.using(ctx, client);

    rollouts.undo(REF);

    assertThat(rollouts.history(REF).revisions()).extracting(Revision::number, Revision::current)
        .containsExactly(tuple(1L, false), tuple(2L, true), tuple(3L, false));
  }

  private void threeRevisionsUnchecked() {
    try {
      threeRevisions();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class History {
    @Test
    void listsTheDeploymentsRevisionsWithImagesAndChangeCauses() {
      threeRevisionsUnchecked();

      RolloutHistory history = Rollouts.using(ctx, client).history(REF);

      assertThat(history.deployment()).isEqualTo(REF);
      assertThat(history.revisions()).extracting(Revision::number, Revision::replicaSet, Revision::changeCause,
          Revision::current).containsExactly(
          tuple(1L, "api-deployment-h1", null, false),
          tuple(2L, "api-deployment-h2", "release 1.2.2", false),
          tuple(3L, "api-deployment-h3", "release 1.2.3", true));
      assertThat(history.revision(2).orElseThrow().images()).containsExactly(
          Map.entry("api", "api:v1.2.2"), Map.entry("sidecar", "envoyproxy/envoy:v1.30.1"),
          Map.entry("migrate", "api-migrations:v1"));
      assertThat(history.latest().orElseThrow().number()).isEqualTo(3);
    }

    @Test
    void aReplicaSetWithoutARevisionNumberIsNoRevision() {
      Deployment d = store(Fixtures.deployment("api:v1.2.3"));
      store(Fixtures.replicaSet(d, 1, "api:v1.2.1", ""));
      store(new ReplicaSetBuilder(Fixtures.replicaSet(d, 2, "api:v1.2.3", "")).editMetadata().withName("odd")
          .addToAnnotations("deployment.kubernetes.io/revision", "two").endMetadata().build());

      assertThat(Rollouts.using(ctx, client).history(REF).revisions()).extracting(Revision::number)
          .containsExactly(1L);
    }
  }
}
