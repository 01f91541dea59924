package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.NOW;
import static dev.opskit.kubernetes.health.K8s.running;
import static dev.opskit.kubernetes.health.K8s.terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.ServiceException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pods read page by page with the list API's {@code limit} and {@code continue}, lazily. */
class PagingTest {
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final ClusterHealth health = ClusterHealth.using(K8s.context(NOW), client);

  private static Pod pod(String name, ContainerStatus... statuses) {
    Pod pod = PodsTest.pod("production", name, "api", "ip-10-0-1-23.ec2.internal", "Running", null,
        java.util.Arrays.stream(statuses).map(ContainerStatus::getName).toList(), List.of(), List.of(statuses));
    pod.getMetadata().setCreationTimestamp("2024-03-15T11:00:00Z");
    return pod;
  }

  private static Pod ok(String name) {
    return pod(name, running("api", true, 0));
  }

  private void page(String path, @Nullable String next, Pod... pods) {
    server.expect().get().withPath(path)
        .andReturn(200, new PodListBuilder().withNewMetadata().withContinue(next).endMetadata().withItems(pods).build())
        .once();
  }

  private void threePages() {
    page("/api/v1/pods?limit=2", "c1", ok("p1"), ok("p2"));
    page("/api/v1/pods?continue=c1&limit=2", "c2", ok("p3"), ok("p4"));
    page("/api/v1/pods?continue=c2&limit=2", null, ok("p5"));
  }

  @Test
  void threePagesAreReadWholeWithTheLimitSent() throws InterruptedException {
    threePages();

    try (Stream<PodStatus> pods = health.pods(PodQuery.allNamespaces().withPageSize(2))) {
      assertThat(pods.map(PodStatus::name)).containsExactly("p1", "p2", "p3", "p4", "p5");
    }
    assertThat(cluster.paths()).containsExactly(
        "/api/v1/pods?limit=2", "/api/v1/pods?continue=c1&limit=2", "/api/v1/pods?continue=c2&limit=2");
  }

  @Test
  void theNextPageIsRequestedOnlyWhenTheStreamReachesIt() {
    threePages();

    try (Stream<PodStatus> pods = health.pods(PodQuery.allNamespaces().withPageSize(2))) {
      assertThat(server.getRequestCount()).isZero();
      Iterator<PodStatus> it = pods.iterator();
      assertThat(it.next().name()).isEqualTo("p1");
      assertThat(it.next().name()).isEqualTo("p2");
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(it.next().name()).isEqualTo("p3");
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void theDefaultPageSizeIsKubectls500AndTheSelectorIsSentOnEveryPage() throws InterruptedException {
    page("/api/v1/namespaces/production/pods?labelSelector=app%3Dapi&limit=500", "c1", ok("p1"));
    page("/api/v1/namespaces/production/pods?continue=c1&labelSelector=app%3Dapi&limit=500", null, ok("p2"));

    try (Stream<PodStatus> pods = health.pods(PodQuery.inNamespace("production").withLabelSelector("app=api"))) {
      assertThat(pods.map(PodStatus::name)).containsExactly("p1", "p2");
    }
    assertThat(cluster.paths()).hasSize(2);
  }

  @Test
  void aFailureOnALaterPageIsMappedWhenTheStreamReachesIt() {
    page("/api/v1/pods?limit=2", "c1", ok("p1"), ok("p2"));
    server.expect().get().withPath("/api/v1/pods?continue=c1&limit=2").andReturn(410, new StatusBuilder()
        .withStatus("Failure").withCode(410).withReason("Expired")
        .withMessage("The provided continue parameter is too old to display a consistent list result.").build())
        .once();

    try (Stream<PodStatus> pods = health.pods(PodQuery.allNamespaces().withPageSize(2))) {
      Iterator<PodStatus> it = pods.iterator();
      it.next();
      it.next();
      assertThatThrownBy(it::next)
          .isInstanceOf(ServiceException.class)
          .hasMessage("kubernetes:ListPods on all namespaces: the listing's continue token expired (HTTP 410): The"
              + " provided continue parameter is too old to display a consistent list result. The listing took"
              + " longer than the API server keeps its snapshot: list again.");
    }
  }

  @Test
  void aForbiddenListIsAccessDeniedNamingOperationAndNamespace() {
    server.expect().get().withPath("/api/v1/namespaces/kube-system/pods?limit=500").andReturn(403, new StatusBuilder()
        .withStatus("Failure").withCode(403).withReason("Forbidden").withMessage("pods is forbidden: User"
            + " \"arn:aws:sts::123456789012:assumed-role/dev/alice\" cannot list resource \"pods\" in API group \"\""
            + " in the namespace \"kube-system\"").build()).once();

    assertThatThrownBy(() -> health.pods(PodQuery.inNamespace("kube-system")).toList())
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("kubernetes:ListPods on namespace/kube-system: forbidden (HTTP 403): pods is forbidden:")
        .hasMessageEndingWith(". Grant the identity this permission in the cluster's RBAC (its EKS access entry or"
            + " aws-auth mapping).")
        .extracting(e -> ((AccessDeniedException) e).awsErrorCode()).isEqualTo("Forbidden");
  }

  @Test
  void kubectlStatusesOfDeletedAndExitedPods() {
    Pod deleting = ok("p-deleting");
    deleting.getMetadata().setDeletionTimestamp("2024-03-15T11:59:00Z");
    Pod exited = pod("p-exited", terminated("api", null, 2, 1));
    Pod completedNextToRunning = pod("p-sidecar", terminated("init-like", "Completed", 0, 0), running("api", true, 0));
    completedNextToRunning.getStatus().getConditions().add(new io.fabric8.kubernetes.api.model.PodConditionBuilder()
        .withType("Ready").withStatus("False").build());
    page("/api/v1/pods?limit=500", null, deleting, exited, completedNextToRunning);

    try (Stream<PodStatus> pods = health.pods(PodQuery.allNamespaces())) {
      assertThat(pods).extracting(PodStatus::status, PodStatus::ready, PodStatus::restarts).containsExactly(
          org.assertj.core.groups.Tuple.tuple("Terminating", "1/1", 0),
          org.assertj.core.groups.Tuple.tuple("ExitCode:2", "0/1", 1),
          org.assertj.core.groups.Tuple.tuple("NotReady", "1/2", 0));
    }
  }
}
