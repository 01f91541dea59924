package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.OpsEmulatorTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Creates whose response is lost on the way back (a {@link FaultInjectingProxy} drops it; the SDK sends
 * the request again): each yields one resource and no failure. The snapshot case is in {@link RdsSnapshotIT}.
 */
@OpsEmulatorTest
class LostResponseIT {
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private FaultInjectingProxy proxy;
  private OpsContext ctx;

  @BeforeEach
  void proxy(Emulator emulator) {
    proxy = FaultInjectingProxy.start(emulator.endpoint());
    ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).auditSink(audit).build();
  }

  @AfterEach
  void close() {
    ctx.close();
    proxy.close();
  }

  @Test
  void pointInTimeRestoreRetriedYieldsOneInstance(OpsContext direct) {
    Fixtures.instance(direct, "lost-db", 7, Map.of());
    proxy.dropResponses(1, r -> r.mentions("Action=RestoreDBInstanceToPointInTime"));

    DatabaseInstance restored = Backups.using(ctx).rds("lost-db").restoreToLatestRestorableTime("lost-db-restored").orElseThrow();

    assertThat(proxy.droppedResponses()).isEqualTo(1);
    assertThat(restored.isAvailable()).isTrue();
    assertThat(Fixtures.rds(direct).describeDBInstances().dbInstances()).extracting(DBInstance::dbInstanceIdentifier)
        .containsOnlyOnce("lost-db-restored");
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.detail()).startsWith("already existed"));
  }

  @Test
  void tableRestoreRetriedYieldsOneTable(OpsContext direct) {
    Fixtures.table(direct, "lost-table");
    Backups.using(direct).dynamoDb("lost-table").enablePointInTimeRecovery();
    proxy.dropResponses(1, r -> r.mentions("DynamoDB_20120810.RestoreTableToPointInTime"));

    TableSummary restored = Backups.using(ctx).dynamoDb("lost-table").restoreToLatestRestorableTime("lost-table-restored")
        .orElseThrow();

    assertThat(proxy.droppedResponses()).isEqualTo(1);
    assertThat(restored.isActive()).isTrue();
    assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.detail()).startsWith("already existed"));
  }

  @Test
  void onDemandBackupRetriedLeavesOneBackup(OpsContext direct) {
    Fixtures.table(direct, "lost-backups");
    proxy.dropResponses(1, r -> r.mentions("DynamoDB_20120810.CreateBackup"));

    TableBackup backup = Backups.using(ctx).dynamoDb("lost-backups").createBackup("before-migration").orElseThrow();

    assertThat(proxy.droppedResponses()).isEqualTo(1);
    assertThat(Fixtures.backups(direct, "lost-backups")).extracting(TableBackup::arn).containsExactly(backup.arn());
    // The removal of the lost attempt's backup is audited on its own (it ends first), and the create says what it removed.
    assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("dynamodb:DeleteBackup", "dynamodb:CreateBackup");
    assertThat(audit.events().get(1).detail()).startsWith("removed [").endsWith("kept " + backup.arn());
  }

  @Test
  void vaultRetriedYieldsOneVault(OpsContext direct) {
    proxy.dropResponses(1, r -> r.method().equals("PUT") && r.target().startsWith("/backup-vaults/lost-vault"));

    BackupVault vault = Backups.using(ctx).awsBackup().createVault("lost-vault").orElseThrow();

    assertThat(proxy.droppedResponses()).isEqualTo(1);
    assertThat(vault.arn().resource()).isEqualTo("backup-vault:lost-vault");
    try (java.util.stream.Stream<BackupVault> vaults = Backups.using(direct).awsBackup().vaults().list()) {
      assertThat(vaults).extracting(v -> v.name().value()).containsOnlyOnce("lost-vault");
    }
  }
}
