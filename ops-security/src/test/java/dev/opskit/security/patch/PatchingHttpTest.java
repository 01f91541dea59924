package dev.opskit.security.patch;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.opskit.security.AwsStub.json11;
import static dev.opskit.security.AwsStub.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.security.AwsStub;
import software.amazon.awssdk.services.ssm.SsmClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The patch scan at the HTTP level (moto lacks ListCommandInvocations), in SSM's JSON 1.1 shapes. */
class PatchingHttpTest {
  private static final String LIST = "AmazonSSM.ListCommandInvocations";
  private static final String COMMAND = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
  private static final String I1 = "i-0123456789abcdef0";
  private static final String I2 = "i-0fedcba9876543210";
  private static final String I3 = "i-00000000000000003";

  private final AwsStub aws = new AwsStub();

  @BeforeEach
  void command() {
    command("InProgress", 2);
  }

  private void command(String status, int targets) {
    aws.server().stubFor(json11("AmazonSSM.ListCommands").willReturn(ok(("{\"Commands\": [{\"CommandId\": \"%s\", "
        + "\"DocumentName\": \"AWS-RunPatchBaseline\", \"Status\": \"%s\", \"TargetCount\": %d}]}")
        .formatted(COMMAND, status, targets))));
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  private void answer(String state, String next, String body) {
    var mapping = json11(LIST).inScenario("scan").whenScenarioStateIs(state).willReturn(ok(body));
    aws.server().stubFor(next == null ? mapping : mapping.willSetStateTo(next));
  }

  @Nested
  class Waiting {
    /** Acceptance 5, first half: several polls, all within the caller's budget. */
    @Test
    void invocationsThatTakeSeveralPollsCompleteWithinTheBudget() {
      answer(STARTED, "listed", invocations());
      answer("listed", "one-done", invocations(running(I1), running(I2)));
      answer("one-done", "all-done", invocations(success(I1, "Scan found 3 missing patches"), running(I2)));
      answer("all-done", null, invocations(success(I1, "Scan found 3 missing patches"), failed(I2, "yum error")));

      CommandOutcome outcome = Patching.using(aws.ctx()).awaitCommand(COMMAND, Duration.ofMinutes(30));

      assertThat(outcome).isInstanceOf(CommandOutcome.Completed.class);
      assertThat(((CommandOutcome.Completed) outcome).polls()).isEqualTo(4);
      assertThat(outcome.orElseThrow()).containsExactly(
          new InstanceInvocation(I1, InvocationStatus.of("Success"), "Success", 0, "Scan found 3 missing patches"),
          new InstanceInvocation(I2, InvocationStatus.of("Failed"), "Failed", 1, "yum error"));
      assertThat(outcome.failed()).extracting(InstanceInvocation::instanceId).containsExactly(I2);
      assertThat(aws.bodies(LIST)).hasSize(4).allSatisfy(b -> assertThat(b)
          .contains("\"CommandId\":\"" + COMMAND + "\"", "\"Details\":true"));
      // the context's poller: 5 s first, then longer
      assertThat(aws.sleeps()).first().isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRunningInvocationNeverReportsMinusOneAsItsExitCode() {
      answer(STARTED, null, invocations(running(I1)));

      CommandOutcome outcome = Patching.using(aws.ctx()).awaitCommand(COMMAND, Duration.ofSeconds(10));

      assertThat(outcome.invocations()).singleElement().satisfies(i -> {
        assertThat(i.status().isFinal()).isFalse();
        assertThat(i.responseCode()).isNull();
      });
    }

    /** Acceptance 5, second half: the budget runs out; the timeout is typed and names the instances still running. */
    @Test
    void anExceededBudgetEndsInATypedTimeoutNamingTheInstancesStillRunning() {
      answer(STARTED, null, invocations(success(I1, "ok"), running(I2)));

      CommandOutcome outcome = Patching.using(aws.ctx()).awaitCommand(COMMAND, Duration.ofMinutes(2));

      assertThat(outcome).isInstanceOfSatisfying(CommandOutcome.TimedOut.class, t -> {
        assertThat(t.stillRunning()).containsExactly(I2);
        assertThat(t.budget()).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.elapsed()).isEqualTo(Duration.ofMinutes(2));
      });
      assertThat(aws.now()).isEqualTo(AwsStub.START.plus(Duration.ofMinutes(2)));
      assertThatThrownBy(outcome::orElseThrow)
          .isInstanceOf(OperationTimeoutException.class)
          .hasMessageContaining("command " + COMMAND + " still running on [" + I2 + "] after PT2M")
          .hasMessageContaining("the budget was PT2M")
          .hasMessageContaining("aws ssm cancel-command --command-id " + COMMAND);
    }

    @Test
    void aCommandSsmHasNotListedYetTimesOutSayingSo() {
      answer(STARTED, null, invocations());

      CommandOutcome outcome = Patching.using(aws.ctx()).awaitCommand(COMMAND, Duration.ofSeconds(30));

      assertThatThrownBy(outcome::orElseThrow)
          .isInstanceOf(OperationTimeoutException.class)
          .hasMessageContaining("SSM listed no invocation yet");
    }

    @Test
    void everyPageOfInvocationsIsRead() {
      String page1 = invocations(success(I1, "ok")).replace("]}", "], \"NextToken\": \"n2\"}");
      aws.server().stubFor(json11(LIST).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
          .notContaining("NextToken")).willReturn(ok(page1)));
      aws.server().stubFor(json11(LIST).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
          .containing("\"NextToken\":\"n2\"")).willReturn(ok(invocations(success(I2, "ok")))));

      assertThat(Patching.using(aws.ctx()).awaitCommand(COMMAND, Duration.ofMinutes(1)).orElseThrow())
          .extracting(InstanceInvocation::instanceId).containsExactly(I1, I2);
    }

    @Test
    void instancesNotListedYetKeepTheWaitGoingUntilTheCommandHasAllItsTargets() {
      command("InProgress", 3);
      answer(STARTED, "third", invocations(success(I1, "ok"), success(I2, "ok")));
      answer("third", null, invocations(success(I1, "ok"), success(I2, "ok"), success(I3, "ok")));

      CommandOutcome outcome = Patching.using(aws.ctx()).awaitCommand(COMMAND, Duration.ofMinutes(5));

      assertThat(outcome.orElseThrow()).extracting(InstanceInvocation::instanceId).containsExactly(I1, I2, I3);
      assertThat(aws.bodies(LIST)).hasSize(2);
    }

    @Test
    void aFinishedCommandEndsTheWaitWhateverItsTargetCount() {
      command("Success", 0);
      answer(STARTED, null, invocations(success(I1, "ok")));

      assertThat(Patching.using(aws.ctx()).awaitCommand(COMMAND, Duration.ofMinutes(5)))
          .isInstanceOf(CommandOutcome.Completed.class);
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyCall() {
      Patching patching = Patching.using(aws.ctx());
      assertThatThrownBy(() -> patching.awaitCommand("short", Duration.ofMinutes(1)))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid commandId: 'short'. Allowed: 36 to 36 characters");
      assertThatThrownBy(() -> patching.awaitCommand(COMMAND, Duration.ZERO))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid budget: 'PT0S'. Allowed: 1 second to 2 days");
      assertThat(aws.server().getAllServeEvents()).isEmpty();
    }
  }

  @Nested
  class Scanning {
    @Test
    void theGuidesScanIsSentToTheTaggedTargets() {
      aws.server().stubFor(json11("AmazonSSM.SendCommand").willReturn(ok(
          "{\"Command\": {\"CommandId\": \"" + COMMAND + "\", \"DocumentName\": \"AWS-RunPatchBaseline\"}}")));

      ChangeResult<String> result = Patching.using(aws.ctx()).scan(PatchTargets.tag("Environment", "production"));

      assertThat(result.orElseThrow()).isEqualTo(COMMAND);
      assertThat(aws.bodies("AmazonSSM.SendCommand")).singleElement().satisfies(b -> assertThat(b).contains(
          "\"DocumentName\":\"AWS-RunPatchBaseline\"", "\"Parameters\":{\"Operation\":[\"Scan\"]}",
          "\"Targets\":[{\"Key\":\"tag:Environment\",\"Values\":[\"production\"]}]"));
      assertThat(aws.audit().events()).singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("ssm:SendCommand"));
    }

    @Test
    void aCommandSentTwiceBecauseAnAnswerWasLostIsCancelledOnceAndOnlyThatOne() {
      String first = "0a2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
      String mine = "OpsKit patch scan mark-1";
      aws.server().stubFor(json11("AmazonSSM.SendCommand").inScenario("send").whenScenarioStateIs(STARTED)
          .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)
              .withHeader("Content-Type", "application/x-amz-json-1.1")
              .withBody("{\"__type\": \"InternalServerError\", \"message\": \"try again\"}"))
          .willSetStateTo("retried"));
      aws.server().stubFor(json11("AmazonSSM.SendCommand").inScenario("send").whenScenarioStateIs("retried")
          .willReturn(ok("{\"Command\": {\"CommandId\": \"" + COMMAND + "\", \"Comment\": \"" + mine + "\"}}"))
          .willSetStateTo("sent"));
      // before the first attempt: someone else's scan only; after the call: theirs and this call's two
      aws.server().stubFor(json11("AmazonSSM.ListCommands").inScenario("send").whenScenarioStateIs(STARTED)
          .willReturn(ok(commands(command("9f2c3d4e-5f60-7182-93a4-b5c6d7e8f901", "someone else's scan")))));
      aws.server().stubFor(json11("AmazonSSM.ListCommands").inScenario("send").whenScenarioStateIs("sent")
          .willReturn(ok(commands(command("9f2c3d4e-5f60-7182-93a4-b5c6d7e8f901", "someone else's scan"),
              command(first, mine), command(COMMAND, mine)))));
      aws.server().stubFor(json11("AmazonSSM.CancelCommand").willReturn(ok("{}")));
      SsmClient ssm = aws.ctx().client(SsmClient.class, SsmClient::builder);

      ChangeResult<String> result = new PatchingImpl(aws.ctx(), ssm, () -> "mark-1")
          .scan(PatchTargets.tag("Environment", "production"));

      assertThat(result.orElseThrow()).isEqualTo(COMMAND);
      assertThat(aws.bodies("AmazonSSM.SendCommand")).hasSize(2)
          .allSatisfy(b -> assertThat(b).contains("\"Comment\":\"" + mine + "\""));
      assertThat(aws.bodies("AmazonSSM.CancelCommand")).singleElement()
          .satisfies(b -> assertThat(b).contains("\"CommandId\":\"" + first + "\""));
      assertThat(aws.bodies("AmazonSSM.ListCommands")).hasSize(2).allSatisfy(b -> assertThat(b)
          .contains("\"key\":\"DocumentName\"", "\"value\":\"AWS-RunPatchBaseline\"", "\"key\":\"InvokedAfter\""));
      assertThat(aws.audit().events()).extracting(e -> e.operation() + " " + e.outcome())
          .containsExactly("ssm:CancelCommand SUCCEEDED", "ssm:SendCommand SUCCEEDED");
    }

    private static String commands(String... commands) {
      return "{\"Commands\": [" + String.join(",", commands) + "]}";
    }

    private static String command(String id, String comment) {
      return "{\"CommandId\": \"" + id + "\", \"Comment\": \"" + comment + "\", \"DocumentName\": "
          + "\"AWS-RunPatchBaseline\", \"RequestedDateTime\": 1764590000, \"Status\": \"Pending\"}";
    }

    @Test
    void aDryRunSendsNothing() {
      ChangeResult<String> result = Patching.using(aws.ctx().withDryRun(true)).scan(PatchTargets.instances(I1, I2));

      assertThat(result.isPlanned()).isTrue();
      assertThat(result.call().parameters().toString()).contains("InstanceIds", I1, I2);
      assertThat(aws.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void moreThanFiftyInstancesOrFiveTargetsAreRefused() {
      String[] ids = IntStream.range(0, 51).mapToObj(i -> "i-%017x".formatted(i)).toArray(String[]::new);
      assertThatThrownBy(() -> PatchTargets.instances(ids))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid instanceIds: '51'. Allowed: at most 50 instance ids");
      assertThat(PatchTargets.instances(java.util.Arrays.copyOf(ids, 50)).instanceIds()).hasSize(50);

      PatchTargets five = PatchTargets.tag("Environment", "production").and("tag:Role", "web").and("tag:Team", "a")
          .and("tag:Tier", "1").and("tag-key", "Patch");
      assertThat(five.targets()).hasSize(5);
      assertThatThrownBy(() -> five.and("resource-groups:Name", "prod"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid targets: '6'. Allowed: at most 5 targets");
      assertThatThrownBy(() -> new PatchTargets(Map.of("tag:Environment", List.of("production")), List.of(I1)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Allowed: either 1 to 5 targets or 1 to 50 instance ids, not both");
      assertThatThrownBy(() -> PatchTargets.instances("i-nothex"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid instanceIds: 'i-nothex'. Allowed: 10 to 20 characters");
    }
  }

  @Test
  void patchComplianceIsReadPerInstance() {
    aws.server().stubFor(json11("AmazonSSM.DescribeInstancePatchStates").willReturn(ok("""
        {"InstancePatchStates": [{"InstanceId": "%s", "PatchGroup": "", "BaselineId": "pb-0123456789abcdef0",
          "Operation": "Scan", "InstalledCount": 40, "MissingCount": 3, "FailedCount": 0,
          "CriticalNonCompliantCount": 1, "SecurityNonCompliantCount": 2,
          "OperationStartTime": 1764590000, "OperationEndTime": 1764590400}]}""".formatted(I1))));

    List<InstancePatchCompliance> states = Patching.using(aws.ctx()).compliance(List.of(I1));

    assertThat(states).singleElement().satisfies(s -> {
      assertThat(s.instanceId()).isEqualTo(I1);
      assertThat(s.missing()).isEqualTo(3);
      assertThat(s.criticalNonCompliant()).isEqualTo(1);
      assertThat(s.isCompliant()).isFalse();
    });
  }

  private static String invocations(String... items) {
    return "{\"CommandInvocations\": [" + String.join(",", items) + "]}";
  }

  private static String running(String instance) {
    return invocation(instance, "InProgress", -1, "", false);
  }

  private static String success(String instance, String output) {
    return invocation(instance, "Success", 0, output, true);
  }

  private static String failed(String instance, String output) {
    return invocation(instance, "Failed", 1, output, true);
  }

  private static String invocation(String instance, String status, int code, String output, boolean finished) {
    return """
        {"CommandId": "%s", "InstanceId": "%s", "DocumentName": "AWS-RunPatchBaseline", "Status": "%s",
         "StatusDetails": "%s", "RequestedDateTime": 1764590000,
         "CommandPlugins": [{"Name": "PatchLinux", "Status": "%s", "ResponseCode": %d, "Output": "%s"%s}]}"""
        .formatted(COMMAND, instance, status, status, status, code, output,
            finished ? ", \"ResponseStartDateTime\": 1764590010, \"ResponseFinishDateTime\": 1764590100" : "");
  }

}
