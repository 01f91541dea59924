package dev.opskit.kubernetes.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsContext;
import dev.opskit.kubernetes.ManualTime;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A backup reads every page of each list; an API failure is mapped by the module's one mapping. */
class PagingTest {
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final OpsContext ctx = cluster.closing(MockCluster.context(new ManualTime()).build());
  private static final String PATH = "/api/v1/namespaces/production/configmaps";

  private void page(String query, String next, String... names) {
    ConfigMapListBuilder list = new ConfigMapListBuilder().withNewMetadata().withContinue(next).endMetadata();
    for (String n : names) {
      list.addToItems(new ConfigMapBuilder().withNewMetadata().withNamespace("production").withName(n)
          .withResourceVersion("7").withUid("u-" + n).endMetadata().addToData("k", n).build());
    }
    cluster.server().expect().get().withPath(PATH + query).andReturn(200, list.build()).once();
  }

  @Test
  void everyPageIsRead() throws Exception {
    page("?limit=500", "c1", "b", "a");
    page("?continue=c1&limit=500", null, "c");

    ManifestSet set = Manifests.using(ctx, cluster.client()).backup("production", Set.of("ConfigMap"));

    assertThat(set.manifests()).extracting(Manifest::name).containsExactly("a", "b", "c");
    assertThat(set.manifests().get(0).content()).doesNotContainKey("status")
        .extractingByKey("metadata").isEqualTo(java.util.Map.of("name", "a", "namespace", "production"));
    assertThat(cluster.paths()).containsExactly(PATH + "?limit=500", PATH + "?continue=c1&limit=500");
  }

  @Test
  void aForbiddenListIsAccessDenied() {
    cluster.server().expect().get().withPath(PATH + "?limit=500").andReturn(403, new StatusBuilder()
        .withCode(403).withReason("Forbidden").withMessage("configmaps is forbidden: User \"backup\" cannot list"
            + " resource \"configmaps\"").build()).once();

    assertThatThrownBy(() -> Manifests.using(ctx, cluster.client()).backup("production", Set.of("ConfigMap")))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("kubernetes:List on production/configmaps: forbidden (HTTP 403): configmaps is"
            + " forbidden");
  }

  @Test
  void unknownKindsAreRefusedBeforeAnyCall() throws Exception {
    assertThatThrownBy(() -> Manifests.using(ctx, cluster.client()).backup("production", Set.of("Pod")))
        .isInstanceOf(dev.opskit.core.ValidationException.class)
        .hasMessage("Invalid kinds: 'Pod'. Allowed: a kind from [ConfigMap, DaemonSet, Deployment,"
            + " HorizontalPodAutoscaler, Ingress, Secret, Service, StatefulSet]");
    assertThat(cluster.paths()).isEmpty();
  }
}
