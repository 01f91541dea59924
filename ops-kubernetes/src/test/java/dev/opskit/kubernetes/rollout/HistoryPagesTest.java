package dev.opskit.kubernetes.rollout;

import static dev.opskit.kubernetes.rollout.Fixtures.PATH;
import static dev.opskit.kubernetes.rollout.Fixtures.REF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.OpsContext;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetListBuilder;
import org.junit.jupiter.api.Test;

/** The history and undo read every page of the ReplicaSet listing, with the deployment's selector. */
class HistoryPagesTest extends RolloutTestCase {
  private static final String RS = "/apis/apps/v1/namespaces/production/replicasets?";
  private static final String LIST = RS + "labelSelector=app%3Dapi&limit=500";

  HistoryPagesTest() {
    super(MockCluster.expectations());
  }


  @Test
  void everyPageIsRead() throws InterruptedException {
    Deployment d = Fixtures.deployment("api:v1.2.3");
    server.expect().get().withPath(PATH).andReturn(200, d).always();
    server.expect().get().withPath(LIST).andReturn(200, new ReplicaSetListBuilder()
        .withMetadata(new ListMetaBuilder().withContinue("page-2").build())
        .withItems(Fixtures.replicaSet(d, 1, "api:v1.2.1", "")).build()).always();
    server.expect().get().withPath(RS + "continue=page-2&labelSelector=app%3Dapi&limit=500").andReturn(200, new ReplicaSetListBuilder()
        .withMetadata(new ListMetaBuilder().withContinue("page-3").build()).build()).always();
    server.expect().get().withPath(RS + "continue=page-3&labelSelector=app%3Dapi&limit=500").andReturn(200, new ReplicaSetListBuilder()
        .withMetadata(new ListMetaBuilder().build())
        .withItems(Fixtures.replicaSet(d, 2, "api:v1.2.2", ""), Fixtures.replicaSet(d, 3, "api:v1.2.3", "")).build())
        .always();

    RolloutHistory history = Rollouts.using(ctx, client).history(REF);

    assertThat(history.revisions()).extracting(Revision::number).containsExactly(1L, 2L, 3L);
    assertThat(cluster.requests()).containsExactly("GET " + PATH, "GET " + LIST,
        "GET " + RS + "continue=page-2&labelSelector=app%3Dapi&limit=500", "GET " + RS + "continue=page-3&labelSelector=app%3Dapi&limit=500");
    // undo finds the previous revision on the last page.
    try (OpsContext dry = Fixtures.context(time, audit, true, progress)) {
      assertThat(Rollouts.using(dry, client).undo(REF).call().parameters()).containsEntry("toRevision", 2L);
    }
  }
}
