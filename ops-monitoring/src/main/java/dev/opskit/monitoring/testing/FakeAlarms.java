package dev.opskit.monitoring.testing;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.alarm.AlarmHistoryItem;
import dev.opskit.monitoring.alarm.AlarmHistoryQuery;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.AlarmStatus;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.alarm.PausedActions;
import dev.opskit.monitoring.internal.AlarmsImpl;
import dev.opskit.monitoring.internal.InMemoryCloudWatch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * {@link Alarms} in memory, for tests of code that manages alarms, without AWS or an emulator.
 *
 * <pre>{@code
 * FakeAlarms alarms = FakeAlarms.using(ctx);                   // any context: none of its clients is used
 * myCode.configureAlerting(alarms);
 * assertThat(alarms.plan(expected, ManagedBy.tag("managed-by", "opskit")).isEmpty()).isTrue();
 * Alarms dryRun = alarms.withContext(ctx.withDryRun(true)); // the same alarms, seen through a dry run
 * }</pre>
 *
 * <p>What is faked is CloudWatch, not OpsKit: the real planning, diffing, ordering, batching and gate run
 * on an in-memory CloudWatch that keeps AWS's rules OpsKit relies on (a new alarm is
 * {@code INSUFFICIENT_DATA}; tags are taken on create and ignored on update, so an unmanaged alarm stays
 * unmanaged and is never deleted; DeleteAlarms takes at most 100 names and one composite alarm; a composite
 * alarm's rule must name existing alarms; missing alarms are {@code ResourceNotFound} where AWS says so). So
 * plans, dry runs, audit events and {@link dev.opskit.core.change.PartialApplyException}s are the real ones;
 * the context's gate decides dry run and audit as it would against AWS.
 *
 * <p>It lives in ops-monitoring's {@code testing} package rather than in ops-test because ops-monitoring's
 * own tests depend on ops-test (Maven forbids the cycle). It stays honest by passing the same contract test
 * as {@code Alarms.using(ctx)} against moto ({@code MonitoringContractIT}). Thread-safe.
 */
public final class FakeAlarms implements Alarms {
  private final InMemoryCloudWatch cloudWatch;
  private final Alarms alarms;

  private FakeAlarms(OpsContext ctx, InMemoryCloudWatch cloudWatch) {
    this.cloudWatch = cloudWatch;
    this.alarms = new AlarmsImpl(ctx, cloudWatch);
  }

  /**
   * Empty fake alarms whose changes go through the context's gate (dry run, audit, default tags).
   *
   * @param ctx the context; its region names the ARNs and its clock times the states
   * @return the fake
   */
  public static FakeAlarms using(OpsContext ctx) {
    Checks.present("ctx", ctx, "a context");
    return new FakeAlarms(ctx, new InMemoryCloudWatch(ctx.region(), ctx.clock()));
  }

  /**
   * The same alarms through another context, such as {@code ctx.withDryRun(true)}.
   *
   * @param ctx the context
   * @return a fake sharing this one's alarms
   */
  public FakeAlarms withContext(OpsContext ctx) {
    return new FakeAlarms(Checks.present("ctx", ctx, "a context"), cloudWatch);
  }

  /**
   * The tags CloudWatch holds for an alarm (those it was created with), which {@link Alarms} does not read.
   *
   * @param name the alarm
   * @return its tags, in order; empty when there is no such alarm
   */
  public Map<String, String> tags(AlarmName name) {
    Checks.present("name", name, "an alarm name");
    if (alarms.get(name).isEmpty()) {
      return Map.of();
    }
    return cloudWatch.listTagsForResource(ListTagsForResourceRequest.builder()
            .resourceARN(cloudWatch.alarmArn(name.value())).build())
        .tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b, java.util.LinkedHashMap::new));
  }

  @Override
  public Plan plan(Collection<? extends AlarmSpec> definitions) {
    return alarms.plan(definitions);
  }

  @Override
  public Plan plan(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy) {
    return alarms.plan(definitions, managedBy);
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return alarms.apply(plan);
  }

  @Override
  public Stream<AlarmStatus> list() {
    return alarms.list();
  }

  @Override
  public Optional<AlarmStatus> get(AlarmName name) {
    return alarms.get(name);
  }

  @Override
  public Stream<AlarmHistoryItem> history(AlarmHistoryQuery query) {
    return alarms.history(query);
  }

  @Override
  public ChangeResult<AlarmName> setState(AlarmName name, AlarmState state, String reason) {
    return alarms.setState(name, state, reason);
  }

  @Override
  public List<ChangeResult<List<AlarmName>>> disableActions(Collection<AlarmName> names) {
    return alarms.disableActions(names);
  }

  @Override
  public List<ChangeResult<List<AlarmName>>> enableActions(Collection<AlarmName> names) {
    return alarms.enableActions(names);
  }

  @Override
  public PausedActions pauseActions(Collection<AlarmName> names) {
    return alarms.pauseActions(names);
  }

  @Override
  public String toString() {
    return "FakeAlarms (in memory)";
  }
}
