package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.TableName;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@OpsEmulatorTest
class DynamoDbBackupsIT {

  @Test
  void enablesPointInTimeRecoveryAndReadsItBackEnabled(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.table(ctx, "user-sessions");
    DynamoDbBackups table = Backups.using(ctx).dynamoDb("user-sessions");
    assertThat(table.pointInTimeRecovery().isEnabled()).isFalse();
    assertThat(table.pointInTimeRecovery().status()).isEqualTo(PitrStatus.DISABLED);

    ChangeResult<PointInTimeRecovery> status = table.enablePointInTimeRecovery();
    ChangeResult<PointInTimeRecovery> again = table.enablePointInTimeRecovery();

    assertThat(status.orElseThrow().isEnabled()).isTrue();
    assertThat(status.orElseThrow().status()).isEqualTo(PitrStatus.ENABLED);
    assertThat(status.orElseThrow().latestRestorable()).isNotNull();
    assertThat(again.orElseThrow().isEnabled()).isTrue();
    // Enabling an enabled table is sent too (AWS changes nothing), so the trail shows each request.
    assertThat(audit.events()).extracting(AuditEvent::operation)
        .containsExactly("dynamodb:UpdateContinuousBackups", "dynamodb:UpdateContinuousBackups");
    assertThat(audit.events().get(0).parameters()).containsEntry("TableName", "user-sessions");
  }

  @Test
  void restoresToAPointInTimeIntoANewActiveTable(OpsContext ctx) {
    Fixtures.table(ctx, "orders");
    DynamoDbBackups table = Backups.using(ctx).dynamoDb("orders");
    PointInTimeRecovery status = table.enablePointInTimeRecovery().orElseThrow();

    TableSummary restored = table.restoreToPointInTime(status.latestRestorable(), "orders-restored").orElseThrow();
    TableSummary latest = table.restoreToLatestRestorableTime(TableName.of("orders-latest")).orElseThrow();

    assertThat(restored.name()).isEqualTo(TableName.of("orders-restored"));
    assertThat(restored.status()).isEqualTo(DynamoDbTableStatus.ACTIVE);
    assertThat(restored.arn().resource()).isEqualTo("table/orders-restored");
    assertThat(restored.isActive()).isTrue();
    assertThat(latest.isActive()).isTrue();
    assertThat(Fixtures.dynamo(ctx).listTables().tableNames()).contains("orders-restored", "orders-latest");
  }

  @Test
  void restoreIsRefusedBeforeAnyChangeWhenPitrIsOffOrTheTimeIsOutsideTheWindow(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.table(ctx, "carts");
    DynamoDbBackups table = Backups.using(ctx).dynamoDb("carts");

    assertThatThrownBy(() -> table.restoreToLatestRestorableTime("carts-restored"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("point-in-time recovery is DISABLED");
    PointInTimeRecovery status = table.enablePointInTimeRecovery().orElseThrow();
    audit.clear();
    assertThatThrownBy(() -> table.restoreToPointInTime(status.earliestRestorable().minus(Duration.ofDays(1)), "carts-restored"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid restoreTime")
        .hasMessageContaining("a time inside the restorable window [");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void onDemandBackupsAreCreatedListedAndDeleted(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.table(ctx, "invoices");
    DynamoDbBackups table = Backups.using(ctx).dynamoDb("invoices");

    TableBackup backup = table.createBackup("invoices-before-migration").orElseThrow();
    List<TableBackup> listed = Fixtures.backups(ctx, "invoices");
    ChangeResult<TableBackup> deleted = table.deleteBackup(backup.arn());

    assertThat(backup.arn().resource()).startsWith("table/invoices/backup/");
    assertThat(backup.tableName()).isEqualTo(TableName.of("invoices"));
    assertThat(listed).extracting(TableBackup::name).contains("invoices-before-migration");
    assertThat(deleted.orElseThrow().arn()).isEqualTo(backup.arn());
    assertThat(Fixtures.backups(ctx, "invoices")).extracting(TableBackup::arn).doesNotContain(backup.arn());
    assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("dynamodb:CreateBackup", "dynamodb:DeleteBackup");
  }

  @Test
  void unknownTableIsNotFound(OpsContext ctx, InMemoryAuditSink audit) {
    assertThatThrownBy(() -> Backups.using(ctx).dynamoDb("no-such-table").enablePointInTimeRecovery())
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("dynamodb:DescribeContinuousBackups on no-such-table");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void dryRunPlansPitrRestoreAndBackupAndChangesNothing(Emulator emulator, OpsContext ctx) {
    Fixtures.table(ctx, "dry-sessions");
    Fixtures.table(ctx, "dry-enabled");
    Backups.using(ctx).dynamoDb("dry-enabled").enablePointInTimeRecovery();
    TableBackup existing = Backups.using(ctx).dynamoDb("dry-enabled").createBackup("kept-backup").orElseThrow();
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      Backups backups = Backups.using(dry);

      ChangeResult<PointInTimeRecovery> planned = backups.dynamoDb("dry-sessions").enablePointInTimeRecovery();
      ChangeResult<TableSummary> restore = backups.dynamoDb("dry-enabled").restoreToLatestRestorableTime("dry-enabled-restored");
      ChangeResult<TableBackup> backup = backups.dynamoDb("dry-sessions").createBackup("dry-backup");
      ChangeResult<TableBackup> delete = backups.dynamoDb("dry-enabled").deleteBackup(existing.arn());

      assertThat(List.of(planned, restore, backup, delete)).allSatisfy(r -> {
        assertThat(r).isInstanceOf(ChangeResult.Planned.class);
        assertThat(r.value()).isEmpty();
      });
      assertThat(restore.call().target()).isEqualTo("dry-enabled-restored");
      assertThat(backup.call().parameters()).containsEntry("BackupName", "dry-backup");
      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly(
          "dynamodb:UpdateContinuousBackups", "dynamodb:RestoreTableToPointInTime", "dynamodb:CreateBackup",
          "dynamodb:DeleteBackup");
      AuditAssertions.assertThat(audit).allPlanned();
    }
    assertThat(Backups.using(ctx).dynamoDb("dry-sessions").pointInTimeRecovery().isEnabled()).isFalse();
    assertThat(Fixtures.dynamo(ctx).listTables().tableNames()).doesNotContain("dry-enabled-restored");
    assertThat(Fixtures.backups(ctx, "dry-sessions")).isEmpty();
    assertThat(Fixtures.backups(ctx, "dry-enabled")).extracting(TableBackup::arn).containsExactly(existing.arn());
  }
}
