package dev.opskit.monitoring.scaling;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.Plan;
import dev.opskit.monitoring.scaling.internal.ScalingImpl;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Application Auto Scaling as desired state, in core's vocabulary ({@link DesiredState}):
 *
 * <pre>{@code
 * Scaling scaling = Scaling.using(ctx);
 * List<ScalingDefinition> wanted = List.of(ScalingPresets.userSessionsRead(), ScalingPresets.apiServiceDesiredCount());
 * System.out.println(scaling.plan(wanted).render());
 * scaling.apply(wanted);                    // RegisterScalableTarget, PutScalingPolicy through the gate
 * }</pre>
 *
 * <p>Per definition the plan has one change for the scalable target (create: RegisterScalableTarget;
 * update: the differing {@code MinCapacity}/{@code MaxCapacity}, sent again with RegisterScalableTarget), one per
 * policy (create or update field by field: PutScalingPolicy), and, with a {@link ManagedPolicies} marker, one
 * DeleteScalingPolicy per managed live policy of the target that no definition names. Scalable targets are
 * never deregistered.
 */
public interface Scaling extends DesiredState<ScalingDefinition> {

  /**
   * The operations of a context.
   *
   * @param ctx the context
   * @return the operations
   */
  static Scaling using(OpsContext ctx) {
    return ScalingImpl.of(ctx);
  }

  /**
   * Compares the definitions with the live targets and policies; deletes nothing.
   *
   * @param definitions the definitions, one per (resource id, dimension)
   * @return the plan
   * @throws dev.opskit.core.ValidationException for two definitions of the same target
   */
  @Override
  Plan plan(Collection<? extends ScalingDefinition> definitions);

  /**
   * Compares the definitions with the live targets and policies, and deletes the managed policies of the
   * defined targets that no definition names.
   *
   * @param definitions the definitions
   * @param managed which live policies are OpsKit's
   * @return the plan
   * @throws dev.opskit.core.ValidationException for two definitions of the same target
   */
  Plan plan(Collection<? extends ScalingDefinition> definitions, ManagedPolicies managed);

  /**
   * Makes exactly the plan's changes through the gate.
   *
   * @param plan a plan from {@link #plan}
   * @return what was done
   * @throws dev.opskit.core.change.PartialApplyException when a call fails part-way
   */
  @Override
  ApplyResult apply(Plan plan);

  /**
   * Reads a live scalable target and its target-tracking policies back as a definition (every page of
   * DescribeScalableTargets and DescribeScalingPolicies). Policies of other types are left out.
   *
   * @param dimension the dimension
   * @param resourceId the resource id, validated against the dimension before any call
   * @return the definition, or empty when the target is not registered
   */
  Optional<ScalingDefinition> read(ScalableDimension dimension, String resourceId);

  /**
   * The scaling activities of a target, newest first (every page of DescribeScalingActivities).
   *
   * @param dimension the dimension
   * @param resourceId the resource id, validated against the dimension before any call
   * @return the activities, newest first
   */
  List<ScalingActivity> activities(ScalableDimension dimension, String resourceId);
}
