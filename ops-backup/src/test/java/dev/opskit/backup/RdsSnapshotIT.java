package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ProgressEvent;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.FaultInjectingProxy;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

@OpsEmulatorTest
class RdsSnapshotIT {
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

  @Test
  void snapshotIsNamedFromTheClockCopiesTagsAndIsAvailable(Emulator emulator) {
    InMemoryAuditSink audit = new InMemoryAuditSink();
    List<ProgressEvent> progress = new ArrayList<>();
    try (OpsContext ctx = emulator.contextBuilder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).auditSink(audit)
        .progressListener(progress::add).defaultTag("managed-by", "opskit").build()) {
      Fixtures.instance(ctx, "prod-database", 7, Map.of("team", "payments", "env", "prod"));
      RdsBackups rds = Backups.using(ctx).rds("prod-database");

      DbSnapshot first = rds.snapshot().orElseThrow();
      DbSnapshot second = rds.snapshot().orElseThrow();

      assertThat(first.id()).isEqualTo("prod-database-manual-20260115");
      assertThat(second.id()).isEqualTo("prod-database-manual-20260115-2");
      assertThat(first.status()).isEqualTo(DbSnapshotStatus.AVAILABLE);
      assertThat(first.type()).isEqualTo(DbSnapshot.Type.MANUAL);
      assertThat(first.instanceId()).isEqualTo(DbInstanceId.of("prod-database"));
      assertThat(first.engine()).isEqualTo("postgres");
      assertThat(first.tags()).containsEntry("team", "payments").containsEntry("env", "prod").containsEntry("managed-by", "opskit");
      assertThat(Fixtures.manualSnapshots(ctx, "prod-database")).extracting(DBSnapshot::dbSnapshotIdentifier)
          .containsExactlyInAnyOrder("prod-database-manual-20260115", "prod-database-manual-20260115-2");
      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("rds:CreateDBSnapshot", "rds:CreateDBSnapshot");
      assertThat(audit.events().get(0).parameters()).containsEntry("DBSnapshotIdentifier", "prod-database-manual-20260115");
      assertThat(progress).extracting(ProgressEvent::operation).contains("rds:wait-snapshot-available");
    }
  }

  @Test
  void snapshotWithOptionsUsesTheNameAndExtraTagsAndCanSkipTheWait(OpsContext ctx) {
    Fixtures.instance(ctx, "orders-db", 7, Map.of("team", "orders"));

    DbSnapshot s = Backups.using(ctx).rds("orders-db")
        .snapshot(o -> o.name("orders-db-before-upgrade").tag("reason", "upgrade").waitUntilAvailable(false)).orElseThrow();

    assertThat(s.id()).isEqualTo("orders-db-before-upgrade");
    assertThat(Fixtures.manualSnapshots(ctx, "orders-db")).singleElement().satisfies(snap ->
        assertThat(snap.tagList()).extracting(t -> t.key() + "=" + t.value()).contains("team=orders", "reason=upgrade"));
  }

  @Test
  void snapshotsListsManualAndAutomatedNewestFirst(OpsContext ctx) {
    Fixtures.instance(ctx, "list-db", 7, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("list-db");
    rds.snapshot(o -> o.name("list-db-one"));
    rds.snapshot(o -> o.name("list-db-two"));

    List<DbSnapshot> all;
    try (java.util.stream.Stream<DbSnapshot> listed = rds.snapshots()) {
      all = listed.sorted(DbSnapshot.NEWEST_FIRST).toList();
    }

    assertThat(all).extracting(DbSnapshot::id).contains("list-db-one", "list-db-two");
    assertThat(all).allSatisfy(s -> assertThat(s.instanceId()).isEqualTo(DbInstanceId.of("list-db")));
    assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(DbSnapshot::createdAt).reversed());
  }

  @Test
  void unknownInstanceIsNotFoundBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    assertThatThrownBy(() -> Backups.using(ctx).rds("no-such-db").snapshot())
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("rds:DescribeDBInstances")
        .hasMessageContaining("no-such-db");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void invalidIdentifierIsRejectedBeforeAnyCall(OpsContext ctx, InMemoryAuditSink audit) {
    assertThatThrownBy(() -> Backups.using(ctx).rds("1-bad--id"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid dbInstanceId: '1-bad--id'");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void dryRunPlansTheSnapshotAndLeavesTheEmulatorUnchanged(Emulator emulator, OpsContext ctx) {
    Fixtures.instance(ctx, "dry-db", 7, Map.of("team", "core"));
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      ChangeResult<DbSnapshot> planned = Backups.using(dry).rds("dry-db").snapshot();

      assertThat(planned.isPlanned()).isTrue();
      assertThat(planned.value()).isEmpty();
      assertThat(planned.call().target()).isEqualTo("dry-db-manual-20260115");
      assertThat(planned.call().parameters().get("Tags")).asString().contains("team").contains("core");
      assertThat(Fixtures.manualSnapshots(ctx, "dry-db")).isEmpty();
      AuditEvent event = AuditAssertions.assertThat(audit).allPlanned().hasExactlyOneEvent("rds:CreateDBSnapshot");
      assertThat(event.parameters()).containsEntry("DBInstanceIdentifier", "dry-db")
          .containsEntry("DBSnapshotIdentifier", "dry-db-manual-20260115");
    }
  }

  @Test
  void snapshotRetriedAfterALostResponseYieldsOneSnapshot(Emulator emulator, OpsContext setup) {
    Fixtures.instance(setup, "ledger-db", 7, Map.of());
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(emulator.endpoint());
        OpsContext ctx = emulator.contextBuilder().endpointOverride(proxy.endpoint()).auditSink(audit)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      proxy.dropResponses(1, r -> r.mentions("Action=CreateDBSnapshot"));

      DbSnapshot s = Backups.using(ctx).rds("ledger-db").snapshot().orElseThrow();

      assertThat(proxy.droppedResponses()).isEqualTo(1);
      assertThat(proxy.requests()).filteredOn(r -> r.mentions("Action=CreateDBSnapshot")).hasSize(2);
      assertThat(s.id()).isEqualTo("ledger-db-manual-20260115");
      assertThat(s.isAvailable()).isTrue();
      assertThat(Fixtures.manualSnapshots(setup, "ledger-db")).extracting(DBSnapshot::dbSnapshotIdentifier)
          .containsExactly("ledger-db-manual-20260115");
      AuditEvent event = AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:CreateDBSnapshot");
      assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
      assertThat(event.detail()).startsWith("already existed");
    }
  }

  @Test
  void explicitNameTakenByAnotherInstancesSnapshotIsAStateError(OpsContext ctx) {
    Fixtures.instance(ctx, "alpha-db", 7, Map.of());
    Fixtures.instance(ctx, "beta-db", 7, Map.of());
    Backups.using(ctx).rds("alpha-db").snapshot(o -> o.name("shared-name"));

    assertThatThrownBy(() -> Backups.using(ctx).rds("beta-db").snapshot(o -> o.name("shared-name")))
        .isInstanceOf(dev.opskit.core.ResourceStateException.class)
        .hasMessageContaining("rds:CreateDBSnapshot on shared-name")
        .hasMessageContaining("shared-name already exists, and this call did not make it: its first attempt met it");
  }
}
