package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One pod, as {@code kubectl get pods --all-namespaces} shows it.
 *
 * @param namespace its namespace
 * @param name its name
 * @param phase its {@code status.phase}
 * @param readyContainers how many of its containers are ready and running
 * @param totalContainers how many containers its spec has (init containers not counted, as kubectl)
 * @param restarts the restarts of its containers, summed (while its init containers run: theirs), as kubectl's
 *     RESTARTS column
 * @param status kubectl's STATUS column: a waiting or terminated container's reason (such as
 *     {@code CrashLoopBackOff}, {@code ImagePullBackOff}, {@code Error}, {@code OOMKilled}), {@code Init:...} while
 *     init containers run, {@code Terminating} while deleted, the pod's own reason (such as {@code Evicted}),
 *     else the phase
 * @param node the node it runs on, or null when not scheduled
 * @param age how long ago it was created
 */
public record PodStatus(
    String namespace,
    String name,
    PodPhase phase,
    int readyContainers,
    int totalContainers,
    int restarts,
    String status,
    @Nullable String node,
    Duration age) {

  /**
   * Validates.
   *
   * @param namespace the namespace
   * @param name the name
   * @param phase the phase
   * @param readyContainers ready containers
   * @param totalContainers all containers
   * @param restarts restarts
   * @param status kubectl's status
   * @param node the node
   * @param age the age
   */
  public PodStatus {
    Checks.present("namespace", namespace, "a namespace");
    Checks.present("name", name, "a pod name");
    Checks.present("phase", phase, "a pod phase");
    Checks.present("status", status, "a status");
    Checks.present("age", age, "a duration");
  }

  /** {@return kubectl's READY column, such as {@code 1/2}} */
  public String ready() {
    return readyContainers + "/" + totalContainers;
  }

  /** {@return whether it is healthy: running with every container ready, or succeeded (a finished job)} */
  public boolean healthy() {
    return phase == PodPhase.SUCCEEDED
        || (phase == PodPhase.RUNNING && readyContainers == totalContainers);
  }
}
