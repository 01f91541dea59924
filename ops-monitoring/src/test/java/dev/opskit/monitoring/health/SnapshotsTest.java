package dev.opskit.monitoring.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.monitoring.metrics.Datapoint;
import dev.opskit.monitoring.metrics.MetricSeries;
import dev.opskit.monitoring.metrics.SeriesStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each snapshot counts as a problem, and its text and JSON forms. */
class SnapshotsTest {
  private static final Instant AT = Instant.parse("2026-11-26T11:55:00Z");

  private static MetricSeries series(String id, double... values) {
    List<Datapoint> points = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Datapoint(AT.minusSeconds(300L * (values.length - 1 - i)), values[i]));
    }
    return new MetricSeries(id, id, points, null, SeriesStatus.COMPLETE, List.of());
  }

  @Test
  void lambdaErrorsThrottlesAndPartialDataAreProblems() {
    MetricSeries partial = new MetricSeries("duration", "Duration", List.of(), "Milliseconds", SeriesStatus.PARTIAL_DATA,
        List.of("MaxDatapointsExceeded"));
    LambdaSnapshot s = new LambdaSnapshot(HealthTarget.lambda("api-handler"), "Active", null, "Successful",
        "python3.12", 256, 30, AT, partial, series("errors", 0, 2, 1), series("throttles", 0, 0, 4));

    assertThat(s.problems()).containsExactly("3 errors in the window", "4 throttles in the window",
        "Duration data is PartialData [MaxDatapointsExceeded]");
    assertThat(s.toText()).startsWith("lambda api-handler: UNHEALTHY - Active, python3.12, 256 MB, timeout 30 s;");
    assertThat(s.toJson()).startsWith("{\"target\":\"lambda api-handler\",\"kind\":\"LAMBDA\",\"healthy\":false,")
        .contains("\"status\":\"PartialData\"").contains("\"memorySize\":256");
  }

  @Test
  void rdsCpuAboveTheGuideThresholdAndAStatusOtherThanAvailableAreProblems() {
    RdsSnapshot s = new RdsSnapshot(HealthTarget.rds("prod-database"), "storage-full", "db.example", 5432, "postgres",
        "16.3", "db.r6g.large", List.of(new ServiceEvent(AT, "DB instance is running low on storage")),
        series("cpu", 40, 92.5));

    assertThat(s.problems()).containsExactly("status is storage-full", "CPU at 92.50% (above 80%)");
    assertThat(s.toText()).contains("CPU (latest) 92.50%").contains("event: 2026-11-26T11:55:00Z DB instance is running");
  }

  @Test
  void dynamoDbConsumptionAboveTheProvisionedCapacityIsAProblem() {
    // 3,000 read units in 5 minutes are 10 per second, over the provisioned 5
    DynamoDbSnapshot s = new DynamoDbSnapshot(HealthTarget.dynamoDb("user-sessions"), "ACTIVE", "PROVISIONED", 5L, 5L,
        series("reads", 3000), series("writes", 600));

    assertThat(s.consumedReadsPerSecond()).hasValue(10.0);
    assertThat(s.problems()).containsExactly("consumed reads 10/s above the provisioned 5/s");
    assertThat(s.toText()).isEqualTo("dynamodb user-sessions: UNHEALTHY - ACTIVE, PROVISIONED, provisioned 5 read / 5"
        + " write, consumed (latest, per second) 10 read / 2 write\n  problem: consumed reads 10/s above the"
        + " provisioned 5/s");
  }

  @Test
  void aReportEntryHoldsASnapshotOrAnError() {
    DynamoDbSnapshot ok = new DynamoDbSnapshot(HealthTarget.dynamoDb("user-sessions"), "ACTIVE", "PAY_PER_REQUEST",
        null, null, series("reads"), series("writes"));
    HealthReport report = new HealthReport(List.of(new HealthReport.Entry(ok.target(), ok, null),
        new HealthReport.Entry(HealthTarget.lambda("gone"), null, "Function not found")));

    assertThat(report.toText()).isEqualTo("ok      dynamodb user-sessions\nNOT OK  lambda gone: could not be read:"
        + " Function not found\n1 healthy, 1 not healthy");
    assertThat(report.toJson()).contains("\"error\":\"Function not found\"").contains("\"healthy\":true");
  }
}
