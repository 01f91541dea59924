package dev.opskit.monitoring.ecs.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Duplicates;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.ecs.ContainerDefinition;
import dev.opskit.monitoring.ecs.EcsService;
import dev.opskit.monitoring.ecs.FargateSize;
import dev.opskit.monitoring.ecs.ResourceUse;
import dev.opskit.monitoring.ecs.SizingReport;
import dev.opskit.monitoring.ecs.TaskDefinition;
import dev.opskit.monitoring.ecs.TaskSizing;
import dev.opskit.monitoring.ecs.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/** {@link TaskSizing} on ECS and CloudWatch clients; registering a revision through the gate. */
public final class TaskSizingImpl implements TaskSizing {
  /** CloudWatch keeps 1-hour data points this long. */
  static final Duration MAX_RANGE = Duration.ofDays(455);
  /** GetMetricStatistics returns at most 1,440 data points. */
  static final int MAX_POINTS = 1440;
  private static final Pattern VCPU = Pattern.compile("([0-9]{1,3})(\\.[0-9]{1,3})? ?vCPU", Pattern.CASE_INSENSITIVE);
  private static final Pattern GB = Pattern.compile("([0-9]{1,3})(\\.[0-9]{1,3})? ?GB", Pattern.CASE_INSENSITIVE);

  private final OpsContext ctx;
  private final EcsClient ecs;
  private final CloudWatchClient cloudWatch;

  /**
   * Binds to clients.
   *
   * @param ctx the context (its gate)
   * @param ecs the ECS client
   * @param cloudWatch the CloudWatch client
   */
  public TaskSizingImpl(OpsContext ctx, EcsClient ecs, CloudWatchClient cloudWatch) {
    this.ctx = ctx;
    this.ecs = ecs;
    this.cloudWatch = cloudWatch;
  }

  /**
   * The operations on the context's own clients.
   *
   * @param ctx the context
   * @return the operations
   */
  public static TaskSizing of(OpsContext ctx) {
    return new TaskSizingImpl(ctx, ctx.client(EcsClient.class, EcsClient::builder),
        ctx.client(CloudWatchClient.class, CloudWatchClient::builder));
  }

  private DescribeTaskDefinitionResponse describe(String family) {
    Checks.length("family", family, 1, 1600);
    DescribeTaskDefinitionRequest request = DescribeTaskDefinitionRequest.builder().taskDefinition(family)
        .include(TaskDefinitionField.TAGS).build();
    try {
      return Reads.read("ecs:DescribeTaskDefinition", family, () -> ecs.describeTaskDefinition(request));
    } catch (OpsException e) {
      // ECS answers a missing family with ClientException "Unable to describe task definition.", not a not-found code.
      if ("ClientException".equals(e.awsErrorCode()) && String.valueOf(e.getMessage()).contains("Unable to describe task definition")) {
        throw new ResourceNotFoundException("There is no active task definition " + family + ".",
            "ecs:DescribeTaskDefinition", family, e);
      }
      throw e;
    }
  }

  @Override
  public TaskDefinition current(String family) {
    var live = describe(family).taskDefinition();
    List<ContainerDefinition> containers = live.containerDefinitions().stream()
        .map(c -> new ContainerDefinition(c.name(), c.image(), c.cpu() == null || c.cpu() == 0 ? null : c.cpu(),
            c.memory(), c.memoryReservation(), c.essential()))
        .toList();
    return new TaskDefinition(live.family(), units(live.cpu(), VCPU), units(live.memory(), GB), containers,
        live.requiresCompatibilitiesAsStrings());
  }

  /** {@code "512"}, {@code "0.5 vCPU"} or {@code "1 GB"} as units (CPU units, MiB); null when absent. */
  static @Nullable Integer units(@Nullable String text, Pattern scaled) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    if (t.matches("[0-9]{1,9}")) {
      return Integer.valueOf(t);
    }
    Matcher m = scaled.matcher(t);
    if (m.matches()) {
      return (int) Math.round(Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : m.group(2))) * 1024);
    }
    return null;
  }

  @Override
  public SizingReport compare(TaskDefinition definition, EcsService service, Instant start, Instant end) {
    Checks.present("definition", definition, "a task definition");
    Checks.present("service", service, "an ECS service");
    Checks.present("start", start, "an instant");
    Checks.present("end", end, "an instant");
    Checks.require(start.isBefore(end), "end", end, "after start (" + start + ")");
    Checks.duration("range", Duration.between(start, end), Duration.ofMinutes(1), MAX_RANGE,
        "1 minute to 455 days (CloudWatch keeps hourly data points 455 days)");
    int cpu = Checks.present("cpu", definition.cpu(), "a task-level cpu to compare with");
    int memory = Checks.present("memory", definition.memory(), "a task-level memory to compare with");
    Duration period = period(start, end);
    ResourceUse cpuUse = use("cpu", cpu, "CPUUtilization", service, start, end, period);
    ResourceUse memoryUse = use("memory", memory, "MemoryUtilization", service, start, end, period);
    FargateSize suggested = null;
    if (cpuUse.verdict() != Verdict.NO_DATA && memoryUse.verdict() != Verdict.NO_DATA) {
      double containersCpu = definition.containers().stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum();
      double containersMemory = definition.containers().stream().mapToInt(ContainerDefinition::reservedMemory).sum();
      double factor = 100 / SizingReport.HEADROOM_PERCENT;
      suggested = FargateSize.smallestFitting(Math.max(cpuUse.peakUsed() * factor, containersCpu),
          Math.max(memoryUse.peakUsed() * factor, containersMemory))
          .filter(s -> s.cpu() != cpu || s.memory() != memory).orElse(null);
    }
    return new SizingReport(service, definition.family(), start, end, cpuUse, memoryUse, suggested);
  }

  /** A whole number of minutes, so that the range has at most 1,440 data points. */
  static Duration period(Instant start, Instant end) {
    long seconds = Duration.between(start, end).toSeconds();
    long minutes = Math.max(1, (seconds + 60L * MAX_POINTS - 1) / (60L * MAX_POINTS));
    return Duration.ofMinutes(minutes);
  }

  private ResourceUse use(String resource, int reserved, String metric, EcsService service, Instant start, Instant end,
      Duration period) {
    GetMetricStatisticsRequest request = GetMetricStatisticsRequest.builder().namespace("AWS/ECS").metricName(metric)
        .dimensions(Dimension.builder().name("ClusterName").value(service.cluster()).build(),
            Dimension.builder().name("ServiceName").value(service.service()).build())
        .startTime(start).endTime(end).period((int) period.toSeconds())
        .statistics(Statistic.AVERAGE, Statistic.MAXIMUM).build();
    List<Datapoint> points = Reads.read("cloudwatch:GetMetricStatistics", service.toString(),
        () -> cloudWatch.getMetricStatistics(request).datapoints());
    List<Datapoint> averaged = points.stream().filter(p -> p.average() != null).toList();
    if (averaged.isEmpty()) {
      return new ResourceUse(resource, reserved, 0, 0, 0, Verdict.NO_DATA);
    }
    double average = averaged.stream().mapToDouble(Datapoint::average).average().orElse(0);
    double peak = points.stream().mapToDouble(p -> p.maximum() != null ? p.maximum() : p.average()).max().orElse(0);
    return new ResourceUse(resource, reserved, average, peak, averaged.size(), Verdict.of(average, peak));
  }

  @Override
  public ChangeResult<String> registerRevision(TaskDefinition sizing) {
    Checks.present("sizing", sizing, "a task definition with the new sizes");
    DescribeTaskDefinitionResponse described = describe(sizing.family());
    var live = described.taskDefinition();
    Set<String> liveNames = live.containerDefinitions().stream()
        .map(software.amazon.awssdk.services.ecs.model.ContainerDefinition::name).collect(Collectors.toCollection(TreeSet::new));
    Set<String> wanted = sizing.containers().stream().map(ContainerDefinition::name).collect(Collectors.toCollection(TreeSet::new));
    if (!liveNames.equals(wanted)) {
      throw ValidationException.of("containerDefinitions", wanted, "the containers of the latest revision of "
          + sizing.family() + ", " + liveNames + ", each with its new sizes");
    }
    Map<String, ContainerDefinition> byName = sizing.containers().stream()
        .collect(Collectors.toMap(ContainerDefinition::name, Function.identity()));
    RegisterTaskDefinitionRequest.Builder request = RegisterTaskDefinitionRequest.builder().family(live.family())
        .taskRoleArn(live.taskRoleArn()).executionRoleArn(live.executionRoleArn()).networkMode(live.networkMode())
        .containerDefinitions(live.containerDefinitions().stream().map(c -> {
          ContainerDefinition s = Checks.present("containerDefinitions", byName.get(c.name()), "a sizing for " + c.name());
          return c.toBuilder().cpu(s.cpu()).memory(s.memory()).memoryReservation(s.memoryReservation()).build();
        }).toList())
        .cpu(sizing.cpu() == null ? null : String.valueOf(sizing.cpu()))
        .memory(sizing.memory() == null ? null : String.valueOf(sizing.memory()))
        .pidMode(live.pidMode()).ipcMode(live.ipcMode()).proxyConfiguration(live.proxyConfiguration())
        .ephemeralStorage(live.ephemeralStorage()).runtimePlatform(live.runtimePlatform());
    if (live.hasVolumes()) {
      request.volumes(live.volumes());
    }
    if (live.hasPlacementConstraints()) {
      request.placementConstraints(live.placementConstraints());
    }
    if (live.hasRequiresCompatibilities()) {
      request.requiresCompatibilities(live.requiresCompatibilities());
    }
    if (live.hasInferenceAccelerators()) {
      request.inferenceAccelerators(live.inferenceAccelerators());
    }
    if (described.hasTags() && !described.tags().isEmpty()) {
      request.tags(described.tags());
    }
    String family = live.family();
    // RegisterTaskDefinition has no idempotency token: a retry after a lost answer makes another revision.
    // The live containers are copied as they are: their environment values and docker labels may hold secrets
    // (ECS does not mark them sensitive), so they never reach the audit trail or a dry-run plan.
    return ctx.gate().submit(Change.of("ecs:RegisterTaskDefinition", family, request.build(), ecs::registerTaskDefinition)
            .secret("value", "dockerLabels")
            .duplicatesOfRetries(Duplicates.<RegisterTaskDefinitionResponse>of(
                r -> r.taskDefinition().taskDefinitionArn(), () -> activeRevisions(family), this::deregister))
            .build())
        .map(r -> r.taskDefinition().taskDefinitionArn());
  }

  /** The family's active revisions (every page), each described for its registration time. */
  private List<Duplicates.Made<RegisterTaskDefinitionResponse>> activeRevisions(String family) {
    ListTaskDefinitionsRequest request = ListTaskDefinitionsRequest.builder().familyPrefix(family)
        .status(TaskDefinitionStatus.ACTIVE).build();
    List<String> arns = Reads.read("ecs:ListTaskDefinitions", family,
        () -> ecs.listTaskDefinitionsPaginator(request).taskDefinitionArns().stream()
            .filter(arn -> arn.contains(":task-definition/" + family + ":")).toList());
    return arns.stream().map(arn -> {
      var t = describe(arn).taskDefinition();
      // AWS always sends registeredAt; without it the revision number keeps the order.
      Instant at = t.registeredAt() != null ? t.registeredAt()
          : Instant.EPOCH.plusSeconds(t.revision() == null ? 0 : t.revision());
      return new Duplicates.Made<>(arn, at, RegisterTaskDefinitionResponse.builder().taskDefinition(t).build());
    }).toList();
  }

  private Change<?> deregister(String arn) {
    DeregisterTaskDefinitionRequest request = DeregisterTaskDefinitionRequest.builder().taskDefinition(arn).build();
    return Change.of("ecs:DeregisterTaskDefinition", arn, request, ecs::deregisterTaskDefinition).build();
  }
}
