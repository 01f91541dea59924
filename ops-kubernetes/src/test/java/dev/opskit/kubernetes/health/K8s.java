package dev.opskit.kubernetes.health;

import dev.opskit.core.OpsContext;
import dev.opskit.kubernetes.MockCluster;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Test fixtures: a context with a fixed clock, realistic nodes and containers. */
final class K8s {
  static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");

  private K8s() {}

  static OpsContext context(Instant now) {
    return MockCluster.context(Clock.fixed(now, ZoneOffset.UTC)).build();
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
