package dev.opskit.incident.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.incident.OnFailure;
import dev.opskit.incident.Parameter;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.StepAction;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The runner's control of steps that need no AWS: retries and backoff, sleeps, approvals, nested runbooks, progress. */
class RunbookRunnerTest {
  private final List<Duration> slept = new ArrayList<>();
  private final List<ProgressEvent> progress = new ArrayList<>();
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
      .endpointOverride(URI.create("http://127.0.0.1:9")).sleeper(slept::add).auditSink(audit)
      .progressListener(progress::add).build();

  @AfterEach
  void close() {
    ctx.close();
  }

  private RunbookRunner runner(Approvals approvals, Runbook... others) {
    return RunbookRunner.builder(ctx).approvals(approvals).journal(ExecutionJournal.inMemory())
        .runbooks(others).build();
  }

  @Test
  void aFailingStepIsRetriedWithDoublingBackoffThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    Runbook flaky = Runbook.builder("flaky")
        .step("flaky", StepAction.java("flaky", c -> {
          if (calls.incrementAndGet() < 3) {
            throw new ResourceStateException("not yet", "test:Flaky", "x", null);
          }
          return Map.of("Attempt", (long) calls.get());
        }, "Attempt"), c -> c.maxAttempts(4).backoff(Duration.ofSeconds(2)))
        .build();

    Execution run = runner(Approvals.none()).run(flaky, Map.of());

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.step("flaky").orElseThrow().attempts()).isEqualTo(3);
    assertThat(run.step("flaky").orElseThrow().outputs()).containsEntry("Attempt", 3L);
    assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void aStepThatFailsEveryAttemptFailsTheRunAfterMaxAttempts() {
    AtomicInteger calls = new AtomicInteger();
    Runbook broken = Runbook.builder("broken")
        .step("broken", StepAction.java("broken", c -> {
          calls.incrementAndGet();
          throw new ResourceStateException("still broken", "test:Broken", "x", null);
        }), c -> c.maxAttempts(3))
        .step("never", StepAction.sleep(Duration.ofSeconds(1)))
        .build();

    Execution run = runner(Approvals.none()).run(broken, Map.of());

    assertThat(calls).hasValue(3);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failedStep()).isEqualTo("broken");
    assertThat(run.failure()).contains("still broken");
    assertThat(Rollout.stepNames(run)).containsExactly("broken");
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.detail()).contains("still broken"));
  }

  @Test
  void aRejectedApprovalOrTooFewApprovalsFailTheStep() {
    Runbook gated = Runbook.builder("gated")
        .step("ask", new StepAction.Approve(List.of("alice", "bob"), 2, "go?", null), c -> c.onFailure(OnFailure.goTo("undo")))
        .step("work", StepAction.sleep(Duration.ofSeconds(1)), c -> c.end(true))
        .step("undo", StepAction.sleep(Duration.ofSeconds(2)), c -> c.end(true))
        .build();

    Execution rejected = runner(r -> ApprovalDecision.rejectedBy("bob", "not during the sale")).run(gated, Map.of());
    Execution tooFew = runner(r -> ApprovalDecision.approvedBy("alice", "mallory")).run(gated, Map.of());
    Execution approved = runner(Approvals.autoApprove()).run(gated, Map.of());

    assertThat(rejected.failure()).isEqualTo("rejected by [bob]: not during the sale");
    assertThat(rejected.compensation()).containsExactly("undo");
    assertThat(tooFew.failure()).isEqualTo("1 of the 2 required approvals by [alice, bob]");
    assertThat(approved.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Rollout.stepNames(approved)).containsExactly("ask", "work");
    assertThat(runner(Approvals.none()).run(gated, Map.of()).failure())
        .contains("no approvals are configured for step ask");
  }

  @Test
  void anotherRunbookRunsAsAStepAndItsOutputsAreTheStepsOutputs() {
    Runbook child = Runbook.builder("child").parameter(Parameter.integer("Count"))
        .step("double", StepAction.java("double", c -> Map.of("Twice", 2 * (Long) c.value("Count")), "Twice"))
        .output("double.Twice").build();
    Runbook parent = Runbook.builder("parent").parameter(Parameter.integer("Count").withDefault(21L))
        .step("call", StepAction.execute("child", Map.of("Count", "{{ Count }}")))
        .step("check", StepAction.java("check", c -> Map.of("Seen", c.value("call.Status")), "Seen"))
        .build();

    Execution run = runner(Approvals.none(), child).run(parent, Map.of());

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.step("call").orElseThrow().outputs()).containsEntry("Status", "Success")
        .containsEntry("Output", Map.of("double.Twice", 42L));
    assertThat(run.step("check").orElseThrow().outputs()).containsEntry("Seen", "Success");
    assertThatThrownBy(() -> runner(Approvals.none()).run(parent, Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid step call runbook: 'child'. Allowed: a runbook given to RunbookRunner.builder(ctx).runbooks(...): []");
  }

  @Test
  void sleepsUseTheContextsSleeperAndEveryStepReportsProgress() {
    Runbook pause = Runbook.builder("pause").step("pause", StepAction.sleep(Duration.ofMinutes(5))).build();

    runner(Approvals.none()).run(pause, Map.of());

    assertThat(slept).containsExactly(Duration.ofMinutes(5));
    assertThat(progress).extracting(ProgressEvent::operation).containsOnly("runbook:pause");
    assertThat(progress).extracting(ProgressEvent::status).containsExactly("InProgress", "Success");
  }

  @Test
  void aDryRunRunsJavaStepsOnTheDryRunContextAndSendsNothing() {
    List<Boolean> dry = new ArrayList<>();
    Runbook r = Runbook.builder("dry-java")
        .step("look", StepAction.java("look", c -> {
          dry.add(c.isDryRun() && c.ops().isDryRun());
          return Map.of();
        }))
        .step("pause", StepAction.sleep(Duration.ofMinutes(5)))
        .build();

    Execution plan = RunbookRunner.builder(ctx.withDryRun(true)).journal(ExecutionJournal.inMemory()).build()
        .run(r, Map.of());

    assertThat(plan.status()).isEqualTo(RunStatus.PLANNED);
    assertThat(dry).containsExactly(true);
    assertThat(slept).isEmpty();
    assertThat(audit.events()).extracting(AuditEvent::dryRun).containsOnly(true);
  }

  @Test
  void aSecretPlacedInAJavaStepsOutputNameIsRedacted() {
    Runbook r = Runbook.builder("secret-out")
        .step("make", StepAction.java("make", c -> Map.of("Password", "hunter2-xyz"), "Password"))
        .step("use", StepAction.java("use", c -> Map.of("Length", (long) ((String) c.value("make.Password")).length()),
            "Length"))
        .build();

    Execution run = runner(Approvals.none()).run(r, Map.of());

    assertThat(run.step("make").orElseThrow().outputs()).containsEntry("Password", AuditEvent.REDACTED);
    assertThat(run.step("use").orElseThrow().outputs()).containsEntry("Length", 11L);
    assertThat(run.toJson()).doesNotContain("hunter2-xyz");
    assertThat(audit.events()).allSatisfy(e -> assertThat(e.parameters().toString()).doesNotContain("hunter2-xyz"));
  }
}
