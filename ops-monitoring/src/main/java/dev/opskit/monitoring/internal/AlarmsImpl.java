package dev.opskit.monitoring.internal;

import dev.opskit.core.Reads;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.monitoring.alarm.AlarmApplyException;
import dev.opskit.monitoring.alarm.AlarmChange;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmDrift;
import dev.opskit.monitoring.alarm.AlarmHistoryItem;
import dev.opskit.monitoring.alarm.AlarmPlan;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ApplyResult;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.MaintenanceWindow;
import dev.opskit.monitoring.alarm.ManagedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** {@link Alarms} on a context's CloudWatch client; every change through the gate. */
public final class AlarmsImpl implements Alarms {
  static final int BATCH = 100;

  private final OpsContext ctx;
  private final CloudWatchClient cloudWatch;
  private final LiveAlarms live;
  private final AlarmPlanner planner;

  /**
   * Binds to a client.
   *
   * @param ctx the context (gate, default tags)
   * @param cloudWatch the client
   */
  public AlarmsImpl(OpsContext ctx, CloudWatchClient cloudWatch) {
    this.ctx = ctx;
    this.cloudWatch = cloudWatch;
    this.live = new LiveAlarms(cloudWatch);
    this.planner = new AlarmPlanner(live);
  }

  /**
   * The operations on the context's own CloudWatch client.
   *
   * @param ctx the context
   * @return the operations
   */
  public static Alarms of(OpsContext ctx) {
    return new AlarmsImpl(ctx, ctx.client(CloudWatchClient.class, CloudWatchClient::builder));
  }

  @Override
  public AlarmPlan plan(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy) {
    return planner.plan(definitions, managedBy);
  }

  @Override
  public ApplyResult apply(AlarmPlan plan) {
    List<Supplier<PlannedCall>> steps = new ArrayList<>();
    Set<String> creates = plan.creates().stream().map(AlarmChange::name).collect(Collectors.toSet());
    List<AlarmSpec> puts = plan.changes().stream().filter(c -> !(c instanceof AlarmChange.Delete))
        .map(c -> c instanceof AlarmChange.Create create ? create.definition() : ((AlarmChange.Update) c).definition())
        .collect(Collectors.toList());
    List<AlarmSpec> ordered = new ArrayList<>();
    puts.stream().filter(AlarmDefinition.class::isInstance).forEach(ordered::add);
    ordered.addAll(CompositeOrder.referencedFirst(puts.stream().filter(CompositeAlarmDefinition.class::isInstance)
        .map(CompositeAlarmDefinition.class::cast).collect(Collectors.toList())));
    for (AlarmSpec spec : ordered) {
      Map<String, String> tags = creates.contains(spec.name()) ? createTags(spec, plan.managedBy()) : Map.of();
      steps.add(() -> put(spec, tags));
    }
    for (boolean composite : List.of(true, false)) {
      List<String> names = plan.deletes().stream().filter(d -> d.composite() == composite)
          .map(AlarmChange.Delete::name).collect(Collectors.toList());
      for (List<String> batch : Batches.of(names, BATCH)) {
        steps.add(() -> submit("cloudwatch:DeleteAlarms", String.join(",", batch),
            DeleteAlarmsRequest.builder().alarmNames(batch).build(), cloudWatch::deleteAlarms));
      }
    }
    List<PlannedCall> calls = new ArrayList<>();
    for (Supplier<PlannedCall> step : steps) {
      try {
        calls.add(step.get());
      } catch (OpsException e) {
        throw new AlarmApplyException(calls, steps.size(), e);
      }
    }
    return new ApplyResult(plan, ctx.isDryRun(), calls);
  }

  private Map<String, String> createTags(AlarmSpec spec, ManagedBy managedBy) {
    Map<String, String> tags = new LinkedHashMap<>(ctx.defaultTags());
    tags.putAll(spec.tags());
    tags.putAll(managedBy.markerTags());
    return tags;
  }

  private PlannedCall put(AlarmSpec spec, Map<String, String> tags) {
    if (spec instanceof AlarmDefinition d) {
      return submit("cloudwatch:PutMetricAlarm", d.name(), SdkAlarms.putRequest(d, tags), cloudWatch::putMetricAlarm);
    }
    CompositeAlarmDefinition c = (CompositeAlarmDefinition) spec;
    return submit("cloudwatch:PutCompositeAlarm", c.name(), SdkAlarms.putRequest(c, tags),
        cloudWatch::putCompositeAlarm);
  }

  private <Q, R> PlannedCall submit(String operation, String target, Q request, Function<Q, R> call) {
    return ctx.gate().submit(Change.of(operation, target, request, call).build()).call();
  }

  @Override
  public List<AlarmDrift> drift(Collection<? extends AlarmSpec> definitions) {
    return planner.drift(definitions);
  }

  @Override
  public List<AlarmStatus> list() {
    return live.all().stream().map(LiveAlarm::status).collect(Collectors.toList());
  }

  @Override
  public Optional<AlarmStatus> get(String name) {
    Check.alarmName("name", name);
    return live.named(List.of(name)).stream().filter(a -> a.name().equals(name)).findFirst().map(LiveAlarm::status);
  }

  @Override
  public List<AlarmHistoryItem> history(String name, Instant since) {
    Check.alarmName("name", name);
    Check.require(since != null, "since", null, "an instant");
    DescribeAlarmHistoryRequest request = DescribeAlarmHistoryRequest.builder().alarmName(name)
        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).startDate(since).endDate(ctx.clock().instant())
        .scanBy(ScanBy.TIMESTAMP_DESCENDING).maxRecords(LiveAlarms.PAGE_SIZE).build();
    return Reads.read("cloudwatch:DescribeAlarmHistory", name, () ->
        cloudWatch.describeAlarmHistoryPaginator(request).alarmHistoryItems().stream()
            .map(i -> new AlarmHistoryItem(i.alarmName(), i.timestamp(),
                i.historyItemType() == null ? HistoryItemType.UNKNOWN_TO_SDK_VERSION : i.historyItemType(),
                i.historySummary() == null ? "" : i.historySummary(), i.historyData()))
            .collect(Collectors.toList()));
  }

  @Override
  public void setState(String name, StateValue state, String reason) {
    Check.alarmName("name", name);
    Check.require(state != null && state != StateValue.UNKNOWN_TO_SDK_VERSION, "state", state, "OK, ALARM or INSUFFICIENT_DATA");
    Check.length("reason", reason, 0, 1023);
    submit("cloudwatch:SetAlarmState", name,
        SetAlarmStateRequest.builder().alarmName(name).stateValue(state).stateReason(reason).build(),
        cloudWatch::setAlarmState);
  }

  @Override
  public void disableActions(Collection<String> names) {
    for (List<String> batch : Batches.of(validNames(names), BATCH)) {
      submit("cloudwatch:DisableAlarmActions", String.join(",", batch),
          DisableAlarmActionsRequest.builder().alarmNames(batch).build(), cloudWatch::disableAlarmActions);
    }
  }

  @Override
  public void enableActions(Collection<String> names) {
    for (List<String> batch : Batches.of(validNames(names), BATCH)) {
      submit("cloudwatch:EnableAlarmActions", String.join(",", batch),
          EnableAlarmActionsRequest.builder().alarmNames(batch).build(), cloudWatch::enableAlarmActions);
    }
  }

  @Override
  public MaintenanceWindow maintenance(Collection<String> names) {
    List<String> wanted = validNames(names);
    Map<String, LiveAlarm> found = new LinkedHashMap<>();
    live.named(wanted).forEach(a -> found.put(a.name(), a));
    List<String> missing = wanted.stream().filter(n -> !found.containsKey(n)).collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new ResourceNotFoundException("no such alarms: " + missing + "; nothing was disabled.",
          "cloudwatch:DisableAlarmActions", String.join(",", missing), null);
    }
    Set<String> enabled = found.values().stream().filter(LiveAlarm::actionsEnabled).map(LiveAlarm::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    disableActions(enabled);
    return new Window(java.util.Collections.unmodifiableSet(enabled));
  }

  private static List<String> validNames(Collection<String> names) {
    names.forEach(n -> Check.alarmName("names", n));
    return List.copyOf(new LinkedHashSet<>(names));
  }

  /** Enables exactly the alarms it disabled, once. */
  private final class Window implements MaintenanceWindow {
    private final Set<String> paused;
    private boolean closed;

    Window(Set<String> paused) {
      this.paused = paused;
    }

    @Override
    public Set<String> paused() {
      return paused;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        enableActions(paused);
        closed = true;
      }
    }
  }
}
