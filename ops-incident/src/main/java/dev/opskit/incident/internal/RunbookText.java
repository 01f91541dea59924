package dev.opskit.incident.internal;

import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.Step;
import dev.opskit.incident.StepAction;
import dev.opskit.incident.StepControls;
import java.util.stream.Collectors;

/** The readable rendering of a runbook, for review before running. */
public final class RunbookText {
  private RunbookText() {}

  /**
   * Renders a runbook.
   *
   * @param runbook the runbook
   * @return one line per parameter and step, numbered
   */
  public static String render(Runbook runbook) {
    StringBuilder sb = new StringBuilder();
    sb.append("Runbook ").append(runbook.name());
    if (!runbook.description().isEmpty()) {
      sb.append(": ").append(runbook.description());
    }
    sb.append('\n');
    if (runbook.assumeRole() != null) {
      sb.append("  assumes role ").append(runbook.assumeRole()).append('\n');
    }
    for (Parameter p : runbook.parameters()) {
      sb.append("  parameter ").append(p.name()).append(" (").append(p.type().name().toLowerCase(java.util.Locale.ROOT));
      if (p.defaultValue() != null) {
        sb.append(", default ").append(Jsons.write(p.defaultValue()));
      } else {
        sb.append(", required");
      }
      if (!p.allowedValues().isEmpty()) {
        sb.append(", one of ").append(p.allowedValues());
      }
      if (p.allowedPattern() != null) {
        sb.append(", matching ").append(p.allowedPattern());
      }
      sb.append(')');
      if (!p.description().isEmpty()) {
        sb.append(": ").append(p.description());
      }
      sb.append('\n');
    }
    int i = 1;
    for (Step s : runbook.steps()) {
      sb.append(String.format(java.util.Locale.ROOT, "  %2d. %s: %s%s%n", i++, s.name(), describe(s.action()), controls(s.controls())));
    }
    if (!runbook.outputs().isEmpty()) {
      sb.append("  outputs ").append(String.join(", ", runbook.outputs())).append('\n');
    }
    return sb.toString();
  }

  /**
   * One action in a few words.
   *
   * @param a the action
   * @return the text
   */
  public static String describe(StepAction a) {
    if (a instanceof StepAction.AwsCall c) {
      return "call " + c.service() + ":" + c.action() + " " + Jsons.write(c.inputs())
          + (c.outputs().isEmpty() ? "" : " -> " + c.outputs().stream().map(o -> o.name() + "=" + o.selector())
              .collect(Collectors.joining(", ")));
    }
    if (a instanceof StepAction.WaitForProperty w) {
      return "wait until " + w.service() + ":" + w.action() + " " + Jsons.write(w.inputs()) + " " + w.selector()
          + " is one of " + w.desiredValues() + " (poll every " + w.pollInterval() + ")";
    }
    if (a instanceof StepAction.AssertProperty s) {
      return "assert " + s.service() + ":" + s.action() + " " + Jsons.write(s.inputs()) + " " + s.selector()
          + " is one of " + s.desiredValues();
    }
    if (a instanceof StepAction.Approve ap) {
      return "approval by " + ap.minRequiredApprovals() + " of " + ap.approvers()
          + (ap.message().isEmpty() ? "" : ": " + ap.message());
    }
    if (a instanceof StepAction.Branch b) {
      return "branch " + b.choices().stream().map(RunbookText::choice).collect(Collectors.joining("; "))
          + (b.defaultStep() == null ? "; otherwise fail" : "; otherwise go to " + b.defaultStep());
    }
    if (a instanceof StepAction.Sleep s) {
      return "sleep " + s.duration();
    }
    if (a instanceof StepAction.ExecuteRunbook e) {
      return "run runbook " + e.runbook() + " " + Jsons.write(e.parameters());
    }
    StepAction.JavaCode j = (StepAction.JavaCode) a;
    return "java step " + j.key() + (j.outputs().isEmpty() ? "" : " -> " + String.join(", ", j.outputs()));
  }

  private static String choice(Choice c) {
    return "if " + condition(c.condition()) + " go to " + c.nextStep();
  }

  private static String condition(Condition c) {
    if (c instanceof Condition.Compare cmp) {
      return cmp.variable() + " " + cmp.operator().ssmName() + " " + Jsons.write(cmp.value());
    }
    if (c instanceof Condition.And and) {
      return "(" + and.conditions().stream().map(RunbookText::condition).collect(Collectors.joining(" and ")) + ")";
    }
    if (c instanceof Condition.Or or) {
      return "(" + or.conditions().stream().map(RunbookText::condition).collect(Collectors.joining(" or ")) + ")";
    }
    return "not " + condition(((Condition.Not) c).condition());
  }

  private static String controls(StepControls c) {
    StringBuilder sb = new StringBuilder();
    if (c.timeout() != null) {
      sb.append(", timeout ").append(c.timeout());
    }
    if (c.maxAttempts() > 1) {
      sb.append(", ").append(c.maxAttempts()).append(" attempts");
      if (!c.backoff().isZero()) {
        sb.append(" backoff ").append(c.backoff());
      }
    }
    if (c.onFailure().kind() != OnFailure.Kind.ABORT) {
      sb.append(", on failure ").append(c.onFailure().toSsm());
    }
    if (!c.critical()) {
      sb.append(", not critical");
    }
    if (c.end()) {
      sb.append(", then end");
    }
    if (c.nextStep() != null) {
      sb.append(", then ").append(c.nextStep());
    }
    return sb.isEmpty() ? "" : " [" + sb.substring(2) + "]";
  }
}
