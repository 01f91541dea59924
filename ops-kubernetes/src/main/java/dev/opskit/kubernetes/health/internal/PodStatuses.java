package dev.opskit.kubernetes.health.internal;

import dev.opskit.kubernetes.health.PodPhase;
import dev.opskit.kubernetes.health.PodStatus;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pod as {@code kubectl get pods} prints it: the READY, STATUS and RESTARTS columns follow kubectl's
 * {@code printPod} (init containers first, then the containers from the last to the first, so the first
 * container's reason wins; {@code Completed} next to a running container is {@code Running} or {@code NotReady};
 * a deleted pod is {@code Terminating}).
 */
final class PodStatuses {
  private PodStatuses() {}

  static PodStatus of(Pod pod, Instant now, String operation, @Nullable String target) {
    ObjectMeta meta = pod.getMetadata() == null ? new ObjectMeta() : pod.getMetadata();
    io.fabric8.kubernetes.api.model.PodStatus status =
        pod.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus() : pod.getStatus();
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodPhase phase = PodPhase.of(status.getPhase());
    int total = size(spec.getContainers());
    int initTotal = size(spec.getInitContainers());

    String reason = status.getPhase() == null ? "" : status.getPhase();
    if (notEmpty(status.getReason())) {
      reason = status.getReason();
    }
    int restarts = 0;
    int ready = 0;
    boolean initializing = false;
    List<ContainerStatus> inits = list(status.getInitContainerStatuses());
    for (int i = 0; i < inits.size(); i++) {
      ContainerStatus init = inits.get(i);
      restarts += count(init.getRestartCount());
      ContainerState state = init.getState();
      ContainerStateTerminated terminated = state == null ? null : state.getTerminated();
      ContainerStateWaiting waiting = state == null ? null : state.getWaiting();
      if (terminated != null && count(terminated.getExitCode()) == 0) {
        continue;
      }
      if (terminated != null) {
        reason = notEmpty(terminated.getReason()) ? "Init:" + terminated.getReason()
            : count(terminated.getSignal()) != 0 ? "Init:Signal:" + terminated.getSignal()
            : "Init:ExitCode:" + terminated.getExitCode();
      } else if (waiting != null && notEmpty(waiting.getReason()) && !"PodInitializing".equals(waiting.getReason())) {
        reason = "Init:" + waiting.getReason();
      } else {
        reason = "Init:" + i + "/" + initTotal;
      }
      initializing = true;
      break;
    }
    if (!initializing) {
      restarts = 0;
      boolean running = false;
      List<ContainerStatus> containers = list(status.getContainerStatuses());
      for (int i = containers.size() - 1; i >= 0; i--) {
        ContainerStatus container = containers.get(i);
        restarts += count(container.getRestartCount());
        ContainerState state = container.getState();
        ContainerStateTerminated terminated = state == null ? null : state.getTerminated();
        ContainerStateWaiting waiting = state == null ? null : state.getWaiting();
        if (waiting != null && notEmpty(waiting.getReason())) {
          reason = waiting.getReason();
        } else if (terminated != null && notEmpty(terminated.getReason())) {
          reason = terminated.getReason();
        } else if (terminated != null) {
          reason = count(terminated.getSignal()) != 0 ? "Signal:" + terminated.getSignal()
              : "ExitCode:" + terminated.getExitCode();
        } else if (Boolean.TRUE.equals(container.getReady()) && state != null && state.getRunning() != null) {
          running = true;
          ready++;
        }
      }
      if ("Completed".equals(reason) && running) {
        reason = podReady(status.getConditions()) ? "Running" : "NotReady";
      }
    }
    if (meta.getDeletionTimestamp() != null) {
      reason = "NodeLost".equals(status.getReason()) ? "Unknown" : "Terminating";
    }
    if (reason.isEmpty()) {
      reason = phase.text();
    }
    Instant created = Quantities.time(meta.getCreationTimestamp(), "creationTimestamp", operation, target);
    return new PodStatus(
        meta.getNamespace() == null ? "" : meta.getNamespace(),
        meta.getName() == null ? "" : meta.getName(),
        phase, ready, total, restarts, reason, spec.getNodeName(), Ages.since(created, now));
  }

  private static boolean podReady(@Nullable List<PodCondition> conditions) {
    return list(conditions).stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean notEmpty(@Nullable String s) {
    return s != null && !s.isEmpty();
  }

  private static int count(@Nullable Integer n) {
    return n == null ? 0 : n;
  }

  private static int size(@Nullable List<?> list) {
    return list == null ? 0 : list.size();
  }

  private static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }
}
