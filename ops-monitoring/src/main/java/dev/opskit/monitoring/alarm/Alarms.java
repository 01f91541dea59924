package dev.opskit.monitoring.alarm;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.Plan;
import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.internal.AlarmsImpl;
import dev.opskit.monitoring.internal.Inputs;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * CloudWatch alarms as code, in OpsKit's one desired-state vocabulary ({@link DesiredState}: a {@link Plan}
 * of resource changes, {@link ApplyResult}, drift). {@link #define} and {@link #defineComposite} make
 * definitions (values, no I/O); {@link #using} gives the operations bound to a context:
 *
 * <pre>{@code
 * Alarms alarms = Alarms.using(ctx);
 * Plan plan = alarms.plan(AlarmPresets.guide(), ManagedBy.tag("managed-by", "opskit"));
 * System.out.println(plan.render());
 * ApplyResult result = alarms.apply(plan);     // in a dry-run context: only ChangeResult.Planned results
 * }</pre>
 *
 * <p>Every change goes through the context's gate (dry run, audit); every read maps SDK errors to OpsKit
 * exceptions. A part-way failure of {@link #apply(Plan)} is a
 * {@link dev.opskit.core.change.PartialApplyException} listing what was applied, what failed and what was
 * not attempted; planning again shows exactly what is left.
 */
public interface Alarms extends DesiredState<AlarmSpec> {

  /**
   * Starts a metric alarm definition.
   *
   * @param name the alarm name, such as {@code HighCPUUtilization}
   * @return a builder
   */
  static AlarmDefinition.Builder define(String name) {
    return AlarmDefinition.builder(name);
  }

  /**
   * Starts a metric alarm definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  static AlarmDefinition.Builder define(AlarmName name) {
    return AlarmDefinition.builder(name);
  }

  /**
   * Starts a composite alarm definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  static CompositeAlarmDefinition.Builder defineComposite(String name) {
    return CompositeAlarmDefinition.builder(name);
  }

  /**
   * Starts a composite alarm definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  static CompositeAlarmDefinition.Builder defineComposite(AlarmName name) {
    return CompositeAlarmDefinition.builder(name);
  }

  /**
   * The alarm operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static Alarms using(OpsContext ctx) {
    return AlarmsImpl.of(ctx);
  }

  /**
   * Compares the definitions with the live alarms of the same names: what to create, what to update (field
   * by field, with PutMetricAlarm's member names) and what is unchanged. Deletes nothing: without a
   * {@link ManagedBy} marker no live alarm is known to be OpsKit's (use {@link #plan(Collection, ManagedBy)}).
   * Reads DescribeAlarms for the defined names only. Created alarms get the context's default tags and the
   * definition's tags. In the plan, metric alarms come first, then composite alarms after the composite
   * alarms their rules name.
   *
   * @param definitions the desired alarms, with unique names
   * @return the plan
   * @throws dev.opskit.core.ValidationException for duplicate names
   */
  @Override
  Plan plan(Collection<? extends AlarmSpec> definitions);

  /**
   * Compares the definitions with every live alarm: what to create, what to update (field by field), what
   * to delete (live alarms that {@code managedBy} marks and no definition names) and what is unchanged.
   * Reads every page of DescribeAlarms (metric and composite alarms), and the tags of undefined live alarms
   * when the marker is a tag. Tags of existing alarms are not compared, and an existing alarm that lacks the
   * marker is updated but not re-tagged (AWS ignores tags when an alarm is updated), so it stays unmanaged
   * and is never deleted by a later plan. Created alarms get the context's default tags, the definition's
   * tags and the marker.
   *
   * <p>Deletes come last: each composite alarm in a DeleteAlarms call of its own (AWS deletes at most one
   * composite alarm per call), those that name others first, then the metric alarms in batches of at most
   * 100 names; the alarms of one batch share that one call.
   *
   * @param definitions the desired alarms, with unique names
   * @param managedBy how managed alarms are recognised
   * @return the plan
   * @throws dev.opskit.core.ValidationException for duplicate names, or names without the prefix of a
   *     prefix marker
   */
  Plan plan(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy);

  /**
   * Makes exactly the plan's changes through the gate, in plan order: PutMetricAlarm, PutCompositeAlarm,
   * DeleteAlarms (each call once, also when a batch deletes several alarms). In a dry run nothing is sent and
   * every result is a {@link ChangeResult.Planned}.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done
   * @throws dev.opskit.core.change.PartialApplyException when a call fails: what was applied, what failed,
   *     what was not attempted (nothing is rolled back; plan again to see what is left)
   */
  @Override
  ApplyResult apply(Plan plan);

  /**
   * Plans with a marker and applies in one step.
   *
   * @param definitions the desired alarms
   * @param managedBy how managed alarms are recognised
   * @return what was done
   */
  default ApplyResult apply(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy) {
    return apply(plan(definitions, managedBy));
  }

  /**
   * Where live alarms differ from the definitions, including the managed alarms no definition names (which a
   * plan would delete).
   *
   * @param definitions the desired alarms
   * @param managedBy how managed alarms are recognised
   * @return the drift: the plan without its unchanged alarms
   */
  default Plan drift(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy) {
    return plan(definitions, managedBy).drift();
  }

  /**
   * Every live alarm (metric and composite) with its state and reason, read page by page as the stream is
   * consumed (constant memory). Close the stream (try-with-resources) when it is not consumed to the end.
   *
   * @return the alarms, lazily
   */
  Stream<AlarmStatus> list();

  /**
   * One live alarm.
   *
   * @param name the alarm
   * @return the alarm, or empty when there is none
   */
  Optional<AlarmStatus> get(AlarmName name);

  /**
   * One live alarm, by name.
   *
   * @param alarmName the alarm name
   * @return the alarm, or empty when there is none
   * @throws dev.opskit.core.ValidationException when it is not a valid alarm name, before any call
   */
  default Optional<AlarmStatus> get(String alarmName) {
    return get(AlarmName.of(alarmName));
  }

  /**
   * The history of an alarm (DescribeAlarmHistory), newest first: state changes (such as a drill's),
   * configuration changes and actions run; read page by page as the stream is consumed. Close the stream
   * (try-with-resources) when it is not consumed to the end.
   *
   * @param query which alarm, since when, until when, which kind of entry
   * @return the entries, lazily
   */
  Stream<AlarmHistoryItem> history(AlarmHistoryQuery query);

  /**
   * The history of an alarm, the query given as a builder.
   *
   * @param query sets the query, such as {@code q -> q.alarmName("HighCPUUtilization").since(lastWeek)}
   * @return the entries, lazily
   */
  default Stream<AlarmHistoryItem> history(Consumer<AlarmHistoryQuery.Builder> query) {
    AlarmHistoryQuery.Builder b = AlarmHistoryQuery.builder();
    Checks.present("query", query, "a function setting the query").accept(b);
    return history(b.build());
  }

  /**
   * The history of an alarm since a time, up to now, every kind of entry.
   *
   * @param name the alarm
   * @param since the earliest entry wanted
   * @return the entries, lazily
   */
  default Stream<AlarmHistoryItem> history(AlarmName name, Instant since) {
    return history(AlarmHistoryQuery.builder().alarmName(name).since(since).build());
  }

  /**
   * The history of an alarm since a time, by name.
   *
   * @param alarmName the alarm name
   * @param since the earliest entry wanted
   * @return the entries, lazily
   */
  default Stream<AlarmHistoryItem> history(String alarmName, Instant since) {
    return history(AlarmName.of(alarmName), since);
  }

  /**
   * Sets an alarm's state until its next evaluation, for incident drills (SetAlarmState, through the gate).
   *
   * @param name the alarm
   * @param state {@link AlarmState#OK}, {@link AlarmState#ALARM} or {@link AlarmState#INSUFFICIENT_DATA}
   * @param reason why, up to 1023 characters
   * @return the alarm, applied or (in a dry run) planned
   * @throws dev.opskit.core.ResourceNotFoundException when there is no such alarm
   */
  ChangeResult<AlarmName> setState(AlarmName name, AlarmState state, String reason);

  /**
   * Sets an alarm's state, by name.
   *
   * @param alarmName the alarm name
   * @param state the state to set
   * @param reason why, up to 1023 characters
   * @return the alarm, applied or planned
   */
  default ChangeResult<AlarmName> setState(String alarmName, AlarmState state, String reason) {
    return setState(AlarmName.of(alarmName), state, reason);
  }

  /**
   * Disables the actions of alarms (DisableAlarmActions in batches of 100, through the gate).
   *
   * @param names the alarms
   * @return one result per call, each with the names of its batch
   */
  List<ChangeResult<List<AlarmName>>> disableActions(Collection<AlarmName> names);

  /**
   * Disables the actions of alarms, by name.
   *
   * @param alarmNames the alarm names
   * @return one result per call
   */
  default List<ChangeResult<List<AlarmName>>> disableActions(String... alarmNames) {
    return disableActions(names("alarmNames", alarmNames));
  }

  /**
   * Enables the actions of alarms (EnableAlarmActions in batches of 100, through the gate).
   *
   * @param names the alarms
   * @return one result per call, each with the names of its batch
   */
  List<ChangeResult<List<AlarmName>>> enableActions(Collection<AlarmName> names);

  /**
   * Enables the actions of alarms, by name.
   *
   * @param alarmNames the alarm names
   * @return one result per call
   */
  default List<ChangeResult<List<AlarmName>>> enableActions(String... alarmNames) {
    return enableActions(names("alarmNames", alarmNames));
  }

  /**
   * Pauses alarm actions for maintenance: disables the actions of those of {@code names} whose actions are
   * enabled now, and enables exactly those when the pause is closed.
   *
   * @param names the alarms to quiet
   * @return the pause; close it (try-with-resources) to restore
   * @throws dev.opskit.core.ResourceNotFoundException when one of the alarms does not exist (nothing is
   *     disabled then)
   */
  PausedActions pauseActions(Collection<AlarmName> names);

  /**
   * Pauses alarm actions for maintenance, by name.
   *
   * @param alarmNames the alarm names
   * @return the pause; close it to restore
   */
  default PausedActions pauseActions(String... alarmNames) {
    return pauseActions(names("alarmNames", alarmNames));
  }

  private static List<AlarmName> names(String field, String... names) {
    return Checks.elements(field, "alarm names", names).stream()
        .map(n -> Inputs.named(field, n, AlarmName::of)).toList();
  }
}
