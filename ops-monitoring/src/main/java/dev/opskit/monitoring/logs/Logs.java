package dev.opskit.monitoring.logs;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.Plan;
import dev.opskit.monitoring.logs.internal.LogsImpl;
import java.util.Collection;

/**
 * CloudWatch Logs operations: log groups as desired state in OpsKit's one vocabulary, and Logs Insights.
 *
 * <pre>{@code
 * Logs logs = Logs.using(ctx);
 * Plan plan = logs.plan(LogGroupPresets.guide());   // + create log group /aws/ecs/api-service ...
 * logs.apply(plan);
 * List<GuideQueries.CountPerBin> errors = logs.insights().run(GuideQueries.ERROR_PATTERNS, range, "/aws/ecs/api-service");
 * }</pre>
 */
public interface Logs extends DesiredState<LogGroupDefinition> {

  /**
   * The log operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static Logs using(OpsContext ctx) {
    return LogsImpl.of(ctx);
  }

  /**
   * Compares each definition with the live group (DescribeLogGroups): a missing group is a create
   * (CreateLogGroup, then PutRetentionPolicy), a different retention an update ({@code retentionInDays}:
   * PutRetentionPolicy, or DeleteRetentionPolicy to never expire). Deletes nothing.
   *
   * @param definitions the log groups, with unique names
   * @return the plan, in the order of the definitions
   * @throws dev.opskit.core.ValidationException for duplicate names, before any call
   */
  @Override
  Plan plan(Collection<? extends LogGroupDefinition> definitions);

  /**
   * Like {@link #plan(Collection)}, and also deletes the live groups of the scope (name prefix and marker tag)
   * that are not defined; groups created by this plan get the scope's tag. Groups without the tag are never
   * deleted.
   *
   * @param definitions the log groups
   * @param scope which groups are managed
   * @return the plan
   * @throws dev.opskit.core.ValidationException for duplicate names or a definition outside the scope's prefix
   */
  Plan plan(Collection<? extends LogGroupDefinition> definitions, LogGroupScope scope);

  /**
   * Makes exactly the plan's changes through the gate; in a dry run nothing is sent.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done
   * @throws dev.opskit.core.change.PartialApplyException when a change fails part-way
   */
  @Override
  ApplyResult apply(Plan plan);

  /** {@return the Logs Insights runner with {@link InsightsSettings#DEFAULTS}} */
  InsightsRunner insights();

  /**
   * The Logs Insights runner with settings. The concurrency limit is the context's: every runner of this
   * context shares it (the last settings given set its size).
   *
   * @param settings the settings
   * @return the runner
   */
  InsightsRunner insights(InsightsSettings settings);
}
