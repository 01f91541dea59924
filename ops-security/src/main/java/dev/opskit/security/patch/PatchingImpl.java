package dev.opskit.security.patch;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.Duplicates;
import dev.opskit.core.value.Checks;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.WaitOutcome;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CancelCommandRequest;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandFilter;
import software.amazon.awssdk.services.ssm.model.CommandFilterKey;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandPlugin;
import software.amazon.awssdk.services.ssm.model.DescribeInstancePatchStatesRequest;
import software.amazon.awssdk.services.ssm.model.InstancePatchState;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsRequest;
import software.amazon.awssdk.services.ssm.model.ListCommandsRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;

/** {@link Patching} on an SSM client; every change through the gate. */
final class PatchingImpl implements Patching {
  private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9-]{36}");
  private static final java.util.Set<String> FINAL_COMMAND = java.util.Set.of("Success", "Cancelled", "Failed", "TimedOut");

  private final OpsContext ctx;
  private final SsmClient ssm;
  private final Supplier<String> marks;

  PatchingImpl(OpsContext ctx, SsmClient ssm) {
    this(ctx, ssm, () -> UUID.randomUUID().toString());
  }

  PatchingImpl(OpsContext ctx, SsmClient ssm, Supplier<String> marks) {
    this.ctx = ctx;
    this.ssm = ssm;
    this.marks = marks;
  }

  @Override
  public DesiredState<PatchBaselineDefinition> baselines() {
    return new PatchBaselines(ctx, ssm);
  }

  @Override
  public ChangeResult<String> scan(PatchTargets targets) {
    Checks.present("targets", targets, "targets, such as PatchTargets.tag(\"Environment\", \"production\")");
    // SendCommand has no idempotency token: a lost answer that the SDK sends again runs a second command. The
    // comment carries a mark of this call, so the gate can tell its duplicates from anyone else's commands and
    // cancel them (through the gate, audited).
    String comment = "OpsKit patch scan " + marks.get();
    SendCommandRequest.Builder request = SendCommandRequest.builder().documentName(RUN_PATCH_BASELINE)
        .parameters(Map.of("Operation", List.of("Scan"))).comment(comment);
    if (targets.instanceIds().isEmpty()) {
      request.targets(targets.sdkTargets());
    } else {
      request.instanceIds(targets.instanceIds());
    }
    return ctx.gate().submit(Change.of("ssm:SendCommand", targets.toString(), request.build(), ssm::sendCommand)
        .duplicatesOfRetries(Duplicates.of(r -> r.command().commandId(), () -> commandsWith(comment),
            id -> Change.of("ssm:CancelCommand", id, CancelCommandRequest.builder().commandId(id).build(),
                ssm::cancelCommand).build()))
        .build()).map(r -> r.command().commandId());
  }

  /** The patch-baseline commands of the last hour that carry this comment: the commands of one scan call. */
  private List<Duplicates.Made<SendCommandResponse>> commandsWith(String comment) {
    ListCommandsRequest request = ListCommandsRequest.builder().filters(
        CommandFilter.builder().key(CommandFilterKey.DOCUMENT_NAME).value(RUN_PATCH_BASELINE).build(),
        CommandFilter.builder().key(CommandFilterKey.INVOKED_AFTER)
            .value(ctx.clock().instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString()).build())
        .build();
    return ssm.listCommandsPaginator(request).stream().flatMap(page -> page.commands().stream())
        .filter(c -> comment.equals(c.comment()) && c.commandId() != null)
        .map(c -> new Duplicates.Made<>(c.commandId(),
            c.requestedDateTime() == null ? ctx.clock().instant() : c.requestedDateTime(),
            SendCommandResponse.builder().command(c).build()))
        .toList();
  }

  @Override
  public CommandOutcome awaitCommand(String commandId, Duration budget) {
    Checks.length("commandId", commandId, 36, 36);
    Checks.matches(COMMAND_ID, "commandId", commandId, "a command id of 36 characters, as SendCommand answers");
    Checks.duration("budget", budget, Duration.ofSeconds(1), Duration.ofDays(2), "1 second to 2 days");
    ListCommandInvocationsRequest request = ListCommandInvocationsRequest.builder().commandId(commandId).details(true)
        .maxResults(50).build();
    ListCommandsRequest command = ListCommandsRequest.builder().commandId(commandId).build();
    AtomicReference<List<InstanceInvocation>> last = new AtomicReference<>(List.of());
    WaitOutcome<List<InstanceInvocation>> outcome = ctx.poller("ssm:wait-command", commandId).timeout(budget)
        .interval(Duration.ofSeconds(5)).maxInterval(Duration.ofSeconds(30)).await(() -> {
          // The command's own status and target count say when every invocation is there: with tag targets SSM
          // lists invocations as it resolves and dispatches them, so "all listed ones finished" alone is not enough.
          Command sent = ssm.listCommands(command).commands().stream().findFirst().orElse(null);
          List<InstanceInvocation> seen = ssm.listCommandInvocationsPaginator(request).stream()
              .flatMap(page -> page.commandInvocations().stream()).map(PatchingImpl::invocation).toList();
          last.set(seen);
          if (seen.isEmpty()) {
            return PollResult.pending("no invocation listed yet");
          }
          long running = seen.stream().filter(i -> !i.status().isFinal()).count();
          int expected = sent == null || sent.targetCount() == null ? 0 : sent.targetCount();
          boolean commandDone = sent != null && FINAL_COMMAND.contains(sent.statusAsString());
          if (running == 0 && (commandDone || (expected > 0 && seen.size() >= expected))) {
            return PollResult.done(seen, "all " + seen.size() + " finished");
          }
          return PollResult.pending(running + " of " + seen.size() + " running"
              + (expected > seen.size() ? ", " + (expected - seen.size()) + " not listed yet" : ""));
        });
    if (outcome instanceof WaitOutcome.Done<List<InstanceInvocation>> done) {
      return new CommandOutcome.Completed(commandId, done.value(), done.polls(), done.elapsed());
    }
    List<InstanceInvocation> seen = java.util.Objects.requireNonNullElse(last.get(), List.of());
    List<String> running = seen.stream().filter(i -> !i.status().isFinal()).map(InstanceInvocation::instanceId).toList();
    return new CommandOutcome.TimedOut(commandId, seen, running, budget, outcome.polls(), outcome.elapsed());
  }

  static InstanceInvocation invocation(CommandInvocation i) {
    List<CommandPlugin> plugins = i.commandPlugins();
    Integer code = null;
    for (CommandPlugin p : plugins) {
      if (p.responseCode() != null && p.responseFinishDateTime() != null) {
        code = p.responseCode();
      }
    }
    String output = plugins.stream().map(p -> p.output() == null ? "" : p.output()).filter(o -> !o.isEmpty())
        .collect(Collectors.joining("\n"));
    InvocationStatus status = InvocationStatus.of(i.statusAsString());
    return new InstanceInvocation(i.instanceId() == null ? "unknown" : i.instanceId(), status, i.statusDetails(),
        status.isFinal() ? code : null, output);
  }

  @Override
  public List<InstancePatchCompliance> compliance(Collection<String> instanceIds) {
    List<String> ids = Checks.list("instanceIds", instanceIds, "instance ids");
    List<InstancePatchCompliance> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += PatchTargets.MAX_INSTANCES) {
      List<String> batch = ids.subList(i, Math.min(ids.size(), i + PatchTargets.MAX_INSTANCES));
      PatchTargets.checkInstanceIds(batch);
      DescribeInstancePatchStatesRequest request = DescribeInstancePatchStatesRequest.builder().instanceIds(batch)
          .maxResults(50).build();
      out.addAll(Reads.read("ssm:DescribeInstancePatchStates", String.join(",", batch), () -> ssm
          .describeInstancePatchStatesPaginator(request).stream().flatMap(p -> p.instancePatchStates().stream())
          .map(PatchingImpl::state).toList()));
    }
    return List.copyOf(out);
  }

  private static InstancePatchCompliance state(InstancePatchState s) {
    return new InstancePatchCompliance(s.instanceId(), s.baselineId() == null ? "unknown" : s.baselineId(),
        s.operationAsString() == null ? "unknown" : s.operationAsString(), n(s.installedCount()), n(s.missingCount()),
        n(s.failedCount()), n(s.criticalNonCompliantCount()), n(s.securityNonCompliantCount()), s.operationEndTime());
  }

  private static int n(@org.jspecify.annotations.Nullable Integer value) {
    return value == null ? 0 : value;
  }
}
