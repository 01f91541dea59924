package dev.opskit.examples;

import dev.opskit.backup.Backups;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.PrunePolicy;
import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditSinks;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.Plan;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import java.nio.file.Path;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;

/**
 * The quick start of README.md, kept here so that it always compiles. It talks to real AWS with the
 * default credentials chain; the tour ({@link Tour}) runs the same operations against an emulator.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the quick start against AWS.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (AuditSinks.ClosableAuditSink audit = AuditSinks.jsonLines(Path.of("audit.jsonl"));
        OpsContext ctx = OpsContext.builder()
            .region(Region.US_EAST_1)
            .auditSink(audit)
            .defaultTag("managed-by", "opskit")
            .build()) {

      Backups backups = Backups.using(ctx);
      DbSnapshot snapshot = backups.rds("prod-database").snapshot().orElseThrow();
      System.out.println("snapshot " + snapshot.id());
      backups.rds("prod-database").prune(PrunePolicy.keepLast(7));

      Alarms alarms = Alarms.using(ctx);
      Plan plan = alarms.plan(AlarmPresets.guide(), ManagedBy.tag("managed-by", "opskit"));
      System.out.println(plan.render());
      alarms.apply(plan);

      Backups.using(ctx.withDryRun(true)).rds("prod-database").prune(PrunePolicy.keepLast(3));

      CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
      ctx.gate().submit(Change.of("logs:PutRetentionPolicy", "/aws/ecs/api-service",
          PutRetentionPolicyRequest.builder().logGroupName("/aws/ecs/api-service").retentionInDays(30).build(),
          logs::putRetentionPolicy).build());
    }
  }
}
