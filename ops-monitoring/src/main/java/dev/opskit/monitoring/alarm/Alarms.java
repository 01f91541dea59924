package dev.opskit.monitoring.alarm;

import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.internal.AlarmsImpl;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * CloudWatch alarms as code. {@link #define} and {@link #defineComposite} make definitions (values, no
 * I/O); {@link #using} gives the operations bound to a context:
 *
 * <pre>{@code
 * Alarms alarms = Alarms.using(ctx);
 * AlarmPlan plan = alarms.plan(AlarmPresets.guide(), ManagedBy.tag("managed-by", "opskit"));
 * System.out.println(plan.render());
 * alarms.apply(plan);                    // in a dry-run context: only planned and audited
 * }</pre>
 *
 * <p>Every change goes through the context's gate (dry run, audit); every read pages through all of
 * DescribeAlarms and maps SDK errors to OpsKit exceptions.
 */
public interface Alarms {

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
   * Starts a composite alarm definition.
   *
   * @param name the alarm name
   * @return a builder
   */
  static CompositeAlarmDefinition.Builder defineComposite(String name) {
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
   * Compares the definitions with the live alarms: what to create, what to update (field by field), what
   * to delete (live alarms that {@code managedBy} marks and no definition names) and what is unchanged.
   * Reads every page of DescribeAlarms (metric and composite alarms), and the tags of undefined live
   * alarms when the marker is a tag. Tags of existing alarms are not compared, and an existing alarm that
   * lacks the marker is updated but not re-tagged (AWS ignores tags when an alarm is updated), so it stays
   * unmanaged and is never deleted by a later plan.
   *
   * @param definitions the desired alarms, with unique names
   * @param managedBy how managed alarms are recognised
   * @return the plan
   * @throws dev.opskit.core.ValidationException for duplicate names, or names without the prefix of a
   *     prefix marker
   */
  AlarmPlan plan(Collection<? extends AlarmSpec> definitions, ManagedBy managedBy);

  /**
   * Makes exactly the plan's changes through the gate: PutMetricAlarm for metric alarms, then
   * PutCompositeAlarm, then DeleteAlarms in batches of at most 100 names (composite alarms first).
   * Created alarms are tagged with the context's default tags and the plan's marker. In a dry run nothing
   * is sent and the result lists the calls that would be made.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done
   */
  ApplyResult apply(AlarmPlan plan);

  /**
   * The defined alarms that are missing or differ from their definitions.
   *
   * @param definitions the desired alarms
   * @return the drift, in the order of the definitions; empty when everything is as defined
   */
  List<AlarmDrift> drift(Collection<? extends AlarmSpec> definitions);

  /**
   * Every live alarm (metric and composite, all pages) with its state and reason.
   *
   * @return the alarms
   */
  List<AlarmStatus> list();

  /**
   * One live alarm.
   *
   * @param name the alarm name
   * @return the alarm, or empty when there is none
   */
  Optional<AlarmStatus> get(String name);

  /**
   * The history of an alarm since a time (all pages of DescribeAlarmHistory), newest first: state
   * changes (such as a drill's), configuration changes and actions run.
   *
   * @param name the alarm
   * @param since the earliest entry wanted
   * @return the entries
   */
  List<AlarmHistoryItem> history(String name, Instant since);

  /**
   * Sets an alarm's state until its next evaluation, for incident drills (SetAlarmState, through the gate).
   *
   * @param name the alarm
   * @param state the state to set
   * @param reason why, up to 1023 characters
   */
  void setState(String name, StateValue state, String reason);

  /**
   * Disables the actions of alarms (DisableAlarmActions in batches of 100, through the gate).
   *
   * @param names the alarms
   */
  void disableActions(Collection<String> names);

  /**
   * Enables the actions of alarms (EnableAlarmActions in batches of 100, through the gate).
   *
   * @param names the alarms
   */
  void enableActions(Collection<String> names);

  /**
   * Starts a maintenance window: disables the actions of those of {@code names} whose actions are enabled
   * now, and enables exactly those when the window is closed.
   *
   * @param names the alarms to quiet
   * @return the window; close it (try-with-resources) to restore
   * @throws dev.opskit.core.ResourceNotFoundException when one of the alarms does not exist
   */
  MaintenanceWindow maintenance(Collection<String> names);
}
