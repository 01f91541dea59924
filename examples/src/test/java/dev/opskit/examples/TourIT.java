package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** The tour is a test too: every section runs against the emulator and does what it prints. */
@OpsEmulatorTest
class TourIT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  @Test
  void everySectionRunsAgainstTheEmulator(OpsContext ctx, InMemoryAuditSink audit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Tour.runSteps(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    for (TourStep step : Tour.steps()) {
      assertThat(out).contains("== " + step.title());
    }
    assertThat(audit.events()).isNotEmpty();
    assertThat(audit.events()).extracting(e -> e.outcome()).doesNotContain(Outcome.FAILED);
  }

  @Test
  void coreSectionPlansThenAppliesAndKeepsTheSecretOut(OpsContext ctx, InMemoryAuditSink audit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CoreExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("would call logs:CreateLogGroup /aws/ecs/api-service")
        .contains("log group exists after the dry run? false")
        .contains("retention=30 days");
    CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
    assertThat(CoreExample.find(logs)).hasValueSatisfying(g -> assertThat(g.retentionInDays()).isEqualTo(30));
    assertThat(audit.events(e -> e.outcome() == Outcome.PLANNED)).hasSize(2);
    assertThat(audit.events(e -> e.outcome() == Outcome.SUCCEEDED)).hasSize(3);
    AuditAssertions.assertThat(audit).containsNoText("Tour-Only-Example-Passw0rd");
  }

  @Test
  void runningTheCoreSectionTwiceFindsWhatTheFirstRunMade(OpsContext ctx) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new CoreExample().run(ctx, quiet);
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    new CoreExample().run(ctx, new PrintStream(second, true, StandardCharsets.UTF_8));
    assertThat(second.toString(StandardCharsets.UTF_8))
        .contains("logs:CreateLogGroup /aws/ecs/api-service: exists already, not created")
        .contains("secret prod/database/master exists already (from an earlier run), not created again");
  }

  @Test
  void monitoringSectionPrintsReadablePlansAndSummaries(OpsContext ctx) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new MonitoringExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("  + create alarm HighCPUUtilization\n")
        .contains("  alarms managed by tag managed-by=opskit: 3 to create, 0 to update, 0 to delete, 0 unchanged.")
        .contains("  + create dashboard infrastructure-overview\n")
        .contains("  dry run, nothing sent; would send 3 calls: cloudwatch:PutMetricAlarm HighCPUUtilization, ")
        .contains("  sent 1 call: cloudwatch:PutDashboard infrastructure-overview")
        .contains("  alarms managed by tag managed-by=opskit: 0 to create, 0 to update, 0 to delete, 3 unchanged")
        .contains("  drift: none")
        .contains("  ~ update alarm HighCPUUtilization\n      Threshold: 80.0 -> 90.0\n")
        .contains("  HighCPUUtilization is in ALARM: Incident drill: high CPU runbook rehearsal");
    assertThat(out).as("no enum constants or record toStrings")
        .doesNotContain("UNCHANGED", "CREATE", "PLANNED", "ApplyResult[", "Applied[", "AlarmStatus[", "Planned[", "[name=");
  }
}
