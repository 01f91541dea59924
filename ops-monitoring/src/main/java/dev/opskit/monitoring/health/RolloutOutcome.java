package dev.opskit.monitoring.health;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How the wait for one ECS deployment ended. Keyed on the deployment id: unlike the SDK's {@code ServicesStable}
 * waiter, a circuit-breaker rollback (the service steady again, on the previous task definition) is a failure.
 */
public sealed interface RolloutOutcome {

  /** {@return the deployment waited for} */
  String deploymentId();

  /**
   * The deployment of a completed rollout.
   *
   * @return the deployment
   * @throws ResourceStateException when it failed or was rolled back (with the last events)
   * @throws OperationTimeoutException when the wait timed out
   */
  EcsDeployment orElseThrow();

  /**
   * The deployment is PRIMARY and COMPLETED.
   *
   * @param deployment the deployment
   */
  record Completed(EcsDeployment deployment) implements RolloutOutcome {
    /**
     * Validates.
     *
     * @param deployment the deployment
     */
    public Completed {
      Checks.present("deployment", deployment, "a deployment");
    }

    @Override
    public String deploymentId() {
      return deployment.id();
    }

    @Override
    public EcsDeployment orElseThrow() {
      return deployment;
    }
  }

  /**
   * The deployment's rollout state is FAILED.
   *
   * @param deployment the deployment as last seen
   * @param reason AWS's rollout state reason
   * @param events the service's newest events
   */
  record Failed(EcsDeployment deployment, String reason, List<ServiceEvent> events) implements RolloutOutcome {
    /**
     * Copies.
     *
     * @param deployment the deployment
     * @param reason the reason
     * @param events the events
     */
    public Failed {
      Checks.present("deployment", deployment, "a deployment");
      events = Values.list("events", events, "events");
    }

    @Override
    public String deploymentId() {
      return deployment.id();
    }

    @Override
    public EcsDeployment orElseThrow() {
      throw new ResourceStateException("ECS deployment " + deployment.id() + " FAILED: " + reason + lines(events),
          "ecs:wait-deployment", deployment.id(), null);
    }
  }

  /**
   * The deployment is no longer the service's primary one: the circuit breaker rolled back to an earlier
   * deployment (or a newer deployment replaced it).
   *
   * @param deploymentId the deployment waited for
   * @param primary the service's primary deployment now, or null when there is none
   * @param events the service's newest events
   */
  record RolledBack(String deploymentId, @Nullable EcsDeployment primary, List<ServiceEvent> events)
      implements RolloutOutcome {
    /**
     * Copies.
     *
     * @param deploymentId the deployment
     * @param primary the primary now
     * @param events the events
     */
    public RolledBack {
      Checks.present("deploymentId", deploymentId, "a deployment id");
      events = Values.list("events", events, "events");
    }

    @Override
    public EcsDeployment orElseThrow() {
      throw new ResourceStateException("ECS deployment " + deploymentId + " was rolled back"
          + (primary == null ? "" : "; the primary deployment is now " + primary) + lines(events),
          "ecs:wait-deployment", deploymentId, null);
    }
  }

  /**
   * The timeout passed first.
   *
   * @param deploymentId the deployment
   * @param lastSeen the deployment as last seen, or null when it was not seen
   * @param events the service's newest events
   */
  record TimedOut(String deploymentId, @Nullable EcsDeployment lastSeen, List<ServiceEvent> events)
      implements RolloutOutcome {
    /**
     * Copies.
     *
     * @param deploymentId the deployment
     * @param lastSeen last seen
     * @param events the events
     */
    public TimedOut {
      Checks.present("deploymentId", deploymentId, "a deployment id");
      events = Values.list("events", events, "events");
    }

    @Override
    public EcsDeployment orElseThrow() {
      throw new OperationTimeoutException("ECS deployment " + deploymentId + " did not complete within the timeout"
          + (lastSeen == null ? "" : " (last seen: " + lastSeen + ")") + lines(events), "ecs:wait-deployment",
          deploymentId, null);
    }
  }

  private static String lines(List<ServiceEvent> events) {
    return events.isEmpty() ? "" : "; last events:\n" + events.stream().limit(5).map(e -> "  " + e)
        .collect(Collectors.joining("\n"));
  }
}
