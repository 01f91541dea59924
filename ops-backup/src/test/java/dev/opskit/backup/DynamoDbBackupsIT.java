package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
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

    PitrStatus status = table.enablePointInTimeRecovery();
    PitrStatus again = table.enablePointInTimeRecovery();

    assertThat(status.isEnabled()).isTrue();
    assertThat(status.latestRestorable()).isNotNull();
    assertThat(again.isEnabled()).isTrue();
    assertThat(AuditAssertions.assertThat(audit).hasExactlyOneEvent("dynamodb:UpdateContinuousBackups").parameters())
        .containsEntry("TableName", "user-sessions");
  }

  @Test
  void restoresToAPointInTimeIntoANewActiveTable(OpsContext ctx) {
    Fixtures.table(ctx, "orders");
    DynamoDbBackups table = Backups.using(ctx).dynamoDb("orders");
    PitrStatus status = table.enablePointInTimeRecovery();

    TableSummary restored = table.restoreToPointInTime(status.latestRestorable(), "orders-restored");
    TableSummary latest = table.restoreToLatestRestorableTime("orders-latest");

    assertThat(restored.name()).isEqualTo("orders-restored");
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
    PitrStatus status = table.enablePointInTimeRecovery();
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

    TableBackup backup = table.createBackup("invoices-before-migration");
    List<TableBackup> listed = table.backups();
    table.deleteBackup(backup.arn());

    assertThat(backup.arn()).contains(":table/invoices/backup/");
    assertThat(listed).extracting(TableBackup::name).contains("invoices-before-migration");
    assertThat(table.backups()).extracting(TableBackup::arn).doesNotContain(backup.arn());
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
    TableBackup existing = Backups.using(ctx).dynamoDb("dry-enabled").createBackup("kept-backup");
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      Backups backups = Backups.using(dry);

      PitrStatus planned = backups.dynamoDb("dry-sessions").enablePointInTimeRecovery();
      TableSummary restore = backups.dynamoDb("dry-enabled").restoreToLatestRestorableTime("dry-enabled-restored");
      TableBackup backup = backups.dynamoDb("dry-sessions").createBackup("dry-backup");
      backups.dynamoDb("dry-enabled").deleteBackup(existing.arn());

      assertThat(planned.status()).isEqualTo(DbSnapshot.PLANNED);
      assertThat(restore.status()).isEqualTo(DbSnapshot.PLANNED);
      assertThat(backup.status()).isEqualTo(DbSnapshot.PLANNED);
      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly(
          "dynamodb:UpdateContinuousBackups", "dynamodb:RestoreTableToPointInTime", "dynamodb:CreateBackup",
          "dynamodb:DeleteBackup");
      AuditAssertions.assertThat(audit).allPlanned();
    }
    assertThat(Backups.using(ctx).dynamoDb("dry-sessions").pointInTimeRecovery().isEnabled()).isFalse();
    assertThat(Fixtures.dynamo(ctx).listTables().tableNames()).doesNotContain("dry-enabled-restored");
    assertThat(Backups.using(ctx).dynamoDb("dry-sessions").backups()).isEmpty();
    assertThat(Backups.using(ctx).dynamoDb("dry-enabled").backups()).extracting(TableBackup::arn).containsExactly(existing.arn());
  }
}
