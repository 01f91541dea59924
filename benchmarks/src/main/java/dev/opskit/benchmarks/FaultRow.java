package dev.opskit.benchmarks;

import static dev.opskit.test.FaultInjectingProxy.action;
import static dev.opskit.test.FaultInjectingProxy.amzTarget;

import dev.opskit.backup.Backups;
import dev.opskit.core.OpsContext;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmPresets;
import dev.opskit.monitoring.alarm.AlarmState;
import dev.opskit.monitoring.alarm.Alarms;
import dev.opskit.monitoring.alarm.ManagedBy;
import dev.opskit.monitoring.dashboard.DashboardDefinition;
import dev.opskit.monitoring.dashboard.Dashboards;
import dev.opskit.monitoring.dashboard.Widget;
import dev.opskit.test.Emulator;
import dev.opskit.test.faults.FaultKind;
import dev.opskit.test.faults.FaultSuite;
import dev.opskit.test.faults.MutatingOperation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Target 7: mixed mutating operations (alarms, dashboards, RDS snapshots, DynamoDB point-in-time recovery), each
 * under one of the fault kinds in turn (5xx, throttling in the protocol's shape, resets, slow responses past the
 * attempt timeout, lost responses), through the fault-injecting proxy in front of moto; each checked by
 * {@link FaultSuite#check}: the change made exactly once or a typed OpsKit exception, and audit outcomes equal
 * to what the caller saw.
 */
final class FaultRow {
  static final String TARGET = "Faults: 1,000 mixed operations under faults: no duplicates, no lost changes,"
      + " failures typed, audit = what callers saw";
  private static final ManagedBy MANAGED = ManagedBy.tag("managed-by", "opskit");
  private static final AlarmDefinition CPU = AlarmPresets.rds("fi-db").highCpu();
  private static final DashboardDefinition DASHBOARD =
      DashboardDefinition.builder("fi-dashboard").widget(Widget.text("# Fault injection")).build();

  static final List<MutatingOperation> OPERATIONS = List.of(
      MutatingOperation.named("alarms apply: create")
          .changes(action("PutMetricAlarm"))
          .call(ctx -> apply(ctx, List.of(CPU)))
          .creates("a metric alarm", FaultRow::metricAlarms)
          .build(),
      MutatingOperation.named("alarms apply: update")
          .given(direct -> apply(direct, List.of(CPU)))
          .changes(action("PutMetricAlarm"))
          .call(ctx -> apply(ctx, List.of(CPU.toBuilder().threshold(95.0).build())))
          .makes("threshold 95", direct -> alarmThreshold(direct) == 95.0)
          .build(),
      MutatingOperation.named("alarms apply: delete")
          .given(direct -> apply(direct, List.of(CPU)))
          .changes(action("DeleteAlarms"))
          .call(ctx -> apply(ctx, List.of()))
          .deletes("a metric alarm", FaultRow::metricAlarms)
          .build(),
      MutatingOperation.named("alarms setState")
          .given(direct -> apply(direct, List.of(CPU)))
          .changes(action("SetAlarmState"))
          .call(ctx -> Alarms.using(ctx).setState(CPU.name(), AlarmState.ALARM, "fault-injection drill"))
          .makes("state ALARM", direct -> cloudWatch(direct).describeAlarms(r -> r.alarmNames(CPU.name()))
              .metricAlarms().get(0).stateValue() == StateValue.ALARM)
          .build(),
      MutatingOperation.named("dashboards apply: create")
          .changes(action("PutDashboard"))
          .call(ctx -> Dashboards.using(ctx).apply(List.of(DASHBOARD)))
          .creates("a dashboard", FaultRow::dashboards)
          .build(),
      MutatingOperation.named("dashboards delete")
          .given(direct -> Dashboards.using(direct).apply(List.of(DASHBOARD)))
          .changes(action("DeleteDashboards"))
          .call(ctx -> Dashboards.using(ctx).delete("fi-dashboard"))
          .deletes("a dashboard", FaultRow::dashboards)
          .build(),
      MutatingOperation.named("rds snapshot()")
          .given(FaultRow::instance)
          .changes(action("CreateDBSnapshot"))
          .call(ctx -> Backups.using(ctx).rds("fi-db").snapshot())
          .creates("a manual snapshot", FaultRow::manualSnapshots)
          .build(),
      MutatingOperation.named("dynamodb enablePointInTimeRecovery")
          .given(FaultRow::table)
          .changes(amzTarget("DynamoDB_20120810.UpdateContinuousBackups"))
          .call(ctx -> Backups.using(ctx).dynamoDb("fi-table").enablePointInTimeRecovery())
          .makes("point-in-time recovery enabled", direct -> direct.client(DynamoDbClient.class, DynamoDbClient::builder)
              .describeContinuousBackups(r -> r.tableName("fi-table")).continuousBackupsDescription()
              .continuousBackupsStatus() == ContinuousBackupsStatus.ENABLED
              && "ENABLED".equals(direct.client(DynamoDbClient.class, DynamoDbClient::builder)
              .describeContinuousBackups(r -> r.tableName("fi-table")).continuousBackupsDescription()
              .pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString()))
          .build());

  private FaultRow() {}

  static Row run(Run run) {
    Emulator moto = Moto.shared();
    int total = run.pick(6, 1_000);
    List<Object[]> matrix = FaultSuite.matrix(OPERATIONS).toList();
    List<String> broken = new ArrayList<>();
    Map<FaultKind, Integer> kinds = new EnumMap<>(FaultKind.class);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      Object[] row = matrix.get(i % matrix.size());
      MutatingOperation operation = (MutatingOperation) row[0];
      FaultKind fault = (FaultKind) row[1];
      kinds.merge(fault, 1, Integer::sum);
      try {
        FaultSuite.check(moto, operation, fault);
      } catch (AssertionError e) {
        broken.add(operation + " / " + fault + ": " + firstLine(String.valueOf(e.getMessage())));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String measured = Stats.format("%d operations (%d operations × %d fault kinds, cycled), %d broke a rule%s",
        total, OPERATIONS.size(), kinds.size(), broken.size(), broken.isEmpty() ? "" : ": " + String.join("; ",
            broken.subList(0, Math.min(3, broken.size()))));
    return new Row(7, TARGET, measured, Stats.format("- (counts; %.0f s)", seconds), broken.isEmpty());
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message;
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static void apply(OpsContext ctx, Collection<AlarmDefinition> definitions) {
    Alarms alarms = Alarms.using(ctx);
    alarms.apply(alarms.plan(definitions, MANAGED));
  }

  private static CloudWatchClient cloudWatch(OpsContext direct) {
    return direct.client(CloudWatchClient.class, CloudWatchClient::builder);
  }

  private static int metricAlarms(OpsContext direct) {
    return cloudWatch(direct).describeAlarms().metricAlarms().size();
  }

  private static double alarmThreshold(OpsContext direct) {
    return cloudWatch(direct).describeAlarms(r -> r.alarmNames(CPU.name())).metricAlarms().get(0).threshold();
  }

  private static int dashboards(OpsContext direct) {
    return cloudWatch(direct).listDashboards().dashboardEntries().size();
  }

  private static void instance(OpsContext direct) {
    direct.client(RdsClient.class, RdsClient::builder).createDBInstance(r -> r.dbInstanceIdentifier("fi-db")
        .engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("opsadmin")
        .masterUserPassword("Fixture-Pa55word-1").backupRetentionPeriod(7));
  }

  private static int manualSnapshots(OpsContext direct) {
    return direct.client(RdsClient.class, RdsClient::builder)
        .describeDBSnapshots(r -> r.dbInstanceIdentifier("fi-db").snapshotType("manual")).dbSnapshots().size();
  }

  private static void table(OpsContext direct) {
    direct.client(DynamoDbClient.class, DynamoDbClient::builder).createTable(r -> r.tableName("fi-table")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .billingMode(BillingMode.PAY_PER_REQUEST));
  }
}
