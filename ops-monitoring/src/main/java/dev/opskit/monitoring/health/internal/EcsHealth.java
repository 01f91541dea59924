package dev.opskit.monitoring.health.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.value.Checks;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.WaitOutcome;
import dev.opskit.monitoring.health.EcsDeployment;
import dev.opskit.monitoring.health.EcsServiceSnapshot;
import dev.opskit.monitoring.health.Health;
import dev.opskit.monitoring.health.HealthTarget;
import dev.opskit.monitoring.health.RolloutOutcome;
import dev.opskit.monitoring.health.RolloutState;
import dev.opskit.monitoring.health.ServiceEvent;
import dev.opskit.monitoring.health.TaskDefinitionInfo;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** ECS service snapshots and the deployment wait keyed on the deployment id. */
final class EcsHealth {
  private static final Duration FIRST_POLL = Duration.ofSeconds(5);
  private static final Duration MAX_POLL = Duration.ofSeconds(15);

  private final OpsContext ctx;
  private final EcsClient ecs;

  EcsHealth(OpsContext ctx, EcsClient ecs) {
    this.ctx = ctx;
    this.ecs = ecs;
  }

  EcsServiceSnapshot snapshot(String cluster, String service) {
    HealthTarget target = HealthTarget.ecs(cluster, service);
    Service s = describe(cluster, service);
    TaskDefinitionInfo td = s.taskDefinition() == null ? null : Reads.find("ecs:DescribeTaskDefinition",
        s.taskDefinition(), () -> ecs.describeTaskDefinition(DescribeTaskDefinitionRequest.builder()
            .taskDefinition(s.taskDefinition()).build()).taskDefinition()).map(EcsHealth::info).orElse(null);
    return new EcsServiceSnapshot(target, Objects.requireNonNullElse(s.status(), "(none)"), zero(s.desiredCount()),
        zero(s.runningCount()), zero(s.pendingCount()), s.deployments().stream().map(EcsHealth::deployment).toList(),
        td, events(s));
  }

  RolloutOutcome await(String cluster, String service, String deploymentId, Duration timeout) {
    HealthTarget.ecs(cluster, service);
    Checks.length("deploymentId", deploymentId, 1, 1024);
    Checks.present("timeout", timeout, "a timeout");
    EcsDeployment[] lastSeen = new EcsDeployment[1];
    List<?>[] lastEvents = new List<?>[] {List.of()};
    WaitOutcome<RolloutOutcome> outcome = ctx.poller("ecs:wait-deployment", deploymentId)
        .timeout(timeout).interval(FIRST_POLL).maxInterval(MAX_POLL)
        .await(() -> {
          Service s = describe(cluster, service);
          List<ServiceEvent> events = events(s);
          lastEvents[0] = events;
          List<EcsDeployment> all = s.deployments().stream().map(EcsHealth::deployment).toList();
          Optional<EcsDeployment> ours = all.stream().filter(d -> d.id().equals(deploymentId)).findFirst();
          EcsDeployment primary = all.stream().filter(EcsDeployment::isPrimary).findFirst().orElse(null);
          if (ours.isEmpty()) {
            return PollResult.done(new RolloutOutcome.RolledBack(deploymentId, primary, events), "gone");
          }
          EcsDeployment d = ours.get();
          lastSeen[0] = d;
          if (d.rolloutState().equals(RolloutState.FAILED)) {
            return PollResult.done(new RolloutOutcome.Failed(d,
                Objects.requireNonNullElse(d.rolloutStateReason(), "rollout state FAILED"), events), "FAILED");
          }
          if (!d.isPrimary()) {
            return PollResult.done(new RolloutOutcome.RolledBack(deploymentId, primary, events), d.status());
          }
          boolean completed = d.rolloutState().equals(RolloutState.COMPLETED)
              || (d.rolloutState().equals(RolloutState.NONE) && all.size() == 1 && d.running() == d.desired());
          return completed ? PollResult.done(new RolloutOutcome.Completed(d), "COMPLETED")
              : PollResult.pending(d.rolloutState().value());
        });
    if (outcome instanceof WaitOutcome.Done<RolloutOutcome> done) {
      return done.value();
    }
    @SuppressWarnings("unchecked")
    List<ServiceEvent> events = (List<ServiceEvent>) lastEvents[0];
    return new RolloutOutcome.TimedOut(deploymentId, lastSeen[0], events);
  }

  private Service describe(String cluster, String service) {
    String target = cluster + "/" + service;
    DescribeServicesRequest request = DescribeServicesRequest.builder().cluster(cluster).services(service).build();
    DescribeServicesResponse r = Reads.read("ecs:DescribeServices", target, () -> ecs.describeServices(request));
    Optional<Service> found = r.services().stream().filter(s -> service.equals(s.serviceName())
        || (s.serviceArn() != null && s.serviceArn().endsWith("/" + service))).findFirst();
    if (found.isEmpty()) {
      String reason = r.failures().stream().map(f -> f.reason()).filter(Objects::nonNull).findFirst().orElse("MISSING");
      throw new ResourceNotFoundException("ECS service " + service + " not found in cluster " + cluster + " (" + reason
          + ")", "ecs:DescribeServices", target, null);
    }
    return found.get();
  }

  private static List<ServiceEvent> events(Service s) {
    return s.events().stream().limit(Health.EVENTS)
        .map(e -> new ServiceEvent(e.createdAt(), Objects.requireNonNullElse(e.message(), ""))).toList();
  }

  private static EcsDeployment deployment(Deployment d) {
    return new EcsDeployment(Objects.requireNonNullElse(d.id(), "(none)"), Objects.requireNonNullElse(d.status(), "(none)"),
        RolloutState.of(d.rolloutStateAsString()), d.rolloutStateReason(),
        Objects.requireNonNullElse(d.taskDefinition(), "(none)"), zero(d.desiredCount()), zero(d.runningCount()),
        zero(d.pendingCount()), zero(d.failedTasks()), d.createdAt(), d.updatedAt());
  }

  private static TaskDefinitionInfo info(TaskDefinition t) {
    return new TaskDefinitionInfo(Objects.requireNonNullElse(t.taskDefinitionArn(), "(none)"),
        Objects.requireNonNullElse(t.family(), "(none)"), zero(t.revision()), t.cpu(), t.memory());
  }

  private static int zero(@Nullable Integer i) {
    return i == null ? 0 : i;
  }
}
