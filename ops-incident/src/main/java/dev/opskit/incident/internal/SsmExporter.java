package dev.opskit.incident.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.Output;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.ParameterType;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.Step;
import dev.opskit.incident.StepAction;
import dev.opskit.incident.StepControls;
import dev.opskit.incident.export.ExportGap;
import dev.opskit.incident.export.ExportMode;
import dev.opskit.incident.export.SsmDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A runbook as an SSM Automation document, schemaVersion 0.3. */
public final class SsmExporter {
  /** The longest an {@code aws:executeAwsApi} call may run. */
  static final Duration API_CALL_LIMIT = Duration.ofSeconds(25);
  /** The poll interval SSM's waits are read back with (SSM polls on its own schedule). */
  static final Duration DEFAULT_POLL = Duration.ofSeconds(5);

  private SsmExporter() {}

  /**
   * Exports a runbook.
   *
   * @param runbook the runbook
   * @param mode strict refuses gaps
   * @return the document and its gaps
   * @throws ValidationException in strict mode when there are gaps
   */
  public static SsmDocument export(Runbook runbook, ExportMode mode) {
    List<ExportGap> gaps = new ArrayList<>();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", "0.3");
    if (!runbook.description().isEmpty()) {
      doc.put("description", runbook.description());
    }
    if (runbook.assumeRole() != null) {
      doc.put("assumeRole", runbook.assumeRole());
    }
    if (!runbook.parameters().isEmpty()) {
      Map<String, Object> params = new LinkedHashMap<>();
      for (Parameter p : runbook.parameters()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.type().ssmType());
        RunbookJson.putConstraints(m, p);
        if (p.type() != ParameterType.STRING && p.type().ssmType().equals("String")) {
          gaps.add(new ExportGap("parameter " + p.name(), "OpsKit type " + p.type()
              + " is exported as an SSM String; SSM does not check it as OpsKit does"));
        }
        if (p.secret()) {
          gaps.add(new ExportGap("parameter " + p.name(), "SSM shows parameter values in the execution history;"
              + " pass a {{ssm-secure:name}} reference instead of the secret"));
        }
        params.put(p.name(), m);
      }
      doc.put("parameters", params);
    }
    List<Object> steps = new ArrayList<>();
    for (Step s : runbook.steps()) {
      step(s, gaps).ifPresent(steps::add);
    }
    doc.put("mainSteps", steps);
    if (!runbook.outputs().isEmpty()) {
      doc.put("outputs", runbook.outputs());
    }
    if (mode == ExportMode.STRICT && !gaps.isEmpty()) {
      throw ValidationException.of("runbook " + runbook.name(), gaps.stream().map(ExportGap::toString)
          .collect(Collectors.joining("; ")), "only what SSM Automation can express (strict export)");
    }
    return new SsmDocument(runbook.name(), doc, gaps);
  }

  private static Optional<Map<String, Object>> step(Step s, List<ExportGap> gaps) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    StepAction a = s.action();
    Map<String, Object> inputs = new LinkedHashMap<>();
    List<Object> outputs = new ArrayList<>();
    if (a instanceof StepAction.AwsCall c) {
      m.put("action", "aws:executeAwsApi");
      inputs.put("Service", c.service());
      inputs.put("Api", c.action());
      inputs.putAll(c.inputs());
      for (Output o : c.outputs()) {
        Map<String, Object> om = new LinkedHashMap<>();
        om.put("Name", o.name());
        om.put("Selector", o.selector());
        om.put("Type", o.type().ssmName());
        outputs.add(om);
      }
      Duration timeout = s.controls().timeout();
      if (timeout != null && timeout.compareTo(API_CALL_LIMIT) > 0) {
        gaps.add(new ExportGap(s.name(), "an aws:executeAwsApi call runs for at most 25 s; the step allows "
            + timeout.toSeconds() + " s"));
      }
      SdkCalls.find(c.service(), c.action()).filter(op -> op.isRead() && op.isPaginated()).ifPresent(op ->
          gaps.add(new ExportGap(s.name(), c.service() + ":" + c.action() + " is paginated; aws:executeAwsApi"
              + " reads only its first page")));
    } else if (a instanceof StepAction.WaitForProperty w) {
      m.put("action", "aws:waitForAwsResourceProperty");
      inputs.put("Service", w.service());
      inputs.put("Api", w.action());
      inputs.putAll(w.inputs());
      inputs.put("PropertySelector", w.selector());
      inputs.put("DesiredValues", w.desiredValues());
      if (!w.pollInterval().equals(DEFAULT_POLL)) {
        gaps.add(new ExportGap(s.name(), "SSM polls on its own schedule; the poll interval " + w.pollInterval()
            + " is not kept"));
      }
    } else if (a instanceof StepAction.AssertProperty as) {
      m.put("action", "aws:assertAwsResourceProperty");
      inputs.put("Service", as.service());
      inputs.put("Api", as.action());
      inputs.putAll(as.inputs());
      inputs.put("PropertySelector", as.selector());
      inputs.put("DesiredValues", as.desiredValues());
    } else if (a instanceof StepAction.Approve ap) {
      m.put("action", "aws:approve");
      if (ap.notificationArn() != null) {
        inputs.put("NotificationArn", ap.notificationArn());
      }
      if (!ap.message().isEmpty()) {
        inputs.put("Message", ap.message());
      }
      inputs.put("MinRequiredApprovals", ap.minRequiredApprovals());
      inputs.put("Approvers", ap.approvers());
    } else if (a instanceof StepAction.Branch b) {
      m.put("action", "aws:branch");
      List<Object> choices = new ArrayList<>();
      for (Choice c : b.choices()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("NextStep", c.nextStep());
        cm.putAll(condition(c.condition()));
        choices.add(cm);
      }
      inputs.put("Choices", choices);
      if (b.defaultStep() != null) {
        inputs.put("Default", b.defaultStep());
      }
    } else if (a instanceof StepAction.Sleep sl) {
      m.put("action", "aws:sleep");
      inputs.put("Duration", sl.duration().toString());
    } else if (a instanceof StepAction.ExecuteRunbook e) {
      m.put("action", "aws:executeAutomation");
      inputs.put("DocumentName", e.runbook());
      if (!e.parameters().isEmpty()) {
        inputs.put("RuntimeParameters", e.parameters());
      }
    } else if (a instanceof StepAction.JavaCode j) {
      gaps.add(new ExportGap(s.name(), "Java step " + j.key() + " cannot run in SSM Automation; it is left out"));
      return Optional.empty();
    }
    controls(s.controls(), m, s.name(), gaps);
    m.put("inputs", inputs);
    if (!outputs.isEmpty()) {
      m.put("outputs", outputs);
    }
    return Optional.of(m);
  }

  static Map<String, Object> condition(Condition c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c instanceof Condition.Compare cmp) {
      m.put("Variable", cmp.variable());
      m.put(cmp.operator().ssmName(), cmp.value());
    } else if (c instanceof Condition.And and) {
      m.put("And", and.conditions().stream().map(SsmExporter::condition).toList());
    } else if (c instanceof Condition.Or or) {
      m.put("Or", or.conditions().stream().map(SsmExporter::condition).toList());
    } else if (c instanceof Condition.Not not) {
      m.put("Not", condition(not.condition()));
    }
    return m;
  }

  private static void controls(StepControls c, Map<String, Object> m, String step, List<ExportGap> gaps) {
    if (c.timeout() != null) {
      m.put("timeoutSeconds", c.timeout().toSeconds());
    }
    if (c.maxAttempts() != 1) {
      m.put("maxAttempts", c.maxAttempts());
    }
    if (!c.backoff().isZero()) {
      gaps.add(new ExportGap(step, "SSM repeats an attempt without a pause; the backoff " + c.backoff() + " is not kept"));
    }
    if (c.onFailure().kind() != OnFailure.Kind.ABORT) {
      m.put("onFailure", c.onFailure().toSsm());
    }
    if (!c.critical()) {
      m.put("isCritical", false);
    }
    if (c.end()) {
      m.put("isEnd", true);
    }
    if (c.nextStep() != null) {
      m.put("nextStep", c.nextStep());
    }
  }
}
