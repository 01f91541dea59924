package dev.opskit.monitoring.health;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One deployment of an ECS service.
 *
 * @param id such as {@code ecs-svc/1234567890}
 * @param status {@code PRIMARY}, {@code ACTIVE} or {@code INACTIVE}, as AWS sent it
 * @param rolloutState the rollout state
 * @param rolloutStateReason AWS's reason for it, or null
 * @param taskDefinition the task definition ARN it deploys
 * @param desired tasks wanted
 * @param running tasks running
 * @param pending tasks pending
 * @param failedTasks tasks that failed to start
 * @param createdAt when it started, or null
 * @param updatedAt when it last changed, or null
 */
public record EcsDeployment(
    String id, String status, RolloutState rolloutState, @Nullable String rolloutStateReason, String taskDefinition,
    int desired, int running, int pending, int failedTasks, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

  /**
   * Validates.
   *
   * @param id the id
   * @param status the status
   * @param rolloutState the rollout state
   * @param rolloutStateReason the reason
   * @param taskDefinition the task definition
   * @param desired wanted
   * @param running running
   * @param pending pending
   * @param failedTasks failed
   * @param createdAt created
   * @param updatedAt updated
   */
  public EcsDeployment {
    Checks.present("id", id, "a deployment id");
    Checks.present("status", status, "a status");
    Checks.present("rolloutState", rolloutState, "a rollout state");
    Checks.present("taskDefinition", taskDefinition, "a task definition");
  }

  /** {@return whether this is the service's primary (newest) deployment} */
  public boolean isPrimary() {
    return "PRIMARY".equals(status);
  }

  /** {@code ecs-svc/1 PRIMARY COMPLETED api-service:3 2/2 running}. */
  @Override
  public String toString() {
    return id + " " + status + " " + rolloutState + " " + taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1)
        + " " + running + "/" + desired + " running" + (pending > 0 ? ", " + pending + " pending" : "")
        + (failedTasks > 0 ? ", " + failedTasks + " failed" : "");
  }
}
