package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An SSM Automation document (schemaVersion 0.3, the actions OpsKit exports) read back as a runbook. */
public final class SsmImporter {
  private static final Set<String> STEP_KEYS = Set.of("name", "action", "inputs", "outputs", "timeoutSeconds",
      "maxAttempts", "onFailure", "onCancel", "isCritical", "isEnd", "nextStep", "description");

  private SsmImporter() {}

  /**
   * Reads a document.
   *
   * @param name the runbook's name
   * @param text the document, YAML or JSON
   * @return the runbook, validated
   * @throws ValidationException when it is malformed or uses what OpsKit does not run
   */
  public static Runbook read(String name, String text) {
    Fields doc = Fields.of("SSM document", Jsons.readYamlOrJson("SSM document", text));
    doc.only(Set.of("schemaVersion", "description", "assumeRole", "parameters", "mainSteps", "outputs", "files"));
    String version = String.valueOf(doc.raw("schemaVersion"));
    if (!version.equals("0.3")) {
      throw ValidationException.of("schemaVersion", version, "0.3 (an Automation runbook)");
    }
    Runbook.Builder b = Runbook.builder(name).description(doc.string("description", ""));
    String role = doc.optString("assumeRole");
    if (role != null) {
      b.assumeRole(role);
    }
    Object params = doc.raw("parameters");
    if (params != null) {
      Fields ps = Fields.of("parameters", params);
      for (Map.Entry<?, ?> e : ps.map().entrySet()) {
        String pname = String.valueOf(e.getKey());
        Fields p = Fields.of("parameter " + pname, e.getValue());
        p.only(Set.of("type", "description", "default", "allowedValues", "allowedPattern", "displayType",
            "minItems", "maxItems", "minChars", "maxChars"));
        ParameterType type = switch (p.string("type")) {
          case "String" -> ParameterType.STRING;
          case "Integer" -> ParameterType.INTEGER;
          case "Boolean" -> ParameterType.BOOLEAN;
          case "StringList" -> ParameterType.STRING_LIST;
          default -> throw ValidationException.of("parameter " + pname + " type", p.raw("type"),
              "String, Integer, Boolean or StringList");
        };
        b.parameter(new Parameter(pname, type, p.string("description", ""),
            p.has("default") ? Values.copy("parameter default", p.raw("default")) : null,
            p.strings("allowedValues"), p.optString("allowedPattern"), false));
      }
    }
    for (Object o : doc.list("mainSteps")) {
      Fields s = Fields.of("step", o);
      s.only(STEP_KEYS);
      String stepName = s.string("name");
      b.step(new Step(stepName, action(stepName, s), controls(s)));
    }
    doc.strings("outputs").forEach(b::output);
    return b.build();
  }

  private static StepAction action(String step, Fields s) {
    String action = s.string("action");
    Map<String, Object> inputs = new LinkedHashMap<>(s.object("inputs"));
    Fields in = Fields.of("step " + step + " inputs", inputs);
    switch (action) {
      case "aws:executeAwsApi" -> {
        String service = in.string("Service");
        String api = in.string("Api");
        inputs.remove("Service");
        inputs.remove("Api");
        List<Output> outputs = new ArrayList<>();
        for (Object o : s.list("outputs")) {
          Fields f = Fields.of("step " + step + " output", o);
          f.only(Set.of("Name", "Selector", "Type"));
          outputs.add(Output.of(f.string("Name"), f.string("Selector"), OutputType.ofSsmName(f.string("Type", "String"))));
        }
        return new StepAction.AwsCall(service, api, inputs, outputs);
      }
      case "aws:waitForAwsResourceProperty", "aws:assertAwsResourceProperty" -> {
        String service = in.string("Service");
        String api = in.string("Api");
        String selector = in.string("PropertySelector");
        List<String> desired = in.strings("DesiredValues");
        for (String k : List.of("Service", "Api", "PropertySelector", "DesiredValues")) {
          inputs.remove(k);
        }
        return action.equals("aws:waitForAwsResourceProperty")
            ? new StepAction.WaitForProperty(service, api, inputs, selector, desired, SsmExporter.DEFAULT_POLL)
            : new StepAction.AssertProperty(service, api, inputs, selector, desired);
      }
      case "aws:approve" -> {
        in.only(Set.of("Approvers", "MinRequiredApprovals", "Message", "NotificationArn"));
        return new StepAction.Approve(in.strings("Approvers"), in.integer("MinRequiredApprovals", 1, 1, 10),
            in.string("Message", ""), in.optString("NotificationArn"));
      }
      case "aws:branch" -> {
        in.only(Set.of("Choices", "Default"));
        List<Choice> choices = new ArrayList<>();
        for (Object o : in.list("Choices")) {
          Fields c = Fields.of("step " + step + " choice", o);
          Map<String, Object> rest = new LinkedHashMap<>(Values.copyMap("choice", c.map()));
          String next = c.string("NextStep");
          rest.remove("NextStep");
          choices.add(Choice.of(condition(step, rest, 0), next));
        }
        return new StepAction.Branch(choices, in.optString("Default"));
      }
      case "aws:sleep" -> {
        in.only(Set.of("Duration", "Timestamp"));
        String d = in.string("Duration");
        try {
          return new StepAction.Sleep(Duration.parse(d));
        } catch (DateTimeParseException e) {
          throw ValidationException.of("step " + step + " Duration", d, "an ISO-8601 duration such as PT5M");
        }
      }
      case "aws:executeAutomation" -> {
        return new StepAction.ExecuteRunbook(in.string("DocumentName"), in.object("RuntimeParameters"));
      }
      default -> {
        throw ValidationException.of("step " + step + " action", action, "one of aws:executeAwsApi,"
            + " aws:waitForAwsResourceProperty, aws:assertAwsResourceProperty, aws:approve, aws:branch, aws:sleep,"
            + " aws:executeAutomation");
      }
    }
  }

  private static Condition condition(String step, Map<?, ?> m, int depth) {
    if (depth > 32) {
      throw ValidationException.of("step " + step + " choice", "(nested " + depth + " levels)", "at most 32 levels");
    }
    Fields c = Fields.of("step " + step + " choice", m);
    if (c.has("And")) {
      return new Condition.And(c.list("And").stream().map(x -> condition(step, map(step, x), depth + 1)).toList());
    }
    if (c.has("Or")) {
      return new Condition.Or(c.list("Or").stream().map(x -> condition(step, map(step, x), depth + 1)).toList());
    }
    if (c.has("Not")) {
      return new Condition.Not(condition(step, map(step, c.raw("Not")), depth + 1));
    }
    String variable = c.string("Variable");
    String operator = null;
    for (Object k : m.keySet()) {
      if (!"Variable".equals(k)) {
        if (operator != null) {
          throw ValidationException.of("step " + step + " choice", Jsons.write(m), "one operator per comparison");
        }
        operator = String.valueOf(k);
      }
    }
    if (operator == null) {
      throw ValidationException.of("step " + step + " choice", Jsons.write(m), "an operator such as StringEquals");
    }
    return new Condition.Compare(variable, Condition.Operator.ofSsmName(operator), Values.copy("choice", m.get(operator)));
  }

  private static Map<?, ?> map(String step, @Nullable Object o) {
    return Fields.of("step " + step + " choice", o).map();
  }

  private static StepControls controls(Fields s) {
    Duration timeout = s.has("timeoutSeconds")
        ? Duration.ofSeconds(s.integer("timeoutSeconds", 3600, 1, 7 * 24 * 3600)) : null;
    return new StepControls(timeout, s.integer("maxAttempts", 1, 1, 100), Duration.ZERO,
        OnFailure.ofSsm(s.optString("onFailure")), s.bool("isCritical", true), s.bool("isEnd", false),
        s.optString("nextStep"));
  }
}
