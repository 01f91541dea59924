package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.JavaStep;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.Output;
import dev.opskit.incident.OutputType;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.ParameterType;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.Step;
import dev.opskit.incident.StepAction;
import dev.opskit.incident.StepControls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON form of a runbook: every part, written and read back equal. */
public final class RunbookJson {
  private RunbookJson() {}

  /**
   * Writes a runbook.
   *
   * @param runbook the runbook
   * @return indented JSON
   */
  public static String write(Runbook runbook) {
    return Jsons.writePretty(tree(runbook));
  }

  /**
   * A runbook as plain values.
   *
   * @param runbook the runbook
   * @return the tree
   */
  public static Map<String, Object> tree(Runbook runbook) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", runbook.name());
    if (!runbook.description().isEmpty()) {
      out.put("description", runbook.description());
    }
    if (runbook.assumeRole() != null) {
      out.put("assumeRole", runbook.assumeRole());
    }
    List<Object> params = new ArrayList<>();
    for (Parameter p : runbook.parameters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("type", p.type().name());
      putConstraints(m, p);
      if (p.secret()) {
        m.put("secret", true);
      }
      params.add(m);
    }
    out.put("parameters", params);
    List<Object> steps = new ArrayList<>();
    for (Step s : runbook.steps()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      action(s.action(), m);
      Map<String, Object> c = controls(s.controls());
      if (!c.isEmpty()) {
        m.put("controls", c);
      }
      steps.add(m);
    }
    out.put("steps", steps);
    if (!runbook.outputs().isEmpty()) {
      out.put("outputs", runbook.outputs());
    }
    return out;
  }

  private static void action(StepAction a, Map<String, Object> m) {
    if (a instanceof StepAction.AwsCall c) {
      m.put("kind", "awsCall");
      m.put("service", c.service());
      m.put("action", c.action());
      m.put("inputs", c.inputs());
      List<Object> outs = new ArrayList<>();
      for (Output o : c.outputs()) {
        Map<String, Object> om = new LinkedHashMap<>();
        om.put("name", o.name());
        om.put("selector", o.selector());
        om.put("type", o.type().ssmName());
        outs.add(om);
      }
      m.put("outputs", outs);
    } else if (a instanceof StepAction.WaitForProperty w) {
      m.put("kind", "waitForProperty");
      m.put("service", w.service());
      m.put("action", w.action());
      m.put("inputs", w.inputs());
      m.put("selector", w.selector());
      m.put("desiredValues", w.desiredValues());
      m.put("pollInterval", w.pollInterval().toString());
    } else if (a instanceof StepAction.AssertProperty s) {
      m.put("kind", "assertProperty");
      m.put("service", s.service());
      m.put("action", s.action());
      m.put("inputs", s.inputs());
      m.put("selector", s.selector());
      m.put("desiredValues", s.desiredValues());
    } else if (a instanceof StepAction.Approve ap) {
      m.put("kind", "approve");
      m.put("approvers", ap.approvers());
      m.put("minRequiredApprovals", ap.minRequiredApprovals());
      m.put("message", ap.message());
      if (ap.notificationArn() != null) {
        m.put("notificationArn", ap.notificationArn());
      }
    } else if (a instanceof StepAction.Branch b) {
      m.put("kind", "branch");
      List<Object> choices = new ArrayList<>();
      for (Choice c : b.choices()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("condition", condition(c.condition()));
        cm.put("nextStep", c.nextStep());
        choices.add(cm);
      }
      m.put("choices", choices);
      if (b.defaultStep() != null) {
        m.put("default", b.defaultStep());
      }
    } else if (a instanceof StepAction.Sleep s) {
      m.put("kind", "sleep");
      m.put("duration", s.duration().toString());
    } else if (a instanceof StepAction.ExecuteRunbook e) {
      m.put("kind", "executeRunbook");
      m.put("runbook", e.runbook());
      m.put("parameters", e.parameters());
    } else if (a instanceof StepAction.JavaCode j) {
      m.put("kind", "java");
      m.put("key", j.key());
      m.put("outputs", j.outputs());
    }
  }

  static Map<String, Object> condition(Condition c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c instanceof Condition.Compare cmp) {
      m.put("variable", cmp.variable());
      m.put("operator", cmp.operator().ssmName());
      m.put("value", cmp.value());
    } else if (c instanceof Condition.And and) {
      m.put("and", and.conditions().stream().map(RunbookJson::condition).toList());
    } else if (c instanceof Condition.Or or) {
      m.put("or", or.conditions().stream().map(RunbookJson::condition).toList());
    } else if (c instanceof Condition.Not not) {
      m.put("not", condition(not.condition()));
    }
    return m;
  }

  private static Map<String, Object> controls(StepControls c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c.timeout() != null) {
      m.put("timeout", c.timeout().toString());
    }
    if (c.maxAttempts() != 1) {
      m.put("maxAttempts", c.maxAttempts());
    }
    if (!c.backoff().isZero()) {
      m.put("backoff", c.backoff().toString());
    }
    if (c.onFailure().kind() != OnFailure.Kind.ABORT) {
      m.put("onFailure", c.onFailure().toSsm());
    }
    if (!c.critical()) {
      m.put("critical", false);
    }
    if (c.end()) {
      m.put("end", true);
    }
    if (c.nextStep() != null) {
      m.put("nextStep", c.nextStep());
    }
    return m;
  }

  /**
   * Reads a runbook.
   *
   * @param json the text
   * @param javaSteps the code of each Java step key
   * @return the runbook, validated
   * @throws ValidationException when it is malformed or invalid
   */
  public static Runbook read(String json, Map<String, JavaStep> javaSteps) {
    Fields root = Fields.of("runbook JSON", Jsons.readObject("runbook JSON", json));
    root.only(Set.of("name", "description", "assumeRole", "parameters", "steps", "outputs"));
    Runbook.Builder b = Runbook.builder(root.string("name")).description(root.string("description", ""));
    String role = root.optString("assumeRole");
    if (role != null) {
      b.assumeRole(role);
    }
    for (Object o : root.list("parameters")) {
      Fields p = Fields.of("parameter", o);
      p.only(Set.of("name", "type", "description", "default", "allowedValues", "allowedPattern", "secret"));
      ParameterType type;
      try {
        type = ParameterType.valueOf(p.string("type"));
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("parameter type", p.raw("type"), "one of " + List.of(ParameterType.values()));
      }
      b.parameter(new Parameter(p.string("name"), type, p.string("description", ""),
          p.has("default") ? Values.copy("parameter default", p.raw("default")) : null,
          p.strings("allowedValues"), p.optString("allowedPattern"), p.bool("secret", false)));
    }
    for (Object o : root.list("steps")) {
      Fields s = Fields.of("step", o);
      s.only(Set.of("name", "kind", "service", "action", "inputs", "outputs", "selector", "desiredValues",
          "pollInterval", "approvers", "minRequiredApprovals", "message", "notificationArn", "choices", "default",
          "duration", "runbook", "parameters", "key", "controls"));
      String name = s.string("name");
      b.step(new Step(name, readAction(s, javaSteps), readControls(Fields.of("controls", s.object("controls")))));
    }
    root.strings("outputs").forEach(b::output);
    return b.build();
  }

  private static StepAction readAction(Fields s, Map<String, JavaStep> javaSteps) {
    String kind = s.string("kind");
    switch (kind) {
      case "awsCall" -> {
        List<Output> outputs = new ArrayList<>();
        for (Object o : s.list("outputs")) {
          Fields f = Fields.of("output", o);
          outputs.add(Output.of(f.string("name"), f.string("selector"), OutputType.ofSsmName(f.string("type"))));
        }
        return new StepAction.AwsCall(s.string("service"), s.string("action"), s.object("inputs"), outputs);
      }
      case "waitForProperty" -> {
        return new StepAction.WaitForProperty(s.string("service"), s.string("action"), s.object("inputs"),
            s.string("selector"), s.strings("desiredValues"), s.duration("pollInterval"));
      }
      case "assertProperty" -> {
        return new StepAction.AssertProperty(s.string("service"), s.string("action"), s.object("inputs"),
            s.string("selector"), s.strings("desiredValues"));
      }
      case "approve" -> {
        return new StepAction.Approve(s.strings("approvers"), s.integer("minRequiredApprovals", 1, 1, 10),
            s.string("message", ""), s.optString("notificationArn"));
      }
      case "branch" -> {
        List<Choice> choices = new ArrayList<>();
        for (Object o : s.list("choices")) {
          Fields c = Fields.of("choice", o);
          choices.add(Choice.of(readCondition(c.raw("condition"), 0), c.string("nextStep")));
        }
        return new StepAction.Branch(choices, s.optString("default"));
      }
      case "sleep" -> {
        return new StepAction.Sleep(s.duration("duration"));
      }
      case "executeRunbook" -> {
        return new StepAction.ExecuteRunbook(s.string("runbook"), s.object("parameters"));
      }
      case "java" -> {
        String key = s.string("key");
        JavaStep code = javaSteps.get(key);
        if (code == null) {
          throw ValidationException.of("java step key", key, "a key whose code is given to fromJson (given: "
              + new java.util.TreeSet<>(javaSteps.keySet()) + ")");
        }
        return new StepAction.JavaCode(key, code, s.strings("outputs"));
      }
      default -> {
        throw ValidationException.of("step kind", kind,
            "awsCall, waitForProperty, assertProperty, approve, branch, sleep, executeRunbook or java");
      }
    }
  }

  static Condition readCondition(@org.jspecify.annotations.Nullable Object raw, int depth) {
    if (depth > 32) {
      throw ValidationException.of("condition", "(nested " + depth + " levels)", "at most 32 levels of And/Or/Not");
    }
    Fields c = Fields.of("condition", raw);
    if (c.has("and")) {
      return new Condition.And(c.list("and").stream().map(x -> readCondition(x, depth + 1)).toList());
    }
    if (c.has("or")) {
      return new Condition.Or(c.list("or").stream().map(x -> readCondition(x, depth + 1)).toList());
    }
    if (c.has("not")) {
      return new Condition.Not(readCondition(c.raw("not"), depth + 1));
    }
    c.only(Set.of("variable", "operator", "value"));
    Object value = c.raw("value");
    return new Condition.Compare(c.string("variable"), Condition.Operator.ofSsmName(c.string("operator")),
        Values.copy("condition value", value));
  }

  private static StepControls readControls(Fields c) {
    c.only(Set.of("timeout", "maxAttempts", "backoff", "onFailure", "critical", "end", "nextStep"));
    Duration timeout = c.has("timeout") ? c.duration("timeout") : null;
    return new StepControls(timeout, c.integer("maxAttempts", 1, 1, 100),
        c.has("backoff") ? c.duration("backoff") : Duration.ZERO, OnFailure.ofSsm(c.optString("onFailure")),
        c.bool("critical", true), c.bool("end", false), c.optString("nextStep"));
  }

  /**
   * Writes a parameter's description, default, allowed values and pattern, each only when set: the members
   * OpsKit's JSON form and SSM's {@code parameters} share.
   */
  static void putConstraints(Map<String, Object> m, Parameter p) {
    if (!p.description().isEmpty()) {
      m.put("description", p.description());
    }
    if (p.defaultValue() != null) {
      m.put("default", p.defaultValue());
    }
    if (!p.allowedValues().isEmpty()) {
      m.put("allowedValues", p.allowedValues());
    }
    if (p.allowedPattern() != null) {
      m.put("allowedPattern", p.allowedPattern());
    }
  }
}
