package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One node, as {@code kubectl get nodes} shows it, with what is wrong with it.
 *
 * @param name the node's name
 * @param ready whether its {@code Ready} condition is {@code True}
 * @param problems the conditions that are not healthy: {@code Ready} that is {@code False} or {@code Unknown}
 *     (or missing), and any other condition that is {@code True} ({@code MemoryPressure}, {@code DiskPressure},
 *     {@code PIDPressure}, {@code NetworkUnavailable}, and node-problem-detector's conditions, which are problems
 *     when true too)
 * @param unschedulable whether it is cordoned ({@code spec.unschedulable})
 * @param kubeletVersion such as {@code v1.29.3-eks-ae9a62a}, or null when not reported
 * @param roles the roles of its {@code node-role.kubernetes.io/<role>} labels (and {@code kubernetes.io/role}),
 *     sorted; empty for kubectl's {@code <none>}
 * @param allocatableCpuMillis allocatable CPU in millicores, 0 when not reported
 * @param allocatableMemoryBytes allocatable memory in bytes, 0 when not reported
 * @param age how long ago it was created
 */
public record NodeStatus(
    String name,
    boolean ready,
    List<NodeCondition> problems,
    boolean unschedulable,
    @Nullable String kubeletVersion,
    List<String> roles,
    long allocatableCpuMillis,
    long allocatableMemoryBytes,
    Duration age) {

  /**
   * Validates and copies.
   *
   * @param name the name
   * @param ready whether ready
   * @param problems the unhealthy conditions
   * @param unschedulable whether cordoned
   * @param kubeletVersion the kubelet version
   * @param roles the roles
   * @param allocatableCpuMillis allocatable CPU
   * @param allocatableMemoryBytes allocatable memory
   * @param age the age
   */
  public NodeStatus {
    Checks.present("name", name, "a node name");
    problems = Checks.list("problems", problems, "node conditions");
    roles = Checks.list("roles", roles, "role names");
    Checks.present("age", age, "a duration");
  }

  /** {@return whether it is ready with no unhealthy condition (a cordoned node can be healthy)} */
  public boolean healthy() {
    return ready && problems.isEmpty();
  }

  /** {@return kubectl's STATUS column: {@code Ready} or {@code NotReady}, then {@code SchedulingDisabled}} */
  public String status() {
    return (ready ? "Ready" : "NotReady") + (unschedulable ? ",SchedulingDisabled" : "");
  }
}
