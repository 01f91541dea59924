package dev.opskit.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad runbooks are refused at build() with a ValidationException naming what is wrong. */
class RunbookValidationTest {

  private static StepAction publish(String message) {
    return StepAction.awsCall("sns", "Publish", Examples.linked("TopicArn", "arn:aws:sns:us-east-1:1:t", "Message", message))
        .output("Id", "$.MessageId", OutputType.STRING);
  }

  private static void assertInvalid(ThrowingCallable build, String message) {
    assertThatThrownBy(build).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void stepNamesAreUnique() {
    assertInvalid(() -> Runbook.builder("dup").step("a", publish("x")).step("a", publish("y")).build(),
        "Invalid step: 'a'. Allowed: each step name once");
  }

  @Test
  void aReferenceToALaterStepOrAnUnknownParameterIsRefused() {
    assertInvalid(() -> Runbook.builder("later").parameter(Parameter.string("Name"))
            .step("first", publish("{{ second.Id }}")).step("second", publish("x")).build(),
        "Invalid step first reference: '{{ second.Id }}'. Allowed: a parameter or an output of an earlier step (Name)");
    assertInvalid(() -> Runbook.builder("unknown").step("first", publish("{{ Nmae }}")).build(),
        "Invalid step first reference: '{{ Nmae }}'. Allowed: a parameter or an output of an earlier step ()");
    Runbook ok = Runbook.builder("earlier").step("first", publish("x")).step("second", publish("{{ first.Id }}")).build();
    assertThat(ok.steps()).hasSize(2);
  }

  @Test
  void aJumpToAMissingStepIsRefused() {
    assertInvalid(() -> Runbook.builder("jump").step("a", publish("x"), c -> c.onFailure(OnFailure.goTo("undo"))).build(),
        "Invalid step a jump: 'undo'. Allowed: the name of a step of this runbook (a)");
    assertInvalid(() -> Runbook.builder("branch").step("a", StepAction.branch(null,
            Choice.of(Condition.stringEquals("{{ automation:EXECUTION_ID }}", "x"), "b"))).build(),
        "Invalid step a jump: 'b'. Allowed: the name of a step of this runbook (a)");
  }

  @Test
  void aLoopWithoutAWaitIsRefusedAndOneThroughASleepIsAccepted() {
    assertInvalid(() -> Runbook.builder("loop").step("a", publish("x")).step("b", publish("y"), c -> c.nextStep("a")).build(),
        "Invalid steps: 'a -> b'. Allowed: a loop only through a sleep, a wait or an approval step");
    Runbook polling = Runbook.builder("poll").step("a", publish("x"))
        .step("pause", StepAction.sleep(Duration.ofSeconds(10)), c -> c.nextStep("a")).build();
    assertThat(polling.steps()).hasSize(2);
  }

  @Test
  void parameterDefaultsHaveTheirTypes() {
    assertInvalid(() -> Parameter.integer("Count").withDefault("three"),
        "Invalid parameter Count default: 'three'. Allowed: a whole number");
    assertInvalid(() -> Parameter.string("Mode").withAllowedValues("a", "b").withDefault("c"),
        "Invalid parameter Mode default: 'c'. Allowed: one of [a, b]");
    assertInvalid(() -> Parameter.of("Db", ParameterType.DB_INSTANCE_ID).withDefault("-bad-"),
        "Invalid parameter Db default: '-bad-'. Allowed: a db instance id (a letter as the first character)");
  }

  @Test
  void ssmsOwnInputNamesCannotBeRequestMembers() {
    assertInvalid(() -> StepAction.awsCall("ecs", "UpdateService", Map.of("Service", "api")),
        "Invalid inputs: 'Service'. Allowed: request members other than SSM's own inputs [Service, Api]"
            + " (member names are the API's: ECS's are camelCase, such as service)");
  }

  @Test
  void malformedPartsAreRefusedWhereTheyAreMade() {
    assertInvalid(() -> Runbook.builder("x"), "Invalid runbook: 'x'. Allowed: 3 to 128 characters");
    assertInvalid(() -> Output.of("Arn", "Service.Arn", OutputType.STRING),
        "Invalid output Arn selector: 'Service.Arn'. Allowed: $ followed by .Member and [index] parts, such as $.Service.ServiceArn");
    assertInvalid(() -> StepAction.awsCall("ECS", "UpdateService", Map.of()),
        "Invalid service: 'ECS'. Allowed: an AWS service name as the SDK and SSM name it, such as ecs or rds");
    assertInvalid(() -> StepControls.defaults().maxAttempts(0), "Invalid maxAttempts: '0'. Allowed: 1 to 100");
    assertInvalid(() -> Runbook.fromJson("{\"name\": \"abc\", \"steps\": [{\"name\": \"j\", \"kind\": \"java\", \"key\": \"k\"}]}"),
        "Invalid java step key: 'k'. Allowed: a key whose code is given to fromJson (given: [])");
  }
}
