package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.NOW;
import static dev.opskit.kubernetes.health.K8s.condition;
import static dev.opskit.kubernetes.health.K8s.node;
import static dev.opskit.kubernetes.health.K8s.running;
import static dev.opskit.kubernetes.health.K8s.terminated;
import static dev.opskit.kubernetes.health.K8s.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventListBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ClusterHealth#report()}: nodes ready/total, unhealthy nodes and pods, recent warnings. */
class ReportTest {
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final ClusterHealth health = ClusterHealth.using(K8s.context(NOW), client);

  private static final Node READY = node("ip-10-0-1-23.ec2.internal", "2024-03-03T08:00:00Z", Map.of(), "3920m",
      "16264720Ki", false, condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"));
  private static final Node NOT_READY = node("ip-10-0-2-7.ec2.internal", "2024-03-03T08:00:00Z", Map.of(), "2",
      "15Gi", false, condition("Ready", "False", "KubeletNotReady", "container runtime network not ready"));
  private static final Pod API = PodsTest.pod("production", "api-1", "api", "ip-10-0-1-23.ec2.internal", "Running",
      null, List.of("api"), List.of(), List.of(running("api", true, 0)));
  private static final Pod CRASHING = PodsTest.pod("production", "worker-1", "worker", "ip-10-0-1-23.ec2.internal",
      "Running", null, List.of("worker"), List.of(), List.of(waiting("worker", "CrashLoopBackOff", 12)));
  private static final Pod DONE = PodsTest.pod("batch", "nightly-1", "nightly", "ip-10-0-1-23.ec2.internal",
      "Succeeded", null, List.of("job"), List.of(), List.of(terminated("job", "Completed", 0, 0)));

  private void serve(List<Node> nodes, List<Pod> pods, List<Event> warnings) {
    server.expect().get().withPath("/api/v1/nodes?limit=500")
        .andReturn(200, new NodeListBuilder().withNewMetadata().endMetadata().withItems(nodes).build()).once();
    server.expect().get().withPath("/api/v1/pods?limit=500")
        .andReturn(200, new PodListBuilder().withNewMetadata().endMetadata().withItems(pods).build()).once();
    server.expect().get().withPath("/api/v1/events?fieldSelector=type%3DWarning&limit=500")
        .andReturn(200, new EventListBuilder().withNewMetadata().endMetadata().withItems(warnings).build()).once();
  }

  private static Event warning(String name, String created, String last, String reason, String message) {
    return new EventBuilder(EventsTest.event(name, created, "Warning", reason, "Pod", "worker-1", message))
        .withLastTimestamp(last).build();
  }

  @Test
  void anUnhealthyCluster() {
    serve(List.of(READY, NOT_READY), List.of(API, CRASHING, DONE), List.of(
        warning("old", "2024-03-15T09:00:00Z", "2024-03-15T10:30:00Z", "FailedScheduling", "0/2 nodes available"),
        warning("again", "2024-03-15T08:00:00Z", "2024-03-15T11:58:00Z", "BackOff", "Back-off restarting failed"
            + " container worker in pod worker-1_production"),
        warning("new", "2024-03-15T11:30:00Z", "2024-03-15T11:30:00Z", "Unhealthy", "Liveness probe failed")));

    HealthReport report = health.report();

    assertThat(report.at()).isEqualTo(NOW);
    assertThat(report.nodesReady()).isEqualTo(1);
    assertThat(report.nodesTotal()).isEqualTo(2);
    assertThat(report.unhealthyNodes()).extracting(NodeStatus::name).containsExactly("ip-10-0-2-7.ec2.internal");
    assertThat(report.notReadyNodes()).extracting(NodeStatus::name).containsExactly("ip-10-0-2-7.ec2.internal");
    assertThat(report.unhealthyPods()).extracting(PodStatus::name).containsExactly("worker-1");
    assertThat(report.recentWarnings()).extracting(ClusterEvent::reason).containsExactly("BackOff", "Unhealthy");
    assertThat(report.healthy()).isFalse();
    assertThat(report.toText()).isEqualTo("""
        NOT HEALTHY: 1/2 nodes ready, 1 unhealthy pods, 2 recent warnings
        node ip-10-0-2-7.ec2.internal NotReady; Ready=False (KubeletNotReady): container runtime network not ready
        pod production/worker-1 CrashLoopBackOff 0/1 restarts=12
        warning BackOff pod/worker-1: Back-off restarting failed container worker in pod worker-1_production
        warning Unhealthy pod/worker-1: Liveness probe failed
        """);
  }

  @Test
  void aHealthyClusterWithOnlyOldWarnings() {
    serve(List.of(READY), List.of(API, DONE), List.of(
        warning("old", "2024-03-15T09:00:00Z", "2024-03-15T10:59:59Z", "FailedScheduling", "0/1 nodes available")));

    HealthReport report = health.report();

    assertThat(report.healthy()).isTrue();
    assertThat(report.recentWarnings()).isEmpty();
    assertThat(report.toText()).isEqualTo("HEALTHY: 1/1 nodes ready, 0 unhealthy pods, 0 recent warnings\n");
  }

  @Test
  void aClusterWithoutNodesIsNotHealthy() {
    serve(List.of(), List.of(), List.of());

    assertThat(health.report().healthy()).isFalse();
  }
}
