package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.List;

/**
 * The cluster's health at one moment: its nodes, the pods that are not healthy and the recent warnings.
 *
 * @param at when it was read (the context's clock)
 * @param nodesReady how many nodes are ready
 * @param nodesTotal how many nodes there are
 * @param unhealthyNodes the nodes that are not ready or have an unhealthy condition (pressure, network)
 * @param unhealthyPods the pods that are neither running with every container ready nor succeeded
 * @param recentWarnings the {@code Warning} events last seen within {@link ClusterHealth#RECENT} of {@code at},
 *     oldest first
 */
public record HealthReport(
    Instant at,
    int nodesReady,
    int nodesTotal,
    List<NodeStatus> unhealthyNodes,
    List<PodStatus> unhealthyPods,
    List<ClusterEvent> recentWarnings) {

  /**
   * Validates and copies.
   *
   * @param at when
   * @param nodesReady ready nodes
   * @param nodesTotal all nodes
   * @param unhealthyNodes unhealthy nodes
   * @param unhealthyPods unhealthy pods
   * @param recentWarnings recent warnings
   */
  public HealthReport {
    Checks.present("at", at, "an instant");
    Checks.require(nodesReady >= 0 && nodesReady <= nodesTotal, "nodesReady", nodesReady, "0 to nodesTotal");
    unhealthyNodes = Checks.list("unhealthyNodes", unhealthyNodes, "nodes");
    unhealthyPods = Checks.list("unhealthyPods", unhealthyPods, "pods");
    recentWarnings = Checks.list("recentWarnings", recentWarnings, "events");
  }

  /**
   * {@return whether the cluster is healthy: it has nodes, every node is healthy and every pod is; warnings are
   * reported but do not decide it (a warning such as a resolved FailedScheduling may be stale)}
   */
  public boolean healthy() {
    return nodesTotal > 0 && unhealthyNodes.isEmpty() && unhealthyPods.isEmpty();
  }

  /** {@return the nodes that are not ready} */
  public List<NodeStatus> notReadyNodes() {
    return unhealthyNodes.stream().filter(n -> !n.ready()).toList();
  }

  /** {@return a short text: the verdict, the node count, one line per unhealthy node, pod and recent warning} */
  public String toText() {
    StringBuilder sb = new StringBuilder(healthy() ? "HEALTHY" : "NOT HEALTHY")
        .append(": ").append(nodesReady).append('/').append(nodesTotal).append(" nodes ready, ")
        .append(unhealthyPods.size()).append(" unhealthy pods, ")
        .append(recentWarnings.size()).append(" recent warnings\n");
    for (NodeStatus node : unhealthyNodes) {
      sb.append("node ").append(node.name()).append(' ').append(node.status());
      node.problems().forEach(c -> sb.append("; ").append(c.toText()));
      sb.append('\n');
    }
    for (PodStatus pod : unhealthyPods) {
      sb.append("pod ").append(pod.namespace()).append('/').append(pod.name()).append(' ').append(pod.status())
          .append(' ').append(pod.ready()).append(" restarts=").append(pod.restarts()).append('\n');
    }
    for (ClusterEvent event : recentWarnings) {
      sb.append("warning ").append(event.reason()).append(' ').append(event.object()).append(": ")
          .append(event.message()).append('\n');
    }
    return sb.toString();
  }
}
