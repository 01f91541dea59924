package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.Plan;
import dev.opskit.monitoring.health.Health;
import dev.opskit.monitoring.health.HealthReport;
import dev.opskit.monitoring.health.HealthTarget;
import dev.opskit.monitoring.logs.GuideQueries;
import dev.opskit.monitoring.logs.InsightsQuery;
import dev.opskit.monitoring.logs.InsightsRow;
import dev.opskit.monitoring.logs.LogGroupPresets;
import dev.opskit.monitoring.logs.Logs;
import dev.opskit.monitoring.logs.NamedQuery;
import dev.opskit.monitoring.logs.QueryOutcome;
import dev.opskit.monitoring.metrics.MetricSeries;
import dev.opskit.monitoring.metrics.Metrics;
import dev.opskit.monitoring.metrics.SeriesQuery;
import dev.opskit.monitoring.metrics.Stat;
import dev.opskit.monitoring.metrics.TimeRange;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * The rest of the guide's "Infrastructure Monitoring": its log groups as desired state, a Logs Insights query
 * with typed rows, metric series read back through GetMetricData, and a health report over the database and the
 * table the backup section made.
 */
public final class MonitoringPart2Example implements TourStep {
  static final String LOG_GROUP = "/aws/ecs/api-service";
  static final String NAMESPACE = "OpsKit/Tour";

  @Override
  public String title() {
    return "Monitoring, part 2: log groups, Logs Insights, metric series and service health";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    Logs logs = Logs.using(ctx);
    out.println("The guide's log groups (retention 30 days) as desired state:");
    Plan plan = logs.plan(LogGroupPresets.guide());
    indent(out, plan.render());
    logs.apply(plan);
    out.println("  after apply, drift: " + (logs.drift(LogGroupPresets.guide()).isEmpty() ? "none" : "left"));

    Instant now = ctx.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    writeEvents(ctx, now);
    out.println("Logs Insights over " + LOG_GROUP + " (the runner polls with backoff to a typed outcome):");
    QueryOutcome outcome = logs.insights().run(InsightsQuery.of(
        "fields @timestamp, @message | sort @timestamp desc | limit 5",
        TimeRange.of(now.minus(Duration.ofHours(1)), now.plusSeconds(60)), LOG_GROUP));
    out.println("  outcome: " + outcome.getClass().getSimpleName() + ", " + outcome.rowsOrThrow().size() + " rows");
    for (InsightsRow row : outcome.rowsOrThrow().stream().limit(2).toList()) {
      out.println("  " + row.timestamp().map(Instant::toString).orElse("-") + " " + row.text("@message").orElse(""));
    }
    out.println("  the guide's queries, as named values with typed rows:");
    for (NamedQuery<?> q : List.of(GuideQueries.ERROR_PATTERNS, GuideQueries.API_RESPONSE_TIMES,
        GuideQueries.DATABASE_CONNECTIONS)) {
      out.println("    " + q.name() + ": " + q.description());
    }

    putLatency(ctx, now.truncatedTo(ChronoUnit.MINUTES));
    SeriesQuery latency = SeriesQuery.metric(NAMESPACE, "Latency", Stat.AVERAGE, Duration.ofMinutes(1),
        Map.of("Service", "api-service"));
    List<MetricSeries> series = Metrics.using(ctx).data(List.of(latency, latency.withId("peak")
        .withLabel("peak")), TimeRange.of(now.minus(Duration.ofHours(1)), now.plusSeconds(60)));
    out.println("GetMetricData (batched, ids generated, every page merged):");
    series.forEach(s -> out.println("  " + s));

    out.println("Service health of what the backup section made:");
    HealthReport report = Health.using(ctx).report(List.of(HealthTarget.rds(BackupExample.INSTANCE),
        HealthTarget.dynamoDb(BackupExample.TABLE)));
    report.entries().forEach(e -> indent(out, e.snapshot() != null ? e.snapshot().toText()
        : e.target() + ": " + e.error()));
    indent(out, report.toText());
  }

  private static void indent(PrintStream out, String text) {
    text.lines().forEach(line -> out.println("  " + line));
  }

  private static void writeEvents(OpsContext ctx, Instant now) {
    CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
    String stream = "tour-" + now.toEpochMilli();
    ctx.gate().submit(Change.of("logs:CreateLogStream", LOG_GROUP + ":" + stream,
        CreateLogStreamRequest.builder().logGroupName(LOG_GROUP).logStreamName(stream).build(),
        logs::createLogStream).build());
    ctx.gate().submit(Change.of("logs:PutLogEvents", LOG_GROUP + ":" + stream, PutLogEventsRequest.builder()
        .logGroupName(LOG_GROUP).logStreamName(stream).logEvents(
            InputLogEvent.builder().timestamp(now.minusSeconds(30).toEpochMilli())
                .message("ERROR connection refused to prod-database").build(),
            InputLogEvent.builder().timestamp(now.minusSeconds(10).toEpochMilli())
                .message("GET /health 200").build()).build(), logs::putLogEvents).build());
  }

  private static void putLatency(OpsContext ctx, Instant minute) {
    CloudWatchClient cloudWatch = ctx.client(CloudWatchClient.class, CloudWatchClient::builder);
    Dimension service = Dimension.builder().name("Service").value("api-service").build();
    ctx.gate().submit(Change.of("cloudwatch:PutMetricData", NAMESPACE, PutMetricDataRequest.builder()
        .namespace(NAMESPACE).metricData(
            MetricDatum.builder().metricName("Latency").value(120.0).timestamp(minute.minus(Duration.ofMinutes(2)))
                .dimensions(service).build(),
            MetricDatum.builder().metricName("Latency").value(80.0).timestamp(minute.minus(Duration.ofMinutes(1)))
                .dimensions(service).build()).build(), cloudWatch::putMetricData).build());
  }
}
