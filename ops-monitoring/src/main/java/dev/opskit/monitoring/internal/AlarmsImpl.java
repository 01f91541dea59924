package dev.opskit.monitoring.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.alarm.AlarmHistoryItem;
import dev.opskit.monitoring.alarm.AlarmHistoryQuery;
import dev.opskit.monitoring.alarm.AlarmHistoryType;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.alarm.PausedActions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/** {@link Alarms} on a CloudWatch client; every change through the context's gate. */
public final class AlarmsImpl implements Alarms {
  static final int BATCH = 100;

  private final OpsContext ctx;
  private final CloudWatchClient cloudWatch;
  private final LiveAlarms live;
  private final AlarmPlanner planner;

  /**
   * Binds to a client.
   *
   * @param ctx the context (gate, default tags, clock)
   * @param cloudWatch the client
   */
  public AlarmsImpl(OpsContext ctx, CloudWatchClient cloudWatch) {
    this.ctx = ctx;
    this.cloudWatch = cloudWatch;
    this.live = new LiveAlarms(cloudWatch);
    this.planner = new AlarmPlanner(cloudWatch, live, ctx.defaultTags());
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
  public Plan plan(Collection<? extends AlarmSpec> definitions) {
    return planner.plan(definitions, null);
  }

  @Override
  public Plan plan(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy) {
    return planner.plan(definitions, Checks.present("managedBy", managedBy, "a ManagedBy marker (tag or prefix)"));
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return PlanApplier.apply(ctx.gate(), plan);
  }

  @Override
  public Stream<AlarmStatus> list() {
    return live.all().map(LiveAlarm::status);
  }

  @Override
  public Optional<AlarmStatus> get(AlarmName name) {
    Checks.present("name", name, "an alarm name");
    for (LiveAlarm alarm : live.named(List.of(name.value()))) {
      if (alarm.name().equals(name.value())) {
        return Optional.of(alarm.status());
      }
    }
    return Optional.empty();
  }

  @Override
  public Stream<AlarmHistoryItem> history(AlarmHistoryQuery query) {
    Checks.present("query", query, "a history query");
    String name = query.alarmName().value();
    DescribeAlarmHistoryRequest.Builder request = DescribeAlarmHistoryRequest.builder().alarmName(name)
        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).startDate(query.since())
        .endDate(query.until().orElseGet(() -> ctx.clock().instant()))
        .scanBy(ScanBy.TIMESTAMP_DESCENDING).maxRecords(LiveAlarms.PAGE_SIZE);
    query.type().ifPresent(t -> request.historyItemType(t.value()));
    DescribeAlarmHistoryRequest r = request.build();
    return Reads.stream("cloudwatch:DescribeAlarmHistory", name, () ->
        cloudWatch.describeAlarmHistoryPaginator(r).alarmHistoryItems().stream()
            .map(i -> new AlarmHistoryItem(AlarmName.of(i.alarmName()), i.timestamp(),
                AlarmHistoryType.of(i.historyItemTypeAsString()), i.historySummary() == null ? "" : i.historySummary(),
                i.historyData())));
  }

  @Override
  public ChangeResult<AlarmName> setState(AlarmName name, AlarmState state, String reason) {
    Checks.present("name", name, "an alarm name");
    Checks.require(state != null && !state.isUnknown(), "state", state == null ? null : state.value(),
        "OK, ALARM or INSUFFICIENT_DATA");
    Checks.length("reason", reason, 0, 1023);
    SetAlarmStateRequest request = SetAlarmStateRequest.builder().alarmName(name.value()).stateValue(state.value())
        .stateReason(reason).build();
    return submit("cloudwatch:SetAlarmState", name.value(), request, cloudWatch::setAlarmState).map(r -> name);
  }

  @Override
  public List<ChangeResult<List<AlarmName>>> disableActions(Collection<AlarmName> names) {
    List<ChangeResult<List<AlarmName>>> out = new ArrayList<>();
    for (List<AlarmName> batch : Batches.of(unique(names), BATCH)) {
      List<String> texts = texts(batch);
      out.add(submit("cloudwatch:DisableAlarmActions", String.join(",", texts),
          DisableAlarmActionsRequest.builder().alarmNames(texts).build(), cloudWatch::disableAlarmActions)
          .map(r -> batch));
    }
    return out;
  }

  @Override
  public List<ChangeResult<List<AlarmName>>> enableActions(Collection<AlarmName> names) {
    List<ChangeResult<List<AlarmName>>> out = new ArrayList<>();
    for (List<AlarmName> batch : Batches.of(unique(names), BATCH)) {
      List<String> texts = texts(batch);
      out.add(submit("cloudwatch:EnableAlarmActions", String.join(",", texts),
          EnableAlarmActionsRequest.builder().alarmNames(texts).build(), cloudWatch::enableAlarmActions)
          .map(r -> batch));
    }
    return out;
  }

  @Override
  public PausedActions pauseActions(Collection<AlarmName> names) {
    List<AlarmName> wanted = unique(names);
    Map<String, LiveAlarm> found = new LinkedHashMap<>();
    live.named(texts(wanted)).forEach(a -> found.put(a.name(), a));
    List<String> missing = texts(wanted).stream().filter(n -> !found.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw new ResourceNotFoundException("no such alarms: " + missing + "; nothing was disabled.",
          "cloudwatch:DisableAlarmActions", String.join(",", missing), null);
    }
    Set<AlarmName> enabled = new LinkedHashSet<>();
    wanted.stream().filter(n -> {
      LiveAlarm alarm = found.get(n.value());
      return alarm != null && alarm.actionsEnabled();
    }).forEach(enabled::add);
    disableActions(enabled);
    return new Paused(Collections.unmodifiableSet(enabled));
  }

  private <Q, R> ChangeResult<R> submit(String operation, String target, Q request, Function<Q, R> call) {
    return ctx.gate().submit(Change.of(operation, target, request, call).build());
  }

  private static List<AlarmName> unique(Collection<AlarmName> names) {
    return List.copyOf(new LinkedHashSet<>(Checks.list("names", names, "alarm names")));
  }

  private static List<String> texts(Collection<AlarmName> names) {
    return names.stream().map(AlarmName::value).toList();
  }

  /** Enables exactly the alarms it disabled, once. */
  private final class Paused implements PausedActions {
    private final Set<AlarmName> paused;
    private boolean closed;

    Paused(Set<AlarmName> paused) {
      this.paused = paused;
    }

    @Override
    public Set<AlarmName> alarms() {
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
