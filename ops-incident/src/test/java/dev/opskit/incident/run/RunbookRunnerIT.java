package dev.opskit.incident.run;

import static dev.opskit.test.FaultInjectingProxy.amzTarget;
import static dev.opskit.test.FaultInjectingProxy.anyRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.incident.OutputType;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.StepAction;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.OpsEmulatorTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Acceptance 1–3 against moto: a runbook with an AWS call, a wait, a branch, an approval and a compensation runs
 * end to end (and its failure path runs the compensation); its dry run sends nothing (counted at a proxy) and
 * lists every call with resolved parameters; an execution stopped after step 2 resumes at step 3 without
 * repeating the AWS calls of steps 1–2.
 */
@OpsEmulatorTest
class RunbookRunnerIT {
  private static final String SECRET_VALUE = "db-password-Sup3rS3cret";

  @TempDir
  Path journalDir;

  private FaultInjectingProxy proxy;
  private InMemoryAuditSink audit;
  private OpsContext ctx;
  private final List<ApprovalRequest> asked = new ArrayList<>();

  @BeforeEach
  void throughACountingProxy(Emulator emulator) {
    emulator.reset();
    proxy = FaultInjectingProxy.start(emulator.endpoint());
    audit = new InMemoryAuditSink();
    ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).auditSink(audit).build();
  }

  @AfterEach
  void close() {
    ctx.close();
    proxy.close();
  }

  private RunbookRunner runner(OpsContext context, String id) {
    return RunbookRunner.builder(context)
        .approvals(request -> {
          asked.add(request);
          return ApprovalDecision.approvedBy("ops-lead");
        })
        .journal(ExecutionJournal.jsonLines(journalDir))
        .executionIds(() -> id)
        .build();
  }

  private SsmClient ssm() {
    return ctx.client(SsmClient.class, SsmClient::builder);
  }

  @Test
  void theRunbookRunsEndToEnd() {
    Execution run = runner(ctx, "e2e-ok").run(Rollout.runbook(),
        Map.of("Name", "/app/feature-flag", "Value", SECRET_VALUE));

    assertThat(run.status()).as(run.toText()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Rollout.stepNames(run)).containsExactly("put", "stored", "approve", "choose", "verify");
    assertThat(run.step("put").orElseThrow().outputs()).containsEntry("Version", 1L);
    assertThat(run.outputs()).containsEntry("put.Version", 1L);
    assertThat(run.failedStep()).isNull();
    assertThat(run.compensated()).isFalse();
    assertThat(asked).singleElement().satisfies(r -> {
      assertThat(r.message()).isEqualTo("Roll out /app/feature-flag (version 1)?");
      assertThat(r.approvers()).containsExactly("ops-lead");
    });
    assertThat(ssm().getParameter(b -> b.name("/app/feature-flag")).parameter().value()).isEqualTo(SECRET_VALUE);
    // One audit event per step, the change through the gate, and the secret nowhere.
    assertThat(audit.events(e -> e.operation().equals("runbook:Step"))).extracting(AuditEvent::target)
        .containsExactly("parameter-rollout/put", "parameter-rollout/stored", "parameter-rollout/approve",
            "parameter-rollout/choose", "parameter-rollout/verify");
    assertThat(audit.events(e -> e.operation().equals("ssm:PutParameter"))).singleElement()
        .satisfies(e -> {
          assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
          assertThat(e.parameters()).containsEntry("Name", "/app/feature-flag")
              .containsEntry("Value", AuditEvent.REDACTED);
        });
    AuditAssertions.assertThat(audit).containsNoText(SECRET_VALUE);
    assertThat(run.toText()).doesNotContain(SECRET_VALUE).contains("parameter-rollout: Success");
    assertThat(run.toJson()).doesNotContain(SECRET_VALUE).contains("\"status\" : \"Success\"");
    assertThat(journalDir.resolve("e2e-ok.jsonl")).exists().content().doesNotContain(SECRET_VALUE).contains("\"FINISHED\"");
  }

  @Test
  void theFailurePathRunsTheCompensationAndTheExecutionSaysSo() {
    Execution run = runner(ctx, "e2e-fail").run(Rollout.runbook(),
        Map.of("Name", "/app/feature-flag", "Value", "on", "Mode", "fail"));

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(Rollout.stepNames(run)).containsExactly("put", "stored", "approve", "choose", "notify", "rollback");
    assertThat(run.failedStep()).isEqualTo("notify");
    assertThat(run.failure()).contains("sns:Publish").contains("no-such-topic");
    assertThat(run.compensation()).containsExactly("rollback");
    assertThat(run.step("rollback").orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
    assertThatThrownBy(() -> ssm().getParameter(b -> b.name("/app/feature-flag")))
        .isInstanceOf(ParameterNotFoundException.class);
    assertThat(run.toText()).contains("parameter-rollout: Failed").contains("failed at notify: ")
        .contains("compensation ran: rollback");
    assertThat(run.toJson()).contains("\"failedStep\" : \"notify\"").contains("\"compensation\" : [ \"rollback\" ]");
    assertThat(audit.events(e -> e.target().equals("parameter-rollout/notify"))).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
  }

  @Test
  void aDryRunSendsNothingAndListsEveryCallWithResolvedParameters() {
    OpsContext dry = ctx.withDryRun(true);
    Execution plan = runner(dry, "dry-1").run(Rollout.runbook(),
        Map.of("Name", "/app/feature-flag", "Value", SECRET_VALUE));

    assertThat(proxy.count(anyRequest())).isZero();
    assertThat(plan.status()).isEqualTo(RunStatus.PLANNED);
    assertThat(plan.dryRun()).isTrue();
    assertThat(plan.calls()).extracting(PlannedCall::operation).containsExactly(
        "ssm:PutParameter", "ssm:GetParameter", "sns:Publish", "ssm:GetParameter", "ssm:DeleteParameter");
    assertThat(plan.calls().get(0).parameters()).containsEntry("Name", "/app/feature-flag")
        .containsEntry("Value", AuditEvent.REDACTED).containsEntry("Type", "String").containsEntry("Overwrite", false);
    assertThat(plan.calls().get(2).parameters()).containsEntry("TopicArn", Rollout.MISSING_TOPIC)
        .containsEntry("Message", "/app/feature-flag rolled out");
    assertThat(plan.calls().get(4).parameters()).containsEntry("Name", "/app/feature-flag");
    assertThat(asked).isEmpty();
    assertThat(audit.events()).isNotEmpty().allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Outcome.PLANNED));
    AuditAssertions.assertThat(audit).containsNoText(SECRET_VALUE);
    assertThat(plan.toText()).contains("would call ssm:PutParameter").doesNotContain(SECRET_VALUE);

    // The same run for real sends its changes: the proxy counts them.
    runner(ctx, "wet-1").run(Rollout.runbook(), Map.of("Name", "/app/feature-flag", "Value", "on"));
    assertThat(proxy.count(amzTarget("AmazonSSM.PutParameter"))).isEqualTo(1);
  }

  @Test
  void anExecutionStoppedAfterStep2ResumesAtStep3WithoutRepeatingItsCalls() {
    Runbook runbook = Runbook.builder("tagged-setting")
        .parameter(Parameter.string("Name"))
        .step("put", StepAction.awsCall("ssm", "PutParameter", Rollout.linked(
            "Name", "{{ Name }}", "Value", "v1", "Type", "String", "Overwrite", false))
            .output("Version", "$.Version", OutputType.INTEGER))
        .step("tag", StepAction.awsCall("ssm", "AddTagsToResource", Rollout.linked(
            "ResourceType", "Parameter", "ResourceId", "{{ Name }}",
            "Tags", List.of(Rollout.linked("Key", "stage", "Value", "two")))))
        .step("read", StepAction.awsCall("ssm", "GetParameter", Rollout.linked("Name", "{{ Name }}"))
            .output("Value", "$.Parameter.Value", OutputType.STRING))
        .step("check", StepAction.assertThat("ssm", "ListTagsForResource", Rollout.linked(
            "ResourceType", "Parameter", "ResourceId", "{{ Name }}"), "$.TagList[0].Value", "two"))
        .build();
    ExecutionJournal file = ExecutionJournal.jsonLines(journalDir);
    AtomicInteger steps = new AtomicInteger();
    ExecutionJournal stopsAfterStep2 = new ExecutionJournal() {
      @Override
      public void append(JournalEntry entry) {
        file.append(entry);
        if (entry.kind() == JournalEntry.Kind.STEP && steps.incrementAndGet() == 2) {
          throw new IllegalStateException("the JVM stopped here");
        }
      }

      @Override
      public List<JournalEntry> read(String executionId) {
        return file.read(executionId);
      }
    };
    RunbookRunner first = RunbookRunner.builder(ctx).journal(stopsAfterStep2).executionIds(() -> "resume-1").build();
    assertThatThrownBy(() -> first.run(runbook, Map.of("Name", "/app/tagged")))
        .isInstanceOf(IllegalStateException.class).hasMessage("the JVM stopped here");
    assertThat(proxy.count(amzTarget("AmazonSSM.PutParameter"))).isEqualTo(1);
    assertThat(proxy.count(amzTarget("AmazonSSM.GetParameter"))).isZero();

    Execution resumed = RunbookRunner.builder(ctx).journal(file).build().resume(runbook, "resume-1");

    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Rollout.stepNames(resumed)).containsExactly("put", "tag", "read", "check");
    // GetParameter's Parameter.Value is a member the SDK marks sensitive: the output is kept out of reports.
    assertThat(resumed.step("read").orElseThrow().outputs()).containsEntry("Value", AuditEvent.REDACTED);
    // Steps 1 and 2 were not sent again: PutParameter (Overwrite false) would have failed, and the proxy counts one each.
    assertThat(proxy.count(amzTarget("AmazonSSM.PutParameter"))).isEqualTo(1);
    assertThat(proxy.count(amzTarget("AmazonSSM.AddTagsToResource"))).isEqualTo(1);
    assertThat(proxy.count(amzTarget("AmazonSSM.GetParameter"))).isEqualTo(1);
    assertThat(audit.events(e -> e.operation().equals("ssm:PutParameter"))).hasSize(1);
    assertThatThrownBy(() -> RunbookRunner.builder(ctx).journal(file).build().resume(runbook, "resume-1"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid executionId: 'resume-1'. Allowed: an unfinished execution; it finished Success");
  }

  @Test
  void badArgumentsAndRequestsAreRefusedBeforeAnyCall() {
    RunbookRunner runner = runner(ctx, "bad-1");
    Runbook rollout = Rollout.runbook();

    assertThatThrownBy(() -> runner.run(rollout, Map.of("Name", "/a", "Value", "v", "Colour", "red")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid argument: 'Colour'. Allowed: a parameter of runbook parameter-rollout: [Name, Value, Mode]");
    assertThatThrownBy(() -> runner.run(rollout, Map.of("Name", "/a", "Value", 7)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid parameter Value: (redacted). Allowed: a string");
    assertThatThrownBy(() -> runner.run(rollout, Map.of("Name", "/a", "Value", "v", "Mode", "loud")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid parameter Mode: 'loud'. Allowed: one of [normal, fail]");
    assertThatThrownBy(() -> runner.run(rollout, Map.of("Value", "v")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid parameter Name: null. Allowed: a value (required: it has no default)");
    Runbook typo = Runbook.builder("typo").step("put", StepAction.awsCall("ssm", "PutParameter",
        Rollout.linked("Name", "/a", "Valeu", "v"))).build();
    assertThatThrownBy(() -> runner.run(typo, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid step put inputs.Valeu: 'Valeu'. Allowed: a member of PutParameterRequest: [Name,");
    Runbook unknown = Runbook.builder("unknown").step("x", StepAction.awsCall("ssm", "PutParamter",
        Rollout.linked("Name", "/a"))).build();
    assertThatThrownBy(() -> runner.run(unknown, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid ssm action: 'PutParamter'. Allowed: an API action of ssm");
    assertThat(proxy.count(anyRequest())).isZero();
    assertThat(audit.events()).isEmpty();
  }
}
