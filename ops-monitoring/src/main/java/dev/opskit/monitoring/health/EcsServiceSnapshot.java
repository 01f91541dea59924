package dev.opskit.monitoring.health;

import dev.opskit.monitoring.metrics.internal.Values;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.health.internal.SnapshotJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An ECS service as DescribeServices and DescribeTaskDefinition show it (the guide's {@code aws ecs
 * describe-services}, {@code describe-task-definition} and {@code events[:10]}).
 *
 * @param target the service
 * @param status {@code ACTIVE}, {@code DRAINING} or {@code INACTIVE}, as AWS sent it
 * @param desired tasks wanted
 * @param running tasks running
 * @param pending tasks pending
 * @param deployments the deployments, primary first as AWS lists them
 * @param taskDefinition the task definition in use, or null when it could not be read
 * @param events the newest service events, newest first
 */
public record EcsServiceSnapshot(
    HealthTarget target, String status, int desired, int running, int pending, List<EcsDeployment> deployments,
    @Nullable TaskDefinitionInfo taskDefinition, List<ServiceEvent> events) implements HealthSnapshot {

  /**
   * Copies.
   *
   * @param target the service
   * @param status the status
   * @param desired wanted
   * @param running running
   * @param pending pending
   * @param deployments the deployments
   * @param taskDefinition the task definition
   * @param events the events
   */
  public EcsServiceSnapshot {
    Checks.present("target", target, "a target");
    Checks.present("status", status, "a status");
    deployments = Values.list("deployments", deployments, "deployments");
    events = Values.list("events", events, "events");
  }

  @Override
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (!"ACTIVE".equals(status)) {
      out.add("service status is " + status);
    }
    if (running < desired) {
      out.add("running " + running + " of " + desired + " tasks" + (pending > 0 ? " (" + pending + " pending)" : ""));
    }
    for (EcsDeployment d : deployments) {
      if (d.rolloutState().equals(RolloutState.FAILED)) {
        out.add("deployment " + d.id() + " FAILED" + (d.rolloutStateReason() == null ? "" : ": " + d.rolloutStateReason()));
      }
    }
    if (deployments.size() > 1) {
      out.add(deployments.size() + " deployments at once: a rollout is under way");
    }
    return out;
  }

  @Override
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(target).append(": ").append(healthy() ? "healthy" : "UNHEALTHY").append(" - ").append(status).append(", ")
        .append(running).append('/').append(desired).append(" running, ").append(pending).append(" pending");
    if (taskDefinition != null) {
      b.append(", task ").append(taskDefinition);
    }
    deployments.forEach(d -> b.append("\n  deployment ").append(d));
    problems().forEach(p -> b.append("\n  problem: ").append(p));
    events.stream().limit(3).forEach(e -> b.append("\n  event: ").append(e));
    return b.toString();
  }

  @Override
  public String toJson() {
    Map<String, @Nullable Object> f = new LinkedHashMap<>();
    f.put("status", status);
    f.put("desiredCount", desired);
    f.put("runningCount", running);
    f.put("pendingCount", pending);
    f.put("deployments", deployments);
    f.put("taskDefinition", taskDefinition);
    f.put("events", events);
    return SnapshotJson.of(this, f);
  }
}
