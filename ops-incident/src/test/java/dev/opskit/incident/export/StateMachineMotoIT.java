package dev.opskit.incident.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.incident.Choice;
import dev.opskit.incident.Condition;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.StepAction;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Exported control flow (Choice, Wait, Pass) run by moto's Step Functions interpreter, where moto agrees with
 * AWS; the casing of aws-sdk tasks is held to AWS's documentation by the golden files instead (moto wants wire
 * names, see docs/EMULATOR-NOTES.md).
 */
@OpsEmulatorTest
class StateMachineMotoIT {

  private static Runbook branching() {
    return Runbook.builder("sfn-control-flow")
        .parameter(dev.opskit.incident.Parameter.string("Mode"))
        .step("choose", StepAction.branch("slow", Choice.of(Condition.stringEquals("{{ Mode }}", "fast"), "fast")))
        .step("fast", StepAction.java("fastPath", c -> Map.of()), c -> c.end(true))
        .step("slow", StepAction.sleep(Duration.ofSeconds(1)))
        .step("after", StepAction.java("slowPath", c -> Map.of()), c -> c.end(true))
        .build();
  }

  private static void enableInterpreter(Emulator emulator) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(emulator.endpoint() + "/moto-api/config"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"stepfunctions\":{\"execute_state_machine\":true}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isBetween(200, 201);
  }

  private static List<String> run(SfnClient sfn, String name, String input) throws InterruptedException {
    String arn = sfn.createStateMachine(b -> b.name(name).definition(branching().toStateMachine().toJson())
        .roleArn("arn:aws:iam::123456789012:role/opskit-sfn")).stateMachineArn();
    String execution = sfn.startExecution(b -> b.stateMachineArn(arn).input(input)).executionArn();
    ExecutionStatus status = ExecutionStatus.RUNNING;
    for (int i = 0; i < 100 && status == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(100);
      status = sfn.describeExecution(b -> b.executionArn(execution)).status();
    }
    assertThat(status).isEqualTo(ExecutionStatus.SUCCEEDED);
    return sfn.getExecutionHistory(b -> b.executionArn(execution)).events().stream()
        .filter(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED || e.type() == HistoryEventType.WAIT_STATE_ENTERED
            || e.type() == HistoryEventType.CHOICE_STATE_ENTERED)
        .map(StateMachineMotoIT::stateName).toList();
  }

  private static String stateName(HistoryEvent e) {
    return e.stateEnteredEventDetails().name();
  }

  // moto 5.2.1 fails a second StartExecution in one backend (moto #10077, "cannot pickle '_thread.RLock'"):
  // each execution starts from a reset emulator.
  @Test
  void theChoiceTakesItsChoice(OpsContext ctx, Emulator emulator) throws Exception {
    emulator.reset();
    enableInterpreter(emulator);
    SfnClient sfn = ctx.client(SfnClient.class, SfnClient::builder);

    assertThat(run(sfn, "flow-fast", "{\"Mode\":\"fast\"}")).containsExactly("choose", "fast");
  }

  @Test
  void theDefaultGoesThroughTheWaitAndOnInOrder(OpsContext ctx, Emulator emulator) throws Exception {
    emulator.reset();
    enableInterpreter(emulator);
    SfnClient sfn = ctx.client(SfnClient.class, SfnClient::builder);

    assertThat(run(sfn, "flow-slow", "{\"Mode\":\"thorough\"}")).containsExactly("choose", "slow", "after");
  }
}
