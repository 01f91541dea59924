package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitoring part 2 section of the tour runs against the emulator and does what it prints. */
@OpsEmulatorTest
class MonitoringPart2TourIT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  @Test
  void logGroupsInsightsMetricsAndHealthAsPrinted(OpsContext ctx, InMemoryAuditSink audit) {
    new BackupExample().run(ctx, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new MonitoringPart2Example().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("  + create log group /aws/ecs/api-service\n")
        .contains("  + create log group /aws/lambda/data-processor\n")
        .contains("  after apply, drift: none")
        .contains("  outcome: Complete, 2 rows")
        .contains(" GET /health 200\n")
        .contains(" ERROR connection refused to prod-database\n")
        .contains("    error-patterns: Find error patterns")
        .contains("  m0 Latency Average: 2 points, Complete")
        .contains("  peak peak: 2 points, Complete")
        .contains("  rds prod-database: ")
        .contains("  dynamodb user-sessions: healthy - ACTIVE")
        .contains("2 healthy, 0 not healthy");
    assertThat(audit.events()).extracting(e -> e.outcome()).doesNotContain(Outcome.FAILED);
    assertThat(audit.events(e -> e.operation().equals("logs:PutRetentionPolicy"))).hasSize(2);
  }
}
