package dev.opskit.security.patch;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SSM patching: the guide's patch baseline, the {@code AWS-RunPatchBaseline} scan, and patch compliance.
 *
 * <pre>{@code
 * Patching patching = Patching.using(ctx);
 * patching.baselines().apply(List.of(PatchBaselineDefinition.prodPatchBaseline(PatchRules.fromJson(rulesJson))));
 * String commandId = patching.scan(PatchTargets.tag("Environment", "production")).orElseThrow();
 * List<InstanceInvocation> done = patching.awaitCommand(commandId, Duration.ofMinutes(30)).orElseThrow();
 * }</pre>
 */
public interface Patching {

  /** The document the guide's scan runs. */
  String RUN_PATCH_BASELINE = "AWS-RunPatchBaseline";

  /**
   * The operations on the context's SSM client.
   *
   * @param ctx the context
   * @return the operations
   */
  static Patching using(OpsContext ctx) {
    return new PatchingImpl(ctx, ctx.client(SsmClient.class, SsmClient::builder));
  }

  /**
   * Patch baselines as desired state, by name among the account's own baselines: {@code plan} reads {@code
   * DescribePatchBaselines} and {@code GetPatchBaseline} and compares the approval rules, the description
   * (when the definition has one) and the operating system; {@code apply} creates ({@code
   * CreatePatchBaseline}), updates ({@code UpdatePatchBaseline}) or, for another operating system, which AWS
   * cannot change, deletes and creates again. Baselines not defined are never deleted.
   *
   * @return the desired-state operations
   */
  DesiredState<PatchBaselineDefinition> baselines();

  /**
   * The guide's {@code send-command --document-name AWS-RunPatchBaseline --parameters Operation=Scan}, through
   * the gate. {@code SendCommand} has no idempotency token, so the command's comment carries a mark of this call:
   * when an answer was lost and the SDK sent the command again, the gate finds this call's extra commands by
   * that mark ({@code ListCommands}) and cancels them ({@code CancelCommand}, audited); others' commands are
   * never touched.
   *
   * @param targets where (at most 5 targets or 50 instance ids, checked when the targets were made)
   * @return the command id, or a plan in a dry run
   */
  ChangeResult<String> scan(PatchTargets targets);

  /**
   * Waits for every invocation of a command within the caller's budget (the SDK's waiter gives up after 100
   * seconds, too soon for patching), polling {@code ListCommands} (the command's status and target count) and
   * {@code ListCommandInvocations} (every page, with output) with the context's poller. It is done when every
   * invocation has finished and the command has too, or as many have finished as it has targets. An
   * invocation SSM has not listed yet counts as not started, never as failed.
   *
   * @param commandId the command, as {@link #scan} answered
   * @param budget how long to wait at most (1 second to 2 days)
   * @return every invocation finished, or a typed timeout naming the instances still running
   * @throws dev.opskit.core.ValidationException for a bad argument, before any call
   */
  CommandOutcome awaitCommand(String commandId, Duration budget);

  /**
   * The patch state of instances ({@code DescribeInstancePatchStates}, 50 ids per call, every page).
   *
   * @param instanceIds the instances
   * @return their states, for the instances SSM knows
   * @throws dev.opskit.core.ValidationException for a bad id, before any call
   */
  List<InstancePatchCompliance> compliance(Collection<String> instanceIds);
}
