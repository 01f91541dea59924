package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.NOW;
import static dev.opskit.kubernetes.health.K8s.condition;
import static dev.opskit.kubernetes.health.K8s.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.MockCluster;
import dev.opskit.core.ServiceException;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kubectl get nodes}: every field of {@link NodeStatus} from realistic EKS nodes. */
class NodesTest {
  @RegisterExtension final MockCluster cluster = MockCluster.expectations();
  private final KubernetesMockServer server = cluster.server();
  private final KubernetesClient client = cluster.client();
  private final ClusterHealth health = ClusterHealth.using(K8s.context(NOW), client);

  private void serve(io.fabric8.kubernetes.api.model.Node... nodes) {
    server.expect().get().withPath("/api/v1/nodes?limit=500")
        .andReturn(200, new NodeListBuilder().withItems(nodes).withNewMetadata().endMetadata().build()).once();
  }

  @Test
  void aReadyWorkerNode() {
    serve(node("ip-10-0-1-23.ec2.internal", "2024-03-03T08:00:00Z",
        Map.of("node-role.kubernetes.io/worker", "", "eks.amazonaws.com/nodegroup", "general"),
        "3920m", "16264720Ki", false,
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")));

    assertThat(health.nodes()).containsExactly(new NodeStatus("ip-10-0-1-23.ec2.internal", true, List.of(), false,
        "v1.29.3-eks-ae9a62a", List.of("worker"), 3920, 16264720L * 1024, Duration.ofDays(12).plusHours(4)));
  }

  @Test
  void aNotReadyCordonedNodeUnderDiskPressure() {
    serve(node("ip-10-0-2-7.ec2.internal", "2024-03-15T11:30:00Z",
        Map.of("node-role.kubernetes.io/worker", "", "node-role.kubernetes.io/spot", "true"),
        "2", "15Gi", true,
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "ok"),
        condition("DiskPressure", "True", "KubeletHasDiskPressure", "kubelet has disk pressure"),
        condition("PIDPressure", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."),
        condition("NetworkUnavailable", "False", "RouteCreated", "routes created"),
        condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.")));

    NodeStatus node = health.nodes().get(0);

    assertThat(node.ready()).isFalse();
    assertThat(node.unschedulable()).isTrue();
    assertThat(node.status()).isEqualTo("NotReady,SchedulingDisabled");
    assertThat(node.roles()).containsExactly("spot", "worker");
    assertThat(node.allocatableCpuMillis()).isEqualTo(2000);
    assertThat(node.allocatableMemoryBytes()).isEqualTo(15L << 30);
    assertThat(node.age()).isEqualTo(Duration.ofMinutes(30));
    assertThat(node.problems()).containsExactly(
        new NodeCondition("DiskPressure", "True", "KubeletHasDiskPressure", "kubelet has disk pressure",
            java.time.Instant.parse("2024-03-15T11:00:00Z")),
        new NodeCondition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.",
            java.time.Instant.parse("2024-03-15T11:00:00Z")));
    assertThat(node.healthy()).isFalse();
  }

  @Test
  void pressureAndNetworkConditionsThatAreTrueAreProblemsOfAReadyNode() {
    serve(node("ip-10-0-3-9.ec2.internal", "2024-03-01T00:00:00Z", Map.of("kubernetes.io/role", "master"),
        "1930m", "7291536Ki", false,
        condition("MemoryPressure", "True", "KubeletHasInsufficientMemory", "kubelet has insufficient memory"),
        condition("PIDPressure", "True", "KubeletHasInsufficientPID", "too many pids"),
        condition("NetworkUnavailable", "True", "NoRouteCreated", "no route"),
        condition("Ready", "True", "KubeletReady", "ready")));

    NodeStatus node = health.nodes().get(0);

    assertThat(node.ready()).isTrue();
    assertThat(node.healthy()).isFalse();
    assertThat(node.status()).isEqualTo("Ready");
    assertThat(node.roles()).containsExactly("master");
    assertThat(node.problems()).extracting(NodeCondition::type)
        .containsExactly("MemoryPressure", "PIDPressure", "NetworkUnavailable");
    assertThat(node.problems().get(0).toText())
        .isEqualTo("MemoryPressure=True (KubeletHasInsufficientMemory): kubelet has insufficient memory");
  }

  @Test
  void aNodeWithoutAReadyConditionIsNotReady() {
    serve(node("ip-10-0-4-1.ec2.internal", "2024-03-15T11:59:00Z", Map.of(), "940m", "3388304Ki", false));

    NodeStatus node = health.nodes().get(0);

    assertThat(node.ready()).isFalse();
    assertThat(node.roles()).isEmpty();
    assertThat(node.allocatableCpuMillis()).isEqualTo(940);
    assertThat(node.problems()).containsExactly(
        new NodeCondition("Ready", "Unknown", null, "the node reports no Ready condition", null));
  }

  @Test
  void quantitiesRoundUpAsKubernetesDoes() {
    serve(node("ip-10-0-5-5.ec2.internal", "2024-03-15T11:59:00Z", Map.of(), "0.0005", "1.5Ki", false));

    NodeStatus node = health.nodes().get(0);

    assertThat(node.allocatableCpuMillis()).isEqualTo(1);
    assertThat(node.allocatableMemoryBytes()).isEqualTo(1536);
  }

  @Test
  void anUnreadableQuantityIsAServiceErrorNamingIt() {
    io.fabric8.kubernetes.api.model.Node node = node("ip-10-0-6-6.ec2.internal", "2024-03-15T11:59:00Z", Map.of(),
        "2", "15Gi", false);
    node.getStatus().getAllocatable().put("memory", new Quantity("lots"));
    serve(node);

    assertThatThrownBy(health::nodes)
        .isInstanceOf(ServiceException.class)
        .hasMessage("kubernetes:ListNodes on ip-10-0-6-6.ec2.internal: the API server sent a memory quantity that"
            + " is not a Kubernetes quantity within range: 'lots'");
  }
}
