package dev.opskit.incident.internal;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ProgressListener;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.internal.Redaction;
import dev.opskit.core.internal.RequestParameters;
import dev.opskit.core.waiting.PollResult;
import dev.opskit.core.waiting.WaitOutcome;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.JavaStep;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.Output;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.Step;
import dev.opskit.incident.StepAction;
import dev.opskit.incident.run.ApprovalDecision;
import dev.opskit.incident.run.ApprovalRequest;
import dev.opskit.incident.run.Approvals;
import dev.opskit.incident.run.Execution;
import dev.opskit.incident.run.ExecutionJournal;
import dev.opskit.incident.run.JournalEntry;
import dev.opskit.incident.run.RunStatus;
import dev.opskit.incident.run.RunbookRunner;
import dev.opskit.incident.run.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-process runner. */
public final class RunnerImpl implements RunbookRunner {
  private static final Logger LOG = LoggerFactory.getLogger(RunnerImpl.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  private static final Pattern TARGET_KEY = Pattern.compile("(?i).*(name|id|identifier|arn)|service|cluster");
  private static final String AUDIT_OPERATION = "runbook:Step";
  private static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofHours(1);

  private final OpsContext ctx;
  private final Approvals approvals;
  private final ExecutionJournal journal;
  private final Map<String, Runbook> runbooks = new LinkedHashMap<>();
  private final Supplier<String> ids;
  private final ProgressListener progress;

  /**
   * A runner.
   *
   * @param ctx the context
   * @param approvals how approvals are asked
   * @param journal where executions are written
   * @param runbooks the runbooks callable by name
   * @param ids the execution id source
   * @param progress where step progress goes
   */
  public RunnerImpl(OpsContext ctx, Approvals approvals, ExecutionJournal journal, List<Runbook> runbooks,
      Supplier<String> ids, ProgressListener progress) {
    this.ctx = ctx;
    this.approvals = approvals;
    this.journal = journal;
    runbooks.forEach(r -> this.runbooks.put(r.name(), r));
    this.ids = ids;
    this.progress = progress;
  }

  @Override
  public Execution run(Runbook runbook, Map<String, ?> arguments) {
    ValidationChecks.present("runbook", runbook);
    ValidationChecks.present("arguments", arguments);
    Map<String, Object> args = arguments(runbook, arguments);
    preflight(runbook, new HashSet<>());
    String id = ids.get();
    if (id == null || !ID.matcher(id).matches() || id.startsWith(".")) {
      throw ValidationException.of("executionId", id, "letters, digits, _, - and ., 1 to 200, not starting with .");
    }
    return start(runbook, id, args);
  }

  private Execution start(Runbook runbook, String id, Map<String, Object> args) {
    State st = new State(id, runbook, args, ctx.clock().instant(), ctx.isDryRun());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("runbook", runbook.name());
    data.put("arguments", st.journalArguments());
    data.put("dryRun", st.dryRun);
    journal.append(new JournalEntry(id, JournalEntry.Kind.STARTED, st.started, data));
    if (st.dryRun) {
      return plan(st);
    }
    return loop(st, runbook.steps().get(0).name());
  }

  @Override
  public Execution resume(Runbook runbook, String executionId, Map<String, ?> secretArguments) {
    ValidationChecks.present("runbook", runbook);
    ValidationChecks.present("secretArguments", secretArguments);
    if (executionId == null || !ID.matcher(executionId).matches()) {
      throw ValidationException.of("executionId", executionId, "the id of an execution in the journal");
    }
    List<JournalEntry> entries = journal.read(executionId);
    if (entries.isEmpty() || entries.get(0).kind() != JournalEntry.Kind.STARTED) {
      throw ValidationException.of("executionId", executionId, "the id of an execution in the journal");
    }
    Fields started = Fields.of("journal", entries.get(0).data());
    if (!runbook.name().equals(started.string("runbook"))) {
      throw ValidationException.of("runbook", runbook.name(), "the runbook the execution ran: " + started.string("runbook"));
    }
    for (JournalEntry e : entries) {
      if (e.kind() == JournalEntry.Kind.FINISHED) {
        throw ValidationException.of("executionId", executionId, "an unfinished execution; it finished "
            + Fields.of("journal", e.data()).string("status"));
      }
    }
    if (started.bool("dryRun", false)) {
      throw ValidationException.of("executionId", executionId, "an execution that was not a dry run");
    }
    Map<String, Object> args = new LinkedHashMap<>(started.object("arguments"));
    for (Map.Entry<String, ?> e : secretArguments.entrySet()) {
      Parameter p = runbook.parameter(e.getKey()).orElseThrow(() -> ValidationException.of("argument", e.getKey(),
          "a parameter of runbook " + runbook.name()));
      args.put(p.name(), p.accept(e.getValue()));
    }
    for (Map.Entry<String, Object> e : args.entrySet()) {
      if (AuditEvent.REDACTED.equals(e.getValue())) {
        throw ValidationException.ofSecret("argument " + e.getKey(),
            "the secret value again: the journal does not keep it (resume(runbook, id, secretArguments))");
      }
    }
    preflight(runbook, new HashSet<>());
    State st = new State(executionId, runbook, args, entries.get(0).time(), false);
    String next = runbook.steps().get(0).name();
    for (JournalEntry e : entries) {
      if (e.kind() != JournalEntry.Kind.STEP) {
        continue;
      }
      Fields d = Fields.of("journal", e.data());
      StepResult r = ExecutionJson.stepResult(d.object("result"));
      st.results.add(r);
      r.outputs().forEach((k, v) -> st.values.put(r.step() + "." + k, v));
      next = d.optString("next");
      st.failedStep = d.optString("failedStep");
      st.failure = d.optString("failure");
      st.compensating = d.bool("compensating", false);
      st.compensation.clear();
      st.compensation.addAll(d.strings("compensation"));
    }
    return next == null ? finish(st) : loop(st, next);
  }

  /** Checks the arguments against the parameters and brings them to their canonical forms. */
  private static Map<String, Object> arguments(Runbook runbook, Map<String, ?> given) {
    for (String key : given.keySet()) {
      if (key == null || runbook.parameter(key).isEmpty()) {
        throw ValidationException.of("argument", key, "a parameter of runbook " + runbook.name() + ": "
            + runbook.parameters().stream().map(Parameter::name).toList());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : runbook.parameters()) {
      Object v = given.get(p.name());
      if (v != null) {
        out.put(p.name(), p.accept(v));
      } else if (p.defaultValue() != null) {
        out.put(p.name(), p.defaultValue());
      } else {
        throw ValidationException.of("parameter " + p.name(), null, "a value (required: it has no default)");
      }
    }
    return out;
  }

  /** Before any call: every AWS step names a known operation and request members, every called runbook is known. */
  private void preflight(Runbook runbook, Set<String> seen) {
    if (!seen.add(runbook.name())) {
      return;
    }
    for (Step s : runbook.steps()) {
      StepAction a = s.action();
      String where = "step " + s.name() + " inputs";
      if (a instanceof StepAction.AwsCall c) {
        SdkCalls.check(SdkCalls.resolve(c.service(), c.action()), c.inputs(), where);
      } else if (a instanceof StepAction.WaitForProperty w) {
        SdkCalls.check(read(s, w.service(), w.action()), w.inputs(), where);
      } else if (a instanceof StepAction.AssertProperty as) {
        SdkCalls.check(read(s, as.service(), as.action()), as.inputs(), where);
      } else if (a instanceof StepAction.ExecuteRunbook e) {
        Runbook child = runbooks.get(e.runbook());
        if (child == null) {
          throw ValidationException.of("step " + s.name() + " runbook", e.runbook(),
              "a runbook given to RunbookRunner.builder(ctx).runbooks(...): " + runbooks.keySet());
        }
        preflight(child, seen);
      }
    }
  }

  private static SdkCalls.Operation read(Step s, String service, String action) {
    SdkCalls.Operation op = SdkCalls.resolve(service, action);
    if (!op.isRead()) {
      throw ValidationException.of("step " + s.name() + " action", action, "a read (Describe*, Get* or List*)");
    }
    return op;
  }

  // ---------------------------------------------------------------- running

  private Execution loop(State st, String first) {
    String current = first;
    while (current != null) {
      String name = current;
      int index = indexOf(st.runbook, name);
      Step step = st.runbook.steps().get(index);
      if (st.compensating) {
        st.compensation.add(name);
      }
      Outcome1 o = runStep(st, step);
      st.results.add(o.result);
      String next;
      if (o.result.isOk()) {
        next = o.branchTarget != null ? o.branchTarget : RunbookValidator.following(st.runbook, index);
      } else {
        OnFailure f = step.controls().onFailure();
        if (step.controls().critical() && st.failedStep == null) {
          st.failedStep = step.name();
          st.failure = o.result.failure();
          st.failedStatus = o.result.status();
        }
        next = switch (f.kind()) {
          case ABORT -> null;
          case CONTINUE -> index + 1 < st.runbook.steps().size() ? st.runbook.steps().get(index + 1).name() : null;
          case GO_TO -> f.step();
        };
        if (f.kind() == OnFailure.Kind.GO_TO) {
          st.compensating = true;
        }
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("result", ExecutionJson.plain(o.result));
      data.put("next", next);
      data.put("failedStep", st.failedStep);
      data.put("failure", st.failure);
      data.put("compensating", st.compensating);
      data.put("compensation", List.copyOf(st.compensation));
      journal.append(new JournalEntry(st.id, JournalEntry.Kind.STEP, o.result.ended(), data));
      current = next;
    }
    return finish(st);
  }

  private Execution finish(State st) {
    RunStatus status = st.dryRun ? RunStatus.PLANNED
        : st.failedStep == null ? RunStatus.SUCCESS
        : RunStatus.TIMED_OUT.equals(st.failedStatus) ? RunStatus.TIMED_OUT : RunStatus.FAILED;
    Instant ended = ctx.clock().instant();
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (String ref : st.runbook.outputs()) {
      Object v = st.values.get(ref);
      if (v != null) {
        outputs.put(ref, st.shown(ref, v));
      }
    }
    journal.append(new JournalEntry(st.id, JournalEntry.Kind.FINISHED, ended, Map.of("status", status.value())));
    return new Execution(st.id, st.runbook.name(), status, st.dryRun, st.started, ended, st.redactedArguments(),
        st.results, st.failedStep, st.failure, st.compensation, outputs);
  }

  private Execution plan(State st) {
    for (Step step : st.runbook.steps()) {
      Instant start = ctx.clock().instant();
      report(st, step, "Planned", 0, start);
      StepRun run;
      String failure = null;
      try {
        run = execute(st, step);
      } catch (OpsException e) {
        run = new StepRun(Map.of(), List.of(), null);
        failure = st.redaction().scrub(e.getMessage());
      }
      StepResult r = new StepResult(step.name(), kind(step.action()), failure == null ? RunStatus.PLANNED : RunStatus.FAILED,
          start, ctx.clock().instant(), 0, st.shownOutputs(step.name(), run.outputs), run.calls, failure);
      audit(st, r);
      st.results.add(r);
    }
    return finish(st);
  }

  private record StepRun(Map<String, Object> outputs, List<PlannedCall> calls, @Nullable String branchTarget) {}

  private record Outcome1(StepResult result, @Nullable String branchTarget) {}

  private Outcome1 runStep(State st, Step step) {
    Instant start = ctx.clock().instant();
    int max = step.controls().maxAttempts();
    String failure = null;
    RunStatus failedStatus = RunStatus.FAILED;
    List<PlannedCall> calls = new ArrayList<>();
    int made = 0;
    for (int attempt = 1; attempt <= max; attempt++) {
      made = attempt;
      report(st, step, RunStatus.IN_PROGRESS.value(), attempt, start);
      try {
        StepRun run = execute(st, step);
        calls.addAll(run.calls);
        StepResult r = new StepResult(step.name(), kind(step.action()), RunStatus.SUCCESS, start,
            ctx.clock().instant(), attempt, st.shownOutputs(step.name(), run.outputs), calls, null);
        run.outputs.forEach((k, v) -> st.values.put(step.name() + "." + k, v));
        audit(st, r);
        report(st, step, r.status().value(), attempt, start);
        return new Outcome1(r, run.branchTarget);
      } catch (StepFailed e) {
        calls.addAll(e.calls);
        failure = st.redaction().scrub(e.getMessage());
        failedStatus = e.status;
        if (e.status.equals(RunStatus.TIMED_OUT)) {
          break;
        }
      } catch (ValidationException e) {
        failure = st.redaction().scrub(e.getMessage());
        failedStatus = RunStatus.FAILED;
        break;
      } catch (OperationTimeoutException e) {
        failure = st.redaction().scrub(e.getMessage());
        failedStatus = RunStatus.TIMED_OUT;
      } catch (OpsException e) {
        failure = st.redaction().scrub(e.getMessage());
        failedStatus = RunStatus.FAILED;
      }
      if (attempt < max) {
        Duration pause = step.controls().backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        ctx.sleeper().sleep(pause);
      }
    }
    StepResult r = new StepResult(step.name(), kind(step.action()), failedStatus, start, ctx.clock().instant(),
        made, Map.of(), calls, failure);
    audit(st, r);
    report(st, step, r.status().value(), made, start);
    return new Outcome1(r, null);
  }

  /** A step's failure that is not an OpsKit exception: an assertion that does not hold, a wait that timed out. */
  private static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RunStatus status;
    private final transient List<PlannedCall> calls;

    StepFailed(String message, RunStatus status, List<PlannedCall> calls) {
      super(message, null, false, false);
      this.status = status;
      this.calls = List.copyOf(calls);
    }
  }

  private StepRun execute(State st, Step step) {
    StepAction a = step.action();
    if (a instanceof StepAction.AwsCall c) {
      Call call = call(st, step, c.service(), c.action(), c.inputs());
      Map<String, Object> outputs = new LinkedHashMap<>();
      if (call.answer != null) {
        for (Output o : c.outputs()) {
          Object v = Selectors.as(Selectors.select(call.answer, o.selector()), o.type());
          if (v != null) {
            outputs.put(o.name(), v);
          }
        }
      }
      return new StepRun(outputs, List.of(call.call), null);
    }
    if (a instanceof StepAction.WaitForProperty w) {
      return waitFor(st, step, w);
    }
    if (a instanceof StepAction.AssertProperty as) {
      Call call = call(st, step, as.service(), as.action(), as.inputs());
      if (!st.dryRun) {
        String value = text(Selectors.select(call.answer, as.selector()));
        if (value == null || !as.desiredValues().contains(value)) {
          throw new StepFailed(as.selector() + " is " + (value == null ? "absent" : "'" + value + "'")
              + ", not one of " + as.desiredValues(), RunStatus.FAILED, List.of(call.call));
        }
      }
      return new StepRun(Map.of(), List.of(call.call), null);
    }
    if (a instanceof StepAction.Approve ap) {
      if (!st.dryRun) {
        approve(st, step, ap);
      }
      return new StepRun(Map.of(), List.of(), null);
    }
    if (a instanceof StepAction.Branch b) {
      if (st.dryRun) {
        return new StepRun(Map.of(), List.of(), null);
      }
      for (Choice c : b.choices()) {
        if (holds(st, c.condition())) {
          return new StepRun(Map.of(), List.of(), c.nextStep());
        }
      }
      if (b.defaultStep() != null) {
        return new StepRun(Map.of(), List.of(), b.defaultStep());
      }
      throw new StepFailed("no choice holds and the branch has no default", RunStatus.FAILED, List.of());
    }
    if (a instanceof StepAction.Sleep s) {
      if (!st.dryRun) {
        ctx.sleeper().sleep(s.duration());
      }
      return new StepRun(Map.of(), List.of(), null);
    }
    if (a instanceof StepAction.ExecuteRunbook e) {
      return executeRunbook(st, step, e);
    }
    StepAction.JavaCode j = (StepAction.JavaCode) a;
    Map<String, Object> out = j.code().run(new JavaStep.Context() {
      @Override
      public OpsContext ops() {
        return ctx;
      }

      @Override
      public Object value(String reference) {
        Object v = st.values.get(reference);
        if (v == null) {
          throw ValidationException.of("step " + step.name() + " reference", reference, "a parameter or an output"
              + " of a step that ran: " + new TreeSet<>(st.values.keySet()));
        }
        return v;
      }

      @Override
      public boolean isDryRun() {
        return st.dryRun;
      }
    });
    Map<String, Object> outputs = Values.copyMap("step " + step.name() + " outputs", out == null ? Map.of() : out);
    if (!st.dryRun) {
      for (String name : j.outputs()) {
        if (!outputs.containsKey(name)) {
          throw new StepFailed("the Java step gave no output " + name, RunStatus.FAILED, List.of());
        }
      }
    }
    return new StepRun(outputs, List.of(), null);
  }

  private record Call(PlannedCall call, @Nullable Object answer) {}

  /** One AWS call: a read through {@code Reads}, a change through the gate; in a dry run a read is not sent. */
  private Call call(State st, Step step, String service, String action, Map<String, Object> raw) {
    SdkCalls.Operation op = SdkCalls.resolve(service, action);
    Map<String, Object> inputs = st.resolve(step, raw);
    String target = target(st, step, inputs);
    Object client = SdkCalls.client(ctx, op);
    if (op.isRead()) {
      Object request = SdkCalls.request(op, inputs, "step " + step.name() + " inputs");
      RequestParameters params = RequestParameters.of(request, Set.of());
      st.requestSecrets = st.requestSecrets.and(params.redaction());
      PlannedCall planned = new PlannedCall(op.name(), target, params.parameters());
      if (st.dryRun) {
        return new Call(planned, null);
      }
      Object answer = Reads.read(op.name(), target, () -> SdkCalls.invoke(op, client, request));
      return new Call(planned, SdkCalls.plain(answer, st.secrets));
    }
    Change<Object> change;
    if (st.dryRun && Templates.unresolved(inputs)) {
      // Outputs of earlier steps are unknown in a dry run: the plan shows their references as written.
      change = Change.<Object>described(op.name(), target, inputs, () -> {
        throw new IllegalStateException("a dry run sends nothing");
      }).build();
    } else {
      Object request = SdkCalls.request(op, inputs, "step " + step.name() + " inputs");
      st.requestSecrets = st.requestSecrets.and(RequestParameters.of(request, Set.of()).redaction());
      change = Change.of(op.name(), target, request, q -> SdkCalls.invoke(op, client, q)).build();
    }
    ChangeResult<Object> result = ctx.gate().submit(change);
    return new Call(result.call(), result.value().map(v -> SdkCalls.plain(v, st.secrets)).orElse(null));
  }

  private static String target(State st, Step step, Map<String, Object> inputs) {
    for (Map.Entry<String, Object> e : inputs.entrySet()) {
      if (e.getValue() instanceof String s && !s.isBlank() && s.length() <= 2048
          && TARGET_KEY.matcher(e.getKey()).matches() && !Redaction.isSecretName(e.getKey(), Set.of())) {
        return s;
      }
    }
    return st.runbook.name() + "/" + step.name();
  }

  private StepRun waitFor(State st, Step step, StepAction.WaitForProperty w) {
    if (st.dryRun) {
      Call call = call(st, step, w.service(), w.action(), w.inputs());
      return new StepRun(Map.of(), List.of(call.call), null);
    }
    Duration timeout = step.controls().timeout() == null ? DEFAULT_STEP_TIMEOUT : step.controls().timeout();
    List<PlannedCall> calls = new ArrayList<>();
    String target = st.runbook.name() + "/" + step.name();
    WaitOutcome<String> outcome = ctx.poller("runbook:WaitForProperty", target)
        .timeout(timeout).interval(w.pollInterval()).maxInterval(w.pollInterval()).backoff(1.0).listener(progress)
        .build()
        .await(() -> {
          Call call = call(st, step, w.service(), w.action(), w.inputs());
          if (calls.isEmpty()) {
            calls.add(call.call);
          }
          String value = text(Selectors.select(call.answer, w.selector()));
          String shown = value == null ? "(absent)" : value;
          return value != null && w.desiredValues().contains(value)
              ? new PollResult.Done<>(value, shown) : new PollResult.Pending<>(shown);
        });
    if (outcome instanceof WaitOutcome.TimedOut<String> t) {
      throw new StepFailed(w.selector() + " did not become one of " + w.desiredValues() + " within " + timeout
          + " (last seen: " + t.lastStatus() + ", " + t.polls() + " polls)", RunStatus.TIMED_OUT, calls);
    }
    if (outcome instanceof WaitOutcome.Failed<String> f) {
      throw new StepFailed(f.reason(), RunStatus.FAILED, calls);
    }
    return new StepRun(Map.of(), calls, null);
  }

  private void approve(State st, Step step, StepAction.Approve ap) {
    Duration timeout = step.controls().timeout() == null ? DEFAULT_STEP_TIMEOUT : step.controls().timeout();
    Object message = Templates.resolve(ap.message(), st::value);
    ApprovalRequest request = new ApprovalRequest(st.id, st.runbook.name(), step.name(), ap.approvers(),
        ap.minRequiredApprovals(), String.valueOf(message), ap.notificationArn(), ctx.clock().instant().plus(timeout));
    report(st, step, RunStatus.WAITING.value(), 1, st.started);
    ApprovalDecision decision = approvals.decide(request);
    List<String> rejected = decision.rejectedBy().stream().filter(ap.approvers()::contains).toList();
    if (!rejected.isEmpty()) {
      throw new StepFailed("rejected by " + rejected + (decision.comment().isEmpty() ? "" : ": " + decision.comment()),
          RunStatus.FAILED, List.of());
    }
    long approved = decision.approvedBy().stream().filter(ap.approvers()::contains).distinct().count();
    if (approved < ap.minRequiredApprovals()) {
      throw new StepFailed(approved + " of the " + ap.minRequiredApprovals() + " required approvals by "
          + ap.approvers(), RunStatus.FAILED, List.of());
    }
  }

  private StepRun executeRunbook(State st, Step step, StepAction.ExecuteRunbook e) {
    Runbook child = runbooks.get(e.runbook());
    if (child == null) {
      throw ValidationException.of("step " + step.name() + " runbook", e.runbook(), "a runbook given to the runner");
    }
    Object resolved = Templates.resolve(e.parameters(), st::value);
    @SuppressWarnings("unchecked")
    Map<String, Object> childArgs = (Map<String, Object>) resolved;
    if (!st.dryRun && Templates.unresolved(childArgs)) {
      throw ValidationException.of("step " + step.name() + " RuntimeParameters", Jsons.write(childArgs),
          "references to parameters or outputs of steps that ran");
    }
    Map<String, Object> args = arguments(child, st.dryRun ? withoutUnresolved(childArgs) : childArgs);
    Execution run = start(child, st.id + "-" + step.name(), args);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("ExecutionId", run.id());
    outputs.put("Status", run.status().value());
    outputs.put("Output", run.outputs());
    if (!st.dryRun && !run.status().equals(RunStatus.SUCCESS)) {
      throw new StepFailed("runbook " + child.name() + " ended " + run.status().value()
          + (run.failure() == null ? "" : ": " + run.failure()), RunStatus.FAILED, run.calls());
    }
    return new StepRun(outputs, run.calls(), null);
  }

  private static Map<String, Object> withoutUnresolved(Map<String, Object> args) {
    Map<String, Object> out = new LinkedHashMap<>();
    args.forEach((k, v) -> {
      if (!Templates.unresolved(v)) {
        out.put(k, v);
      }
    });
    return out;
  }

  private boolean holds(State st, Condition c) {
    if (c instanceof Condition.And and) {
      return and.conditions().stream().allMatch(x -> holds(st, x));
    }
    if (c instanceof Condition.Or or) {
      return or.conditions().stream().anyMatch(x -> holds(st, x));
    }
    if (c instanceof Condition.Not not) {
      return !holds(st, not.condition());
    }
    Condition.Compare cmp = (Condition.Compare) c;
    String ref = Templates.whole(cmp.variable());
    Object v = ref == null ? null : st.value(ref);
    if (v == null) {
      throw new StepFailed("branch variable " + cmp.variable() + " has no value in this run", RunStatus.FAILED, List.of());
    }
    String text = text(v);
    Object want = cmp.value();
    return switch (cmp.operator()) {
      case STRING_EQUALS -> want.equals(text);
      case EQUALS_IGNORE_CASE -> ((String) want).equalsIgnoreCase(text);
      case STARTS_WITH -> text != null && text.startsWith((String) want);
      case ENDS_WITH -> text != null && text.endsWith((String) want);
      case CONTAINS -> text != null && text.contains((String) want);
      case BOOLEAN_EQUALS -> want.equals(v instanceof Boolean ? v : Boolean.valueOf(String.valueOf(v)));
      default -> {
        double n = number(cmp.variable(), v);
        double w = ((Number) want).doubleValue();
        yield switch (cmp.operator()) {
          case NUMERIC_EQUALS -> n == w;
          case NUMERIC_GREATER -> n > w;
          case NUMERIC_LESSER -> n < w;
          case NUMERIC_GREATER_OR_EQUALS -> n >= w;
          default -> n <= w;
        };
      }
    };
  }

  private static double number(String variable, Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    String s = String.valueOf(v);
    if (s.matches("-?[0-9]{1,18}(\\.[0-9]{1,18})?")) {
      return Double.parseDouble(s);
    }
    throw new StepFailed("branch variable " + variable + " is '" + s + "', not a number", RunStatus.FAILED, List.of());
  }

  private static @Nullable String text(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    return v instanceof Map<?, ?> || v instanceof List<?> ? Jsons.write(v) : String.valueOf(v);
  }

  private static int indexOf(Runbook runbook, String step) {
    for (int i = 0; i < runbook.steps().size(); i++) {
      if (runbook.steps().get(i).name().equals(step)) {
        return i;
      }
    }
    throw new ResourceStateException("the journal names step " + step + ", which runbook " + runbook.name()
        + " does not have", "runbook:Resume", runbook.name(), null);
  }

  /** The step kind in SSM's words. */
  static String kind(StepAction a) {
    if (a instanceof StepAction.AwsCall) {
      return "aws:executeAwsApi";
    }
    if (a instanceof StepAction.WaitForProperty) {
      return "aws:waitForAwsResourceProperty";
    }
    if (a instanceof StepAction.AssertProperty) {
      return "aws:assertAwsResourceProperty";
    }
    if (a instanceof StepAction.Approve) {
      return "aws:approve";
    }
    if (a instanceof StepAction.Branch) {
      return "aws:branch";
    }
    if (a instanceof StepAction.Sleep) {
      return "aws:sleep";
    }
    if (a instanceof StepAction.ExecuteRunbook) {
      return "aws:executeAutomation";
    }
    return "opskit:java";
  }

  private void audit(State st, StepResult r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ExecutionId", st.id);
    params.put("Step", r.step());
    params.put("Action", r.action());
    params.put("Status", r.status().value());
    params.put("Attempts", r.attempts());
    params.put("Outputs", r.outputs());
    Outcome outcome = r.status().equals(RunStatus.PLANNED) ? Outcome.PLANNED
        : r.status().equals(RunStatus.SUCCESS) ? Outcome.SUCCEEDED : Outcome.FAILED;
    try {
      ctx.auditSink().record(new AuditEvent(r.started(), AUDIT_OPERATION, st.runbook.name() + "/" + r.step(), params,
          outcome, r.duration(), null, st.dryRun, r.failure()));
    } catch (RuntimeException e) {
      LOG.warn("audit sink failed for runbook step runbook={} step={}: {}", st.runbook.name(), r.step(), e.toString());
    }
  }

  private void report(State st, Step step, String status, int attempt, Instant start) {
    Duration timeout = step.controls().timeout() == null ? DEFAULT_STEP_TIMEOUT : step.controls().timeout();
    try {
      progress.onProgress(new ProgressEvent("runbook:" + st.runbook.name(), step.name(), status, Math.max(1, attempt),
          Duration.between(start, ctx.clock().instant()), timeout));
    } catch (RuntimeException e) {
      LOG.debug("progress listener failed runbook={} step={}: {}", st.runbook.name(), step.name(), e.toString());
    }
  }

  /** The state of one execution. */
  private static final class State {
    final String id;
    final Runbook runbook;
    final Map<String, Object> values = new LinkedHashMap<>();
    final Set<String> secrets = new HashSet<>();
    final Instant started;
    final boolean dryRun;
    final List<StepResult> results = new ArrayList<>();
    final List<String> compensation = new ArrayList<>();
    @Nullable String failedStep;
    @Nullable String failure;
    @Nullable RunStatus failedStatus;
    boolean compensating;
    Redaction requestSecrets = Redaction.none();

    State(String id, Runbook runbook, Map<String, Object> args, Instant started, boolean dryRun) {
      this.id = id;
      this.runbook = runbook;
      this.started = started;
      this.dryRun = dryRun;
      values.putAll(args);
      for (Parameter p : runbook.parameters()) {
        if (p.isSecret() && args.get(p.name()) instanceof String s && !s.isEmpty()) {
          secrets.add(s);
        }
      }
      values.put("automation:EXECUTION_ID", id);
    }

    @Nullable Object value(String reference) {
      Object v = values.get(reference);
      if (AuditEvent.REDACTED.equals(v)) {
        throw ValidationException.ofSecret("reference " + reference,
            "a value the journal kept: this output was secret, so a resumed execution does not have it");
      }
      return v;
    }

    Map<String, Object> resolve(Step step, Map<String, Object> raw) {
      @SuppressWarnings("unchecked")
      Map<String, Object> resolved = (Map<String, Object>) Templates.resolve(raw, this::value);
      if (!dryRun && Templates.unresolved(resolved)) {
        List<String> missing = Templates.references(resolved);
        throw ValidationException.of("step " + step.name() + " reference", "{{ " + missing.get(0) + " }}",
            "a parameter or an output of a step that ran before it in this execution");
      }
      return resolved;
    }

    Redaction redaction() {
      return Redaction.of(secrets).and(requestSecrets);
    }

    /** The arguments with secret parameters redacted (what the journal keeps). */
    Map<String, Object> journalArguments() {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Parameter p : runbook.parameters()) {
        Object v = values.get(p.name());
        if (v != null) {
          out.put(p.name(), p.isSecret() ? AuditEvent.REDACTED : v);
        }
      }
      return out;
    }

    /** The arguments for the report: also without values the run found secret (sent as SDK-sensitive members). */
    Map<String, Object> redactedArguments() {
      Map<String, Object> out = new LinkedHashMap<>();
      journalArguments().forEach((k, v) -> out.put(k, shown(k, v)));
      return out;
    }

    Object shown(String name, Object v) {
      if (Redaction.isSecretName(name, Set.of())
          || (v instanceof String s && (secrets.contains(s) || !s.equals(redaction().scrub(s))))) {
        return AuditEvent.REDACTED;
      }
      return v;
    }

    Map<String, Object> shownOutputs(String step, Map<String, Object> outputs) {
      Map<String, Object> out = new LinkedHashMap<>();
      outputs.forEach((k, v) -> out.put(k, shown(step + "." + k, v)));
      return out;
    }
  }
}
