package dev.opskit.incident.run;

import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.OutputType;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.StepAction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runbook the runner's emulator tests run: SSM parameters and SNS, which moto serves. */
final class Rollout {
  static final String MISSING_TOPIC = "arn:aws:sns:us-east-1:123456789012:no-such-topic";

  private Rollout() {}

  static Map<String, Object> linked(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * An AWS call, a wait, an approval, a branch, a failing notice whose failure goes to a compensation, and an
   * assertion.
   */
  static Runbook runbook() {
    return Runbook.builder("parameter-rollout")
        .description("Store a setting, wait until it is readable, and on the failure path remove it again")
        .parameter(Parameter.string("Name").withPattern("^/[A-Za-z0-9/_-]{1,200}$"))
        .parameter(Parameter.string("Value").asSecret())
        .parameter(Parameter.string("Mode").withAllowedValues("normal", "fail").withDefault("normal"))
        .step("put", StepAction.awsCall("ssm", "PutParameter", linked(
                "Name", "{{ Name }}", "Value", "{{ Value }}", "Type", "String", "Overwrite", false))
            .output("Version", "$.Version", OutputType.INTEGER))
        .step("stored", StepAction.waitFor("ssm", "GetParameter", linked("Name", "{{ Name }}"),
            "$.Parameter.Version", "1"), c -> c.timeout(Duration.ofSeconds(30)))
        .step("approve", StepAction.approve("Roll out {{ Name }} (version {{ put.Version }})?", "ops-lead"),
            c -> c.timeout(Duration.ofMinutes(5)))
        .step("choose", StepAction.branch("verify",
            Choice.of(Condition.stringEquals("{{ Mode }}", "fail"), "notify")))
        .step("notify", StepAction.awsCall("sns", "Publish", linked(
                "TopicArn", MISSING_TOPIC, "Message", "{{ Name }} rolled out")),
            c -> c.onFailure(OnFailure.goTo("rollback")).nextStep("verify"))
        .step("verify", StepAction.assertThat("ssm", "GetParameter", linked("Name", "{{ Name }}"),
            "$.Parameter.Type", "String"), c -> c.end(true))
        .step("rollback", StepAction.awsCall("ssm", "DeleteParameter", linked("Name", "{{ Name }}")),
            c -> c.end(true))
        .output("put.Version")
        .build();
  }

  static List<String> stepNames(Execution e) {
    return e.steps().stream().map(StepResult::step).toList();
  }
}
