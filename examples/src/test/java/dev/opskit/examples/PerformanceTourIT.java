package dev.opskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.monitoring.scaling.ScalableDimension;
import dev.opskit.monitoring.scaling.Scaling;
import dev.opskit.monitoring.scaling.ScalingPresets;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tour's performance section runs against the emulator and does what it prints. */
@OpsEmulatorTest
class PerformanceTourIT {

  @BeforeEach
  void startFromAnEmptyAccount(Emulator emulator) {
    emulator.reset();
  }

  private static String run(OpsContext ctx) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PerformanceExample().run(ctx, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void thePerformanceSectionSizesScalesAndShowsTheTypedQuery(OpsContext ctx, InMemoryAuditSink audit) {
    String out = run(ctx);

    assertThat(out)
        .contains("Loaded the guide's task definition: api-service, cpu 512, memory 1024, container api.")
        .contains("cpu 512 with memory 512 is refused: Invalid memory: '512'. Allowed: 1024, 2048, 3072 or 4096 MiB"
            + " with cpu 512 (Fargate)")
        .contains("  cpu 512 units: no data")
        .contains("a revision with 2048 MiB, dry run: would call ecs:RegisterTaskDefinition api-service")
        .contains("  + create scalable target table/user-sessions dynamodb:table:ReadCapacityUnits\n")
        .contains("  + create scaling policy user-sessions-read-scaling-policy on table/user-sessions"
            + " dynamodb:table:ReadCapacityUnits\n")
        .contains("  + create scalable target service/prod-cluster/api-service ecs:service:DesiredCount\n")
        .contains("  applied; planned again: 0 to create, 0 to update, 0 to delete, 3 unchanged")
        .contains("      MinCapacity: 5 -> 10")
        .contains("db.SQL.Select.Avg_timer_wait.avg by db.sql_tokenized, retention 7 days.")
        .contains("the guide's own JSON is refused: Invalid MetricQueries[0].GroupBy.Group: 'db.sql_tokenized.statement'.");
    assertThat(Scaling.using(ctx).read(ScalableDimension.DYNAMODB_TABLE_READ, "table/user-sessions"))
        .contains(ScalingPresets.userSessionsRead());
    assertThat(audit.events()).extracting(e -> e.outcome()).doesNotContain(Outcome.FAILED);
  }

  @Test
  void runningItTwiceFindsWhatTheFirstRunMade(OpsContext ctx) {
    run(ctx);
    String second = run(ctx);
    assertThat(second).doesNotContain("created service").contains("  applied; planned again: 0 to create, 0 to update,"
        + " 0 to delete, 3 unchanged");
  }
}
