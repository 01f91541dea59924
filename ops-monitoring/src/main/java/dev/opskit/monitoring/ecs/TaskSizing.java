package dev.opskit.monitoring.ecs;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.monitoring.ecs.internal.TaskSizingImpl;
import java.time.Instant;

/**
 * ECS task sizing against what services use:
 *
 * <pre>{@code
 * TaskSizing sizing = TaskSizing.using(ctx);
 * TaskDefinition current = sizing.current("api-service");
 * SizingReport report = sizing.compare(current, EcsService.of("prod-cluster", "api-service"), weekAgo, now);
 * report.suggestion().ifPresent(size -> sizing.registerRevision(current.withSize(size)));
 * }</pre>
 */
public interface TaskSizing {

  /**
   * The operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static TaskSizing using(OpsContext ctx) {
    return TaskSizingImpl.of(ctx);
  }

  /**
   * The sizing of the latest active revision of a family (DescribeTaskDefinition).
   *
   * @param family such as {@code api-service}, or {@code family:revision}
   * @return its sizing
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such task definition
   */
  TaskDefinition current(String family);

  /**
   * Compares a task's size with the CPU and memory utilisation of a service (CloudWatch {@code AWS/ECS}
   * CPUUtilization and MemoryUtilization, Average and Maximum, by ClusterName and ServiceName) over a range.
   *
   * @param definition the sizing, with task-level cpu and memory
   * @param service the service
   * @param start the start of the range
   * @param end the end, after {@code start}, at most 455 days later (CloudWatch keeps data that long)
   * @return the numbers and verdicts
   */
  SizingReport compare(TaskDefinition definition, EcsService service, Instant start, Instant end);

  /**
   * Registers a new revision of the definition's family through the gate: the latest revision as it is (image,
   * roles, ports, everything) with the sizes of {@code sizing}: the task's cpu and memory and, per container name,
   * its cpu, memory and memory reservation. Rolling a service onto it is not done here.
   *
   * @param sizing the new sizing; its containers must all exist in the latest revision
   * @return the new revision's ARN, or {@link ChangeResult.Planned} in a dry run
   * @throws dev.opskit.core.ValidationException when a container is not in the latest revision
   */
  ChangeResult<String> registerRevision(TaskDefinition sizing);
}
