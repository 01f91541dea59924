package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.NOW;
import static dev.opskit.kubernetes.health.K8s.condition;
import static dev.opskit.kubernetes.health.K8s.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ServiceException;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsListBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kubectl top nodes} and {@code kubectl top pods} over the metrics API, with and without metrics-server. */
class TopTest {
  private static final String NO_METRICS_SERVER = "the metrics API (metrics.k8s.io/v1beta1) is not served (HTTP"
      + " 404): metrics-server is not installed in this cluster. Install it (the EKS add-on metrics-server, or"
      + " kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml)"
      + " and retry.";
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final ClusterHealth health = ClusterHealth.using(K8s.context(NOW), client);

  private void notServed(String path) {
    server.expect().get().withPath(path).andReturn(404, new StatusBuilder().withStatus("Failure").withCode(404)
        .withReason("NotFound").withMessage("the server could not find the requested resource").build()).once();
  }

  @Test
  void withoutMetricsServerTopNodesSaysSo() {
    notServed("/apis/metrics.k8s.io/v1beta1/nodes");

    assertThatThrownBy(health::topNodes)
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("kubernetes:TopNodes: " + NO_METRICS_SERVER);
  }

  @Test
  void withoutMetricsServerTopPodsSaysSo() {
    notServed("/apis/metrics.k8s.io/v1beta1/pods");
    notServed("/apis/metrics.k8s.io/v1beta1/namespaces/production/pods");

    assertThatThrownBy(health::topPods)
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("kubernetes:TopPods on all namespaces: " + NO_METRICS_SERVER);
    assertThatThrownBy(() -> health.topPods("production"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("kubernetes:TopPods on namespace/production: " + NO_METRICS_SERVER);
  }

  @Test
  void metricsServerRegisteredButDownIsAServiceError() {
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/nodes").andReturn(503, new StatusBuilder()
        .withStatus("Failure").withCode(503).withReason("ServiceUnavailable")
        .withMessage("the server is currently unable to handle the request").build()).once();

    assertThatThrownBy(health::topNodes)
        .isInstanceOf(ServiceException.class)
        .hasMessage("kubernetes:TopNodes: the metrics API (metrics.k8s.io/v1beta1) is registered but not answering"
            + " (HTTP 503): metrics-server is installed but not available. Check its pod in kube-system"
            + " (kubectl -n kube-system get pods -l k8s-app=metrics-server) and retry.");
  }

  @Test
  void nodeUsageWithThePercentagesOfAllocatable() {
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/nodes").andReturn(200, new NodeMetricsListBuilder()
        .addToItems(new NodeMetricsBuilder().withNewMetadata().withName("ip-10-0-1-23.ec2.internal").endMetadata()
            .withTimestamp("2024-03-15T11:59:30Z").withWindow(new io.fabric8.kubernetes.api.model.Duration())
            .withUsage(Map.of("cpu", new Quantity("1963457289n"), "memory", new Quantity("8132360Ki"))).build())
        .addToItems(new NodeMetricsBuilder().withNewMetadata().withName("ip-10-0-2-7.ec2.internal").endMetadata()
            .withUsage(Map.of("cpu", new Quantity("1999m"), "memory", new Quantity("15Gi"))).build())
        .addToItems(new NodeMetricsBuilder().withNewMetadata().withName("ip-10-0-9-9.ec2.internal").endMetadata()
            .withUsage(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("1Gi"))).build())
        .build()).once();
    server.expect().get().withPath("/api/v1/nodes?limit=500").andReturn(200, new NodeListBuilder()
        .withNewMetadata().endMetadata()
        .addToItems(node("ip-10-0-1-23.ec2.internal", "2024-03-03T08:00:00Z", Map.of(), "3920m", "16264720Ki", false,
            condition("Ready", "True", "KubeletReady", "ready")))
        .addToItems(node("ip-10-0-2-7.ec2.internal", "2024-03-03T08:00:00Z", Map.of(), "2", "15Gi", false,
            condition("Ready", "True", "KubeletReady", "ready")))
        .build()).once();

    assertThat(health.topNodes()).containsExactly(
        new NodeUsage("ip-10-0-1-23.ec2.internal", 1964, 8132360L * 1024, 50, 50),
        new NodeUsage("ip-10-0-2-7.ec2.internal", 1999, 15L << 30, 99, 100),
        new NodeUsage("ip-10-0-9-9.ec2.internal", 100, 1L << 30, null, null));
  }

  @Test
  void podUsageSumsTheContainers() {
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/namespaces/production/pods").andReturn(200,
        new PodMetricsListBuilder()
            .addToItems(new PodMetricsBuilder()
                .withNewMetadata().withNamespace("production").withName("api-7d4b9c-xk2lp").endMetadata()
                .addToContainers(new ContainerMetricsBuilder().withName("api")
                    .withUsage(Map.of("cpu", new Quantity("12345678n"), "memory", new Quantity("104857600"))).build())
                .addToContainers(new ContainerMetricsBuilder().withName("envoy")
                    .withUsage(Map.of("cpu", new Quantity("2m"), "memory", new Quantity("20Mi"))).build())
                .build())
            .build()).once();

    assertThat(health.topPods("production"))
        .containsExactly(new PodUsage("production", "api-7d4b9c-xk2lp", 15, 120L << 20));
  }

  @Test
  void podUsageOfEveryNamespace() throws InterruptedException {
    server.expect().get().withPath("/apis/metrics.k8s.io/v1beta1/pods").andReturn(200, new PodMetricsListBuilder()
        .addToItems(new PodMetricsBuilder().withNewMetadata().withNamespace("kube-system").withName("coredns-abc")
            .endMetadata().addToContainers(new ContainerMetricsBuilder().withName("coredns")
                .withUsage(Map.of("cpu", new Quantity("3m"), "memory", new Quantity("14848Ki"))).build()).build())
        .addToItems(new PodMetricsBuilder().withNewMetadata().withNamespace("production").withName("api-1")
            .endMetadata().addToContainers(new ContainerMetricsBuilder().withName("api")
                .withUsage(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi"))).build()).build())
        .build()).once();

    assertThat(health.topPods()).containsExactly(
        new PodUsage("kube-system", "coredns-abc", 3, 14848L * 1024),
        new PodUsage("production", "api-1", 250, 256L << 20));
    assertThat(cluster.paths()).containsExactly("/apis/metrics.k8s.io/v1beta1/pods");
  }
}
