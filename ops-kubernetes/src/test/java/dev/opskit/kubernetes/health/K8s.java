package dev.opskit.kubernetes.health;

import dev.opskit.core.OpsContext;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Test fixtures: mock API servers, a context with a fixed clock, realistic nodes and containers. */
final class K8s {
  static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");

  private K8s() {}

  /** A mock API server that answers what tests expect (for sequences and pages). */
  static KubernetesMockServer expectations() {
    KubernetesMockServer server = new KubernetesMockServer(false);
    server.init();
    return server;
  }

  /** A mock API server that stores what tests create (statuses included); it sets creation times itself. */
  static KubernetesMockServer crud() {
    KubernetesMockServer server = new KubernetesMockServer(
        new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    server.init();
    return server;
  }

  /** A client over the JDK's HTTP client, as the module's code uses. */
  static KubernetesClient client(KubernetesMockServer server) {
    return server.createClient(new JdkHttpClientFactory());
  }

  /**
   * A client that does not repeat 5xx answers (fabric8 retries them by default, with backoff up to
   * {@code requestRetryBackoffLimit} times), for tests of one such answer.
   */
  static KubernetesClient clientWithoutRetries(KubernetesMockServer server) {
    try (KubernetesClient base = server.createClient(new JdkHttpClientFactory())) {
      return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
          .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(base.getConfiguration())
              .withRequestRetryBackoffLimit(0).build())
          .withHttpClientFactory(new JdkHttpClientFactory())
          .build();
    }
  }

  static OpsContext context(Instant now) {
    return OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  /** The paths of every request the server has seen so far, in order. */
  static List<String> paths(KubernetesMockServer server) throws InterruptedException {
    List<String> paths = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
      paths.add(request.getPath());
    }
    return paths;
  }

  static NodeCondition condition(String type, String status, String reason, String message) {
    return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime("2024-03-15T11:00:00Z").build();
  }

  static Node node(String name, String created, Map<String, String> labels, String cpu, String memory,
      boolean cordoned, NodeCondition... conditions) {
    return new NodeBuilder()
        .withNewMetadata().withName(name).withCreationTimestamp(created).withLabels(labels).endMetadata()
        .withNewSpec().withUnschedulable(cordoned ? Boolean.TRUE : null).endSpec()
        .withNewStatus()
        .withConditions(conditions)
        .withAllocatable(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory),
            "pods", new Quantity("58")))
        .withCapacity(Map.of("cpu", new Quantity("4"), "memory", new Quantity("16369120Ki")))
        .withNewNodeInfo().withKubeletVersion("v1.29.3-eks-ae9a62a").withOsImage("Amazon Linux 2").endNodeInfo()
        .endStatus()
        .build();
  }

  static ContainerStatus running(String name, boolean ready, int restarts) {
    return new ContainerStatusBuilder().withName(name).withReady(ready).withRestartCount(restarts)
        .withNewState().withNewRunning().withStartedAt("2024-03-15T10:00:00Z").endRunning().endState().build();
  }

  static ContainerStatus waiting(String name, String reason, int restarts) {
    return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(restarts)
        .withNewState().withNewWaiting().withReason(reason).withMessage("back-off restarting failed container")
        .endWaiting().endState().build();
  }

  static ContainerStatus terminated(String name, String reason, int exitCode, int restarts) {
    return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(restarts)
        .withNewState().withNewTerminated().withReason(reason).withExitCode(exitCode).endTerminated().endState()
        .build();
  }
}
