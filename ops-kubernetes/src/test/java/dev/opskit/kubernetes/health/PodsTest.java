package dev.opskit.kubernetes.health;

import static dev.opskit.kubernetes.health.K8s.running;
import static dev.opskit.kubernetes.health.K8s.terminated;
import static dev.opskit.kubernetes.health.K8s.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubectl get pods --all-namespaces}: pods stored in the CRUD mock server with the statuses kubelets report;
 * every column of {@link PodStatus}.
 */
class PodsTest {
  @RegisterExtension final MockCluster cluster = MockCluster.crud();
  private final KubernetesClient client = cluster.client();
  private ClusterHealth health;
  private Instant apiCreated;

  @BeforeEach
  void start() {
    Pod api = create(pod("production", "api-7d4b9c-xk2lp", "api", "ip-10-0-1-23.ec2.internal", "Running", null,
        List.of("api", "envoy"), List.of(), List.of(running("api", true, 0), running("envoy", true, 1))));
    apiCreated = Instant.parse(api.getMetadata().getCreationTimestamp());
    create(pod("production", "worker-5f6d8-abcde", "worker", "ip-10-0-1-23.ec2.internal", "Running", null,
        List.of("worker", "log-shipper"), List.of(),
        List.of(waiting("worker", "CrashLoopBackOff", 7), running("log-shipper", true, 0))));
    create(pod("staging", "web-6c9f7-qwert", "web", "ip-10-0-2-7.ec2.internal", "Pending", null,
        List.of("web"), List.of(), List.of(waiting("web", "ImagePullBackOff", 0))));
    create(pod("production", "report-1-oom", "report", "ip-10-0-1-23.ec2.internal", "Running", null,
        List.of("report"), List.of(), List.of(terminated("report", "OOMKilled", 137, 3))));
    create(pod("batch", "nightly-28471234-done", "nightly", "ip-10-0-1-23.ec2.internal", "Succeeded", null,
        List.of("job"), List.of(), List.of(terminated("job", "Completed", 0, 0))));
    create(pod("batch", "nightly-28471233-fail", "nightly", "ip-10-0-1-23.ec2.internal", "Failed", null,
        List.of("job"), List.of(), List.of(terminated("job", "Error", 1, 0))));
    create(pod("production", "migrate-abc12", "migrate", "ip-10-0-1-23.ec2.internal", "Pending", null,
        List.of("app"), List.of(terminated("schema", "Completed", 0, 0), running("seed", false, 0)),
        List.of(waiting("app", "PodInitializing", 0))));
    create(pod("production", "cache-init-crash", "cache", "ip-10-0-1-23.ec2.internal", "Pending", null,
        List.of("cache"), List.of(waiting("wait-for-db", "CrashLoopBackOff", 4)),
        List.of(waiting("cache", "PodInitializing", 0))));
    create(pod("staging", "big-0", "big", null, "Pending", null, List.of("big"), List.of(), List.of()));
    create(pod("production", "api-7d4b9c-evict", "api", "ip-10-0-2-7.ec2.internal", "Failed", "Evicted",
        List.of("api"), List.of(), List.of(terminated("api", "ContainerStatusUnknown", 137, 0))));
    health = ClusterHealth.using(K8s.context(apiCreated.plus(Duration.ofHours(2))), client);
  }

  private Pod create(Pod pod) {
    return client.pods().resource(pod).create();
  }

  static Pod pod(String namespace, String name, String app, @Nullable String node, String phase,
      @Nullable String reason, List<String> containers, List<ContainerStatus> inits, List<ContainerStatus> statuses) {
    PodBuilder builder = new PodBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).withLabels(Map.of("app", app)).endMetadata()
        .withNewSpec().withNodeName(node).endSpec()
        .withNewStatus().withPhase(phase).withReason(reason).withInitContainerStatuses(inits)
        .withContainerStatuses(statuses).endStatus();
    for (String c : containers) {
      builder.editSpec().addNewContainer().withName(c).withImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/" + c
          + ":v2.1.0").endContainer().endSpec();
    }
    for (ContainerStatus init : inits) {
      builder.editSpec().addNewInitContainer().withName(init.getName()).withImage("busybox:1.36").endInitContainer()
          .endSpec();
    }
    return builder.build();
  }

  private Map<String, PodStatus> all() {
    try (Stream<PodStatus> pods = health.pods(PodQuery.allNamespaces())) {
      return pods.collect(java.util.stream.Collectors.toMap(p -> p.namespace() + "/" + p.name(), p -> p));
    }
  }

  @Test
  void aRunningPodWithEveryContainerReady() {
    PodStatus api = all().get("production/api-7d4b9c-xk2lp");

    assertThat(api).isEqualTo(new PodStatus("production", "api-7d4b9c-xk2lp", PodPhase.RUNNING, 2, 2, 1, "Running",
        "ip-10-0-1-23.ec2.internal", Duration.ofHours(2)));
    assertThat(api.ready()).isEqualTo("2/2");
    assertThat(api.healthy()).isTrue();
  }

  @Test
  void theStatusColumnIsTheReasonKubectlShows() {
    Map<String, PodStatus> pods = all();

    assertThat(pods).hasSize(10);
    assertThat(pods.get("production/worker-5f6d8-abcde"))
        .extracting(PodStatus::status, PodStatus::ready, PodStatus::restarts, PodStatus::phase)
        .containsExactly("CrashLoopBackOff", "1/2", 7, PodPhase.RUNNING);
    assertThat(pods.get("staging/web-6c9f7-qwert"))
        .extracting(PodStatus::status, PodStatus::ready, PodStatus::phase, PodStatus::node)
        .containsExactly("ImagePullBackOff", "0/1", PodPhase.PENDING, "ip-10-0-2-7.ec2.internal");
    assertThat(pods.get("production/report-1-oom"))
        .extracting(PodStatus::status, PodStatus::restarts).containsExactly("OOMKilled", 3);
    assertThat(pods.get("batch/nightly-28471234-done"))
        .extracting(PodStatus::status, PodStatus::phase).containsExactly("Completed", PodPhase.SUCCEEDED);
    assertThat(pods.get("batch/nightly-28471233-fail"))
        .extracting(PodStatus::status, PodStatus::phase).containsExactly("Error", PodPhase.FAILED);
    assertThat(pods.get("production/migrate-abc12"))
        .extracting(PodStatus::status, PodStatus::ready).containsExactly("Init:1/2", "0/1");
    assertThat(pods.get("production/cache-init-crash"))
        .extracting(PodStatus::status, PodStatus::restarts).containsExactly("Init:CrashLoopBackOff", 4);
    assertThat(pods.get("staging/big-0"))
        .extracting(PodStatus::status, PodStatus::node, PodStatus::ready).containsExactly("Pending", null, "0/1");
    assertThat(pods.get("production/api-7d4b9c-evict").status()).isEqualTo("ContainerStatusUnknown");
  }

  @Test
  void unhealthyPodsAreThoseNeitherRunningAndReadyNorSucceeded() {
    assertThat(health.unhealthyPods()).extracting(PodStatus::name).containsExactlyInAnyOrder(
        "worker-5f6d8-abcde", "web-6c9f7-qwert", "report-1-oom", "nightly-28471233-fail", "migrate-abc12",
        "cache-init-crash", "big-0", "api-7d4b9c-evict");
  }

  @Test
  void oneNamespace() {
    try (Stream<PodStatus> pods = health.pods(PodQuery.inNamespace("batch"))) {
      assertThat(pods.map(PodStatus::name)).containsExactlyInAnyOrder("nightly-28471234-done", "nightly-28471233-fail");
    }
  }

  @Test
  void aLabelSelector() {
    try (Stream<PodStatus> pods = health.pods(PodQuery.inNamespace("production").withLabelSelector("app=api"))) {
      assertThat(pods.map(PodStatus::name)).containsExactlyInAnyOrder("api-7d4b9c-xk2lp", "api-7d4b9c-evict");
    }
    try (Stream<PodStatus> pods = health.pods(PodQuery.allNamespaces().withLabelSelector("app!=api"))) {
      assertThat(pods.map(PodStatus::name)).hasSize(8).doesNotContain("api-7d4b9c-xk2lp", "api-7d4b9c-evict");
    }
  }
}
