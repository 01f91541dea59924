package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.Output;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.Step;
import dev.opskit.incident.StepAction;
import dev.opskit.incident.StepControls;
import dev.opskit.incident.export.ExportGap;
import dev.opskit.incident.export.ExportMode;
import dev.opskit.incident.export.StateMachine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A runbook as a Step Functions state machine (Amazon States Language, JSONPath). The execution input holds
 * the runbook's arguments ({@code $.Cluster}); a step's outputs are kept at {@code $.<step>} (trimmed by
 * {@code ResultSelector}, so whole answers never enter the state and payloads stay under 256 KiB).
 */
public final class AslExporter {
  private AslExporter() {}

  /**
   * Exports a runbook.
   *
   * @param runbook the runbook
   * @param mode strict refuses gaps
   * @return the state machine and its gaps
   * @throws ValidationException in strict mode when there are gaps
   */
  public static StateMachine export(Runbook runbook, ExportMode mode) {
    List<ExportGap> gaps = new ArrayList<>();
    Map<String, Object> states = new LinkedHashMap<>();
    for (int i = 0; i < runbook.steps().size(); i++) {
      Step s = runbook.steps().get(i);
      String following = RunbookValidator.following(runbook, i);
      new StepStates(s, following, states, gaps).emit();
    }
    Map<String, Object> def = new LinkedHashMap<>();
    if (!runbook.description().isEmpty()) {
      def.put("Comment", runbook.description());
    }
    def.put("StartAt", runbook.steps().get(0).name());
    def.put("States", states);
    String json = Jsons.write(def);
    if (json.getBytes(StandardCharsets.UTF_8).length > 1024 * 1024) {
      gaps.add(new ExportGap("(runbook)", "the definition is over Step Functions' 1 MB limit"));
    }
    for (Map.Entry<String, Object> e : states.entrySet()) {
      Object params = e.getValue() instanceof Map<?, ?> m ? m.get("Parameters") : null;
      if (params != null && Jsons.write(params).getBytes(StandardCharsets.UTF_8).length > StateMachine.MAX_PAYLOAD_BYTES) {
        gaps.add(new ExportGap(e.getKey(), "its parameters are over the 256 KiB payload limit of a state"));
      }
    }
    if (mode == ExportMode.STRICT && !gaps.isEmpty()) {
      throw ValidationException.of("runbook " + runbook.name(), gaps.stream().map(ExportGap::toString)
          .collect(Collectors.joining("; ")), "only what Step Functions can express (strict export)");
    }
    return new StateMachine(runbook.name(), def, gaps);
  }

  /** The states of one step. */
  private static final class StepStates {
    private final Step step;
    private final @Nullable String following;
    private final Map<String, Object> states;
    private final List<ExportGap> gaps;

    StepStates(Step step, @Nullable String following, Map<String, Object> states, List<ExportGap> gaps) {
      this.step = step;
      this.following = following;
      this.states = states;
      this.gaps = gaps;
    }

    void emit() {
      StepAction a = step.action();
      String name = step.name();
      if (a instanceof StepAction.AwsCall c) {
        Map<String, Object> task = sdkTask(c.service(), c.action(), c.inputs());
        Optional<SdkCalls.Operation> op = SdkCalls.find(c.service(), c.action());
        if (c.outputs().isEmpty()) {
          task.put("ResultPath", null);
        } else {
          Map<String, Object> selector = new LinkedHashMap<>();
          for (Output o : c.outputs()) {
            selector.put(o.name() + ".$", op.map(x -> sdkSelector(x.responseType(), o.selector())).orElse(o.selector()));
          }
          task.put("ResultSelector", selector);
          task.put("ResultPath", "$." + name);
        }
        controls(task, true);
        next(task, following);
        states.put(name, task);
        op.filter(x -> x.isRead() && x.isPaginated()).ifPresent(x -> gaps.add(new ExportGap(name,
            c.service() + ":" + c.action() + " is paginated; an aws-sdk task reads only its first page")));
      } else if (a instanceof StepAction.WaitForProperty w) {
        long interval = w.pollInterval().toSeconds();
        long timeout = step.controls().timeout() == null ? 3600 : step.controls().timeout().toSeconds();
        long maxPolls = Math.max(1, timeout / Math.max(1, interval));
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("Type", "Pass");
        init.put("Result", Map.of("n", 0));
        init.put("ResultPath", "$." + name + "_polls");
        init.put("Next", name + "_read");
        states.put(name, init);
        states.put(name + "_read", readTask(w.service(), w.action(), w.inputs(), w.selector(), name + "_check"));
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("Type", "Choice");
        List<Object> rules = new ArrayList<>();
        Map<String, Object> done = desired("$." + name + "_read.value", w.desiredValues());
        done.put("Next", following == null ? name + "_done" : following);
        rules.add(done);
        Map<String, Object> late = new LinkedHashMap<>();
        late.put("Variable", "$." + name + "_polls.n");
        late.put("NumericGreaterThanEquals", maxPolls);
        late.put("Next", name + "_timedOut");
        rules.add(late);
        check.put("Choices", rules);
        check.put("Default", name + "_wait");
        states.put(name + "_check", check);
        Map<String, Object> wait = new LinkedHashMap<>();
        wait.put("Type", "Wait");
        wait.put("Seconds", interval);
        wait.put("Next", name + "_count");
        states.put(name + "_wait", wait);
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("Type", "Pass");
        count.put("Parameters", Map.of("n.$", "States.MathAdd($." + name + "_polls.n, 1)"));
        count.put("ResultPath", "$." + name + "_polls");
        count.put("Next", name + "_read");
        states.put(name + "_count", count);
        failure(name + "_timedOut", "OpsKit.WaitTimedOut", name + ": " + w.selector() + " did not become one of "
            + w.desiredValues() + " within " + timeout + " s");
        if (following == null) {
          states.put(name + "_done", Map.of("Type", "Succeed"));
        }
      } else if (a instanceof StepAction.AssertProperty as) {
        states.put(name, readTask(as.service(), as.action(), as.inputs(), as.selector(), name + "_check"));
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("Type", "Choice");
        Map<String, Object> ok = desired("$." + name + "_read.value", as.desiredValues());
        ok.put("Next", following == null ? name + "_done" : following);
        check.put("Choices", List.of(ok));
        check.put("Default", name + "_failed");
        states.put(name + "_check", check);
        failure(name + "_failed", "OpsKit.AssertionFailed", name + ": " + as.selector() + " is not one of "
            + as.desiredValues());
        if (following == null) {
          states.put(name + "_done", Map.of("Type", "Succeed"));
        }
      } else if (a instanceof StepAction.Approve ap) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Type", "Task");
        task.put("Resource", "arn:aws:states:::sns:publish.waitForTaskToken");
        Map<String, Object> params = new LinkedHashMap<>();
        if (ap.notificationArn() != null) {
          params.put("TopicArn", ap.notificationArn());
        } else {
          params.put("TopicArn.$", "$.ApprovalTopicArn");
          gaps.add(new ExportGap(name, "the approval has no NotificationArn; the state machine takes the SNS topic"
              + " from the execution input at $.ApprovalTopicArn"));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("TaskToken.$", "$$.Task.Token");
        message.put("Step", name);
        message.put("Approvers", ap.approvers());
        message.putAll(params(Map.of("Message", ap.message())));
        params.put("Message", message);
        task.put("Parameters", params);
        task.put("ResultPath", "$." + name);
        if (ap.minRequiredApprovals() > 1) {
          gaps.add(new ExportGap(name, "a task token takes one answer; " + ap.minRequiredApprovals()
              + " required approvals must be counted by whoever answers it"));
        }
        controls(task, true);
        next(task, following);
        states.put(name, task);
      } else if (a instanceof StepAction.Branch b) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("Type", "Choice");
        List<Object> rules = new ArrayList<>();
        for (Choice c : b.choices()) {
          Map<String, Object> rule = rule(c.condition());
          rule.put("Next", c.nextStep());
          rules.add(rule);
        }
        choice.put("Choices", rules);
        if (b.defaultStep() != null) {
          choice.put("Default", b.defaultStep());
        } else {
          choice.put("Default", name + "_noChoice");
          failure(name + "_noChoice", "OpsKit.NoChoice", name + ": no choice holds and there is no default");
        }
        states.put(name, choice);
      } else if (a instanceof StepAction.Sleep sl) {
        Map<String, Object> wait = new LinkedHashMap<>();
        wait.put("Type", "Wait");
        wait.put("Seconds", sl.duration().toSeconds());
        next(wait, following);
        states.put(name, wait);
      } else if (a instanceof StepAction.ExecuteRunbook e) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Type", "Task");
        task.put("Resource", "arn:aws:states:::states:startExecution.sync:2");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("StateMachineArn.$", "$.StateMachineArns." + e.runbook().replaceAll("[^A-Za-z0-9_]", "_"));
        params.put("Input", params(e.parameters()));
        task.put("Parameters", params);
        Map<String, Object> selector = new LinkedHashMap<>();
        selector.put("ExecutionId.$", "$.ExecutionArn");
        selector.put("Status.$", "$.Status");
        selector.put("Output.$", "$.Output");
        task.put("ResultSelector", selector);
        task.put("ResultPath", "$." + name);
        gaps.add(new ExportGap(name, "the state machine of runbook " + e.runbook()
            + " is taken from the execution input at $.StateMachineArns"));
        controls(task, true);
        next(task, following);
        states.put(name, task);
      } else if (a instanceof StepAction.JavaCode j) {
        gaps.add(new ExportGap(name, "Java step " + j.key() + " cannot run in Step Functions; it is a Pass state"));
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("Type", "Pass");
        pass.put("Comment", "OpsKit Java step " + j.key() + " (runs only in RunbookRunner)");
        next(pass, following);
        states.put(name, pass);
      }
    }

    private Map<String, Object> params(Map<String, Object> inputs) {
      List<String> problems = new ArrayList<>();
      Map<String, Object> out = parameters(inputs, problems);
      problems.forEach(p -> gaps.add(new ExportGap(step.name(), p)));
      return out;
    }

    private Map<String, Object> sdkTask(String service, String action, Map<String, Object> inputs) {
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("Type", "Task");
      Optional<SdkCalls.Operation> op = SdkCalls.find(service, action);
      if (op.isPresent()) {
        task.put("Resource", "arn:aws:states:::aws-sdk:" + op.get().sdkServiceName() + ":" + op.get().sdkMethodName());
        task.put("Parameters", params(sdkCase(op.get().requestType(), inputs)));
      } else {
        gaps.add(new ExportGap(step.name(), "the AWS SDK v2 module of " + service + " is not on the class path,"
            + " so the parameters keep the API's member names instead of the SDK's PascalCase"));
        task.put("Resource", "arn:aws:states:::aws-sdk:" + service + ":"
            + Character.toLowerCase(action.charAt(0)) + action.substring(1));
        task.put("Parameters", params(inputs));
      }
      return task;
    }

    private Map<String, Object> readTask(String service, String action, Map<String, Object> inputs, String selector,
        String next) {
      Map<String, Object> task = sdkTask(service, action, inputs);
      Optional<SdkCalls.Operation> op = SdkCalls.find(service, action);
      task.put("ResultSelector", Map.of("value.$", op.map(x -> sdkSelector(x.responseType(), selector)).orElse(selector)));
      task.put("ResultPath", "$." + step.name() + "_read");
      controls(task, false);
      task.put("Next", next);
      return task;
    }

    private void controls(Map<String, Object> task, boolean withTimeout) {
      StepControls c = step.controls();
      if (withTimeout && c.timeout() != null) {
        task.put("TimeoutSeconds", c.timeout().toSeconds());
      }
      if (c.maxAttempts() > 1) {
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("ErrorEquals", List.of("States.ALL"));
        retry.put("IntervalSeconds", Math.max(1, c.backoff().toSeconds()));
        retry.put("MaxAttempts", c.maxAttempts() - 1);
        retry.put("BackoffRate", 2.0);
        task.put("Retry", List.of(retry));
      }
      String target = failureTarget();
      if (target != null) {
        Map<String, Object> katch = new LinkedHashMap<>();
        katch.put("ErrorEquals", List.of("States.ALL"));
        katch.put("Next", target);
        katch.put("ResultPath", "$.Errors." + step.name());
        task.put("Catch", List.of(katch));
      }
    }

    private @Nullable String failureTarget() {
      OnFailure f = step.controls().onFailure();
      if (f.kind() == OnFailure.Kind.GO_TO) {
        return f.step();
      }
      if (f.kind() == OnFailure.Kind.CONTINUE || !step.controls().critical()) {
        return following == null ? step.name() + "_done" : following;
      }
      return null;
    }

    private void failure(String state, String error, String cause) {
      String target = failureTarget();
      if (target != null) {
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("Type", "Pass");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Error", error);
        result.put("Cause", cause);
        pass.put("Result", result);
        pass.put("ResultPath", "$.Errors." + step.name());
        pass.put("Next", target);
        states.put(state, pass);
        if (target.equals(step.name() + "_done")) {
          states.put(step.name() + "_done", Map.of("Type", "Succeed"));
        }
      } else {
        Map<String, Object> fail = new LinkedHashMap<>();
        fail.put("Type", "Fail");
        fail.put("Error", error);
        fail.put("Cause", cause);
        states.put(state, fail);
      }
    }

    private void next(Map<String, Object> state, @Nullable String following) {
      if (following == null) {
        state.put("End", true);
      } else {
        state.put("Next", following);
      }
      if (states.containsKey(step.name() + "_done") || following != null) {
        return;
      }
      String target = failureTarget();
      if (target != null && target.equals(step.name() + "_done")) {
        states.put(step.name() + "_done", Map.of("Type", "Succeed"));
      }
    }

    private Map<String, Object> desired(String path, List<String> values) {
      if (values.size() == 1) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("Variable", path);
        one.put("StringEquals", values.get(0));
        return one;
      }
      List<Object> any = new ArrayList<>();
      for (String v : values) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("Variable", path);
        one.put("StringEquals", v);
        any.add(one);
      }
      Map<String, Object> or = new LinkedHashMap<>();
      or.put("Or", any);
      return or;
    }

    private Map<String, Object> rule(Condition c) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (c instanceof Condition.And and) {
        m.put("And", and.conditions().stream().map(this::rule).toList());
        return m;
      }
      if (c instanceof Condition.Or or) {
        m.put("Or", or.conditions().stream().map(this::rule).toList());
        return m;
      }
      if (c instanceof Condition.Not not) {
        m.put("Not", rule(not.condition()));
        return m;
      }
      Condition.Compare cmp = (Condition.Compare) c;
      String ref = Templates.whole(cmp.variable());
      m.put("Variable", "$." + (ref == null ? cmp.variable() : ref));
      Object v = cmp.value();
      switch (cmp.operator()) {
        case STRING_EQUALS -> m.put("StringEquals", v);
        case EQUALS_IGNORE_CASE -> {
          m.put("StringEquals", v);
          gaps.add(new ExportGap(step.name(), "Step Functions has no case-insensitive comparison; EqualsIgnoreCase"
              + " is exported as StringEquals"));
        }
        case STARTS_WITH -> m.put("StringMatches", escape((String) v) + "*");
        case ENDS_WITH -> m.put("StringMatches", "*" + escape((String) v));
        case CONTAINS -> m.put("StringMatches", "*" + escape((String) v) + "*");
        case NUMERIC_EQUALS -> m.put("NumericEquals", v);
        case NUMERIC_GREATER -> m.put("NumericGreaterThan", v);
        case NUMERIC_LESSER -> m.put("NumericLessThan", v);
        case NUMERIC_GREATER_OR_EQUALS -> m.put("NumericGreaterThanEquals", v);
        case NUMERIC_LESSER_OR_EQUALS -> m.put("NumericLessThanEquals", v);
        case BOOLEAN_EQUALS -> m.put("BooleanEquals", v);
      }
      return m;
    }

    private String escape(String s) {
      return s.replace("\\", "\\\\").replace("*", "\\*");
    }
  }

  /** Plain inputs as ASL {@code Parameters}: references become {@code .$} paths or {@code States.Format}. */
  static Map<String, Object> parameters(Map<String, Object> inputs) {
    return parameters(inputs, new ArrayList<>());
  }

  private static Map<String, Object> parameters(Map<String, Object> inputs, List<String> problems) {
    Map<String, Object> out = new LinkedHashMap<>();
    inputs.forEach((k, v) -> {
      if (v instanceof String s && !Templates.references(s).isEmpty()) {
        out.put(k + ".$", path(s, problems));
      } else if (v instanceof List<?> l && !Templates.references(l).isEmpty()) {
        if (l.stream().allMatch(x -> x instanceof String)) {
          out.put(k + ".$", "States.Array(" + l.stream().map(x -> pathOrLiteral((String) x, problems))
              .collect(Collectors.joining(", ")) + ")");
        } else {
          problems.add(k + ": references inside a list of objects cannot be paths in JSONPath Parameters; kept as written");
          out.put(k, v);
        }
      } else if (v instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) m;
        out.put(k, parameters(nested, problems));
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  private static String pathOrLiteral(String s, List<String> problems) {
    return Templates.references(s).isEmpty() ? "'" + s.replace("'", "\\'") + "'" : path(s, problems);
  }

  /** The JSONPath of a reference: a parameter or step output in the state, SSM's execution id in the context. */
  private static String refPath(String ref, List<String> problems) {
    if (ref.equals("automation:EXECUTION_ID")) {
      return "$$.Execution.Name";
    }
    if (Templates.isBuiltIn(ref)) {
      problems.add("{{ " + ref + " }} has no Step Functions equivalent; read from the execution input at $." + ref.replace(':', '_'));
      return "$." + ref.replace(':', '_');
    }
    return "$." + ref;
  }

  private static String path(String s, List<String> problems) {
    String whole = Templates.whole(s);
    if (whole != null) {
      return refPath(whole, problems);
    }
    Matcher m = Templates.REFERENCE.matcher(s);
    List<String> args = new ArrayList<>();
    StringBuilder format = new StringBuilder();
    int last = 0;
    while (m.find()) {
      format.append(s, last, m.start()).append("{}");
      args.add(refPath(m.group(1), problems));
      last = m.end();
    }
    format.append(s.substring(last));
    String literal = format.toString().replace("\\", "\\\\").replace("'", "\\'");
    return "States.Format('" + literal + "', " + String.join(", ", args) + ")";
  }

  /** Request members in SDK v2 PascalCase, at every depth where the SDK knows the structure. */
  static Map<String, Object> sdkCase(Class<?> type, Map<String, Object> inputs) {
    Map<String, Object> out = new LinkedHashMap<>();
    inputs.forEach((k, v) -> {
      String name = SdkCalls.sdkName(type, k).orElse(k);
      Optional<Class<?>> nested = SdkCalls.memberType(type, k);
      out.put(name, nested.isPresent() ? sdkCaseValue(nested.get(), v) : v);
    });
    return out;
  }

  private static Object sdkCaseValue(Class<?> type, Object v) {
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return sdkCase(type, map);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(x -> sdkCaseValue(type, x)).toList();
    }
    return v;
  }

  /** A selector in the answer's SDK v2 PascalCase: {@code $.DBSnapshot.DBSnapshotIdentifier} becomes {@code $.DbSnapshot.DbSnapshotIdentifier}. */
  static String sdkSelector(Class<?> responseType, String selector) {
    StringBuilder out = new StringBuilder("$");
    Class<?> type = responseType;
    Matcher m = java.util.regex.Pattern.compile("\\.([A-Za-z0-9_-]+)|(\\[[0-9]+\\])").matcher(selector.substring(1));
    while (m.find()) {
      if (m.group(1) != null) {
        String member = m.group(1);
        if (type == null) {
          out.append('.').append(member);
          continue;
        }
        out.append('.').append(SdkCalls.sdkName(type, member).orElse(member));
        type = SdkCalls.memberType(type, member).orElse(null);
      } else {
        out.append(m.group(2));
      }
    }
    return out.toString();
  }
}
