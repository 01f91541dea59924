package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.OutputType;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.StepAction;
import dev.opskit.incident.export.SsmAutomation;
import dev.opskit.incident.export.SsmDocument;
import dev.opskit.incident.export.StateMachine;
import dev.opskit.incident.run.Approvals;
import dev.opskit.incident.run.Execution;
import dev.opskit.incident.run.ExecutionJournal;
import dev.opskit.incident.run.RunbookRunner;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Incident runbooks: a runbook as a value (reviewed as text), planned in a dry run that sends nothing, run in
 * process with an approval (and a compensation on its failure path, which ops-incident's own tests run), exported
 * to SSM Automation and Step Functions, and registered as an SSM document.
 */
public final class IncidentExample implements TourStep {
  static final String PARAMETER = "/tour/maintenance-mode";

  @Override
  public String title() {
    return "Incident runbooks: reviewed, dry-run, run with an approval, exported to SSM and Step Functions";
  }

  private static Map<String, Object> linked(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** {@return a runbook that switches maintenance mode on, announces it, and switches it off again if that fails} */
  static Runbook maintenanceMode() {
    return Runbook.builder("tour-maintenance-mode")
        .description("Switch the service into maintenance mode and announce it; undo on failure")
        .parameter(Parameter.string("Name").withPattern("^/[A-Za-z0-9/_-]{1,200}$"))
        .parameter(Parameter.string("Announce").withAllowedValues("yes", "no").withDefault("yes"))
        .step("statusPage", StepAction.awsCall("sns", "CreateTopic", linked("Name", "tour-status-page"))
            .output("TopicArn", "$.TopicArn", OutputType.STRING))
        .step("switchOn", StepAction.awsCall("ssm", "PutParameter", linked(
                "Name", "{{ Name }}", "Value", "on", "Type", "String", "Overwrite", true))
            .output("Version", "$.Version", OutputType.INTEGER))
        .step("readable", StepAction.waitFor("ssm", "GetParameter", linked("Name", "{{ Name }}"),
            "$.Parameter.Value", "on"), c -> c.timeout(Duration.ofMinutes(2)))
        .step("approve", StepAction.approve("Announce maintenance of {{ Name }}?", "incident-commander"),
            c -> c.timeout(Duration.ofMinutes(30)))
        .step("shouldAnnounce", StepAction.branch("done",
            Choice.of(Condition.stringEquals("{{ Announce }}", "yes"), "announce")))
        .step("announce", StepAction.awsCall("sns", "Publish", linked(
                "TopicArn", "{{ statusPage.TopicArn }}",
                "Message", "{{ Name }} is in maintenance (version {{ switchOn.Version }})")),
            c -> c.onFailure(OnFailure.goTo("switchOff")).nextStep("done"))
        .step("done", StepAction.sleep(Duration.ofSeconds(1)), c -> c.end(true))
        .step("switchOff", StepAction.awsCall("ssm", "PutParameter", linked(
                "Name", "{{ Name }}", "Value", "off", "Type", "String", "Overwrite", true)), c -> c.end(true))
        .build();
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    Runbook runbook = maintenanceMode();
    out.println("The runbook, for review before running:");
    TourText.indent(out, runbook.render());

    Map<String, Object> args = Map.of("Name", PARAMETER);
    Execution plan = RunbookRunner.builder(ctx.withDryRun(true)).journal(ExecutionJournal.inMemory()).build()
        .run(runbook, args);
    out.println("Dry run (" + plan.status() + "): every AWS call with its resolved parameters, none sent:");
    for (PlannedCall call : plan.calls()) {
      out.println("  would call " + call.operation() + " " + call.parameters());
    }

    RunbookRunner runner = RunbookRunner.builder(ctx).approvals(Approvals.autoApprove())
        .journal(ExecutionJournal.inMemory()).build();
    Execution run = runner.run(runbook, args);
    out.println("Run for real, the approval given in process (an SNS notice with a reply channel works too);"
        + " had the announcement failed, its onFailure would have run switchOff, the compensation:");
    TourText.indent(out, run.toText());

    SsmDocument doc = runbook.toSsmDocument();
    out.println("As an SSM Automation document (" + doc.toYaml().lines().count() + " lines of YAML, gaps: "
        + doc.gaps() + "); it loads back as the same runbook: "
        + Runbook.fromSsmDocument(runbook.name(), doc.toYaml()).equals(runbook));
    SsmAutomation.Registration registered = SsmAutomation.using(ctx).register(doc);
    out.println("Registered as SSM document " + registered.name() + ", default version " + registered.defaultVersion());
    StateMachine machine = runbook.toStateMachine();
    out.println("As a Step Functions state machine: " + machine.toJson().length() + " characters of ASL, gaps: "
        + machine.gaps());
  }

  /** Text helpers of this example. */
  static final class TourText {
    private TourText() {}

    static void indent(PrintStream out, String text) {
      text.lines().forEach(l -> out.println("  " + l));
    }
  }
}
