package dev.opskit.incident.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.incident.Runbook;
import dev.opskit.incident.StepAction;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

/** Approvals through an SNS notice (published through the gate, to moto) and a reply channel polled until the deadline. */
@OpsEmulatorTest
class SnsApprovalsIT {
  private Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final List<Duration> slept = new ArrayList<>();
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private OpsContext ctx;
  private String topic;

  @BeforeEach
  void context(Emulator emulator) {
    emulator.reset();
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    ctx = emulator.contextBuilder().clock(clock).sleeper(d -> {
      slept.add(d);
      now = now.plus(d);
    }).auditSink(audit).build();
    topic = ctx.client(SnsClient.class, SnsClient::builder).createTopic(b -> b.name("approvals")).topicArn();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private Runbook gated() {
    return Runbook.builder("sns-gated")
        .step("ask", new StepAction.Approve(List.of("alice"), 1, "Fail over the database?", topic),
            c -> c.timeout(Duration.ofMinutes(10)))
        .step("pause", StepAction.sleep(Duration.ofSeconds(1)))
        .build();
  }

  @Test
  void theNoticeIsPublishedAndTheRepliesPolledUntilADecision() {
    List<ApprovalRequest> polled = new ArrayList<>();
    ApprovalReplies replies = r -> {
      polled.add(r);
      return polled.size() < 3 ? Optional.empty() : Optional.of(ApprovalDecision.approvedBy("alice"));
    };

    Execution run = RunbookRunner.builder(ctx).approvals(Approvals.viaSns(ctx, replies, Duration.ofSeconds(30)))
        .journal(ExecutionJournal.inMemory()).build().run(gated(), Map.of());

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(polled).hasSize(3);
    assertThat(slept).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(1));
    assertThat(audit.events(e -> e.operation().equals("sns:Publish"))).singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(e.target()).isEqualTo(topic);
      assertThat(String.valueOf(e.parameters().get("Message"))).contains("Fail over the database?").contains("alice");
    });
  }

  @Test
  void noDecisionBeforeTheDeadlineTimesTheStepOut() {
    Execution run = RunbookRunner.builder(ctx)
        .approvals(Approvals.viaSns(ctx, r -> Optional.empty(), Duration.ofMinutes(1)))
        .journal(ExecutionJournal.inMemory()).build().run(gated(), Map.of());

    assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(run.failedStep()).isEqualTo("ask");
    assertThat(run.failure()).contains("no decision on the approval of step ask before 2026-12-01T10:10:00Z");
    assertThat(slept).hasSize(10);
    assertThat(audit.events(e -> e.operation().equals("runbook:Step"))).extracting(AuditEvent::outcome)
        .containsExactly(Outcome.FAILED);
  }
}
