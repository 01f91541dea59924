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
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;

@OpsEmulatorTest
class RdsRestoreIT {

  @Test
  void restoresFromASnapshotIntoANewAvailableInstanceWithTheSourcesClassAndTags(OpsContext ctx) {
    Fixtures.instance(ctx, "shop-db", 7, Map.of("team", "shop"));
    RdsBackups rds = Backups.using(ctx).rds("shop-db");
    rds.snapshot(o -> o.name("shop-db-backup-20240101"));

    DatabaseInstance restored = rds.restoreFromSnapshot("shop-db-backup-20240101", "restored-database").orElseThrow();

    assertThat(restored.id()).isEqualTo(DbInstanceId.of("restored-database"));
    assertThat(restored.status()).isEqualTo(DbInstanceStatus.AVAILABLE);
    assertThat(restored.isAvailable()).isTrue();
    assertThat(restored.engine()).isEqualTo("postgres");
    assertThat(restored.instanceClass()).isEqualTo("db.t3.micro");
    assertThat(restored.tags()).containsEntry("team", "shop").containsEntry("opskit:restored-from", "shop-db@snapshot:shop-db-backup-20240101");
    assertThat(restored.endpoint()).hasValueSatisfying(e -> assertThat(e).isNotBlank());
  }

  @Test
  void aSnapshotOfADeletedInstanceCannotBeRestoredWithoutAClassAndNothingIsSent(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "gone-db", 7, Map.of("team", "archive"));
    RdsBackups rds = Backups.using(ctx).rds("gone-db");
    rds.snapshot(o -> o.name("gone-db-final"));
    Fixtures.rds(ctx).deleteDBInstance(r -> r.dbInstanceIdentifier("gone-db").skipFinalSnapshot(true));
    audit.clear();

    assertThatThrownBy(() -> rds.restoreFromSnapshot("gone-db-final", "gone-db-back"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid instanceClass: null. Allowed: an instance class such as db.t3.micro, passed as"
            + " restoreFromSnapshot(snapshotId, newInstanceId, o -> o.instanceClass(...)): gone-db, the instance"
            + " snapshot gone-db-final was taken of, no longer exists, so its class cannot be copied");
    assertThat(audit.events()).isEmpty();
    assertThat(Fixtures.rds(ctx).describeDBInstances().dbInstances()).extracting(DBInstance::dbInstanceIdentifier)
        .doesNotContain("gone-db-back");
  }

  @Test
  void aSnapshotOfADeletedInstanceIsRestoredWithTheGivenClassAndTheSnapshotsTags(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "old-db", 7, Map.of("team", "archive"));
    RdsBackups rds = Backups.using(ctx).rds("old-db");
    rds.snapshot(o -> o.name("old-db-final"));
    Fixtures.rds(ctx).deleteDBInstance(r -> r.dbInstanceIdentifier("old-db").skipFinalSnapshot(true));
    audit.clear();

    DatabaseInstance restored = rds.restoreFromSnapshot("old-db-final", "old-db-back",
        o -> o.instanceClass("db.t3.small").timeout(Duration.ofMinutes(30))).orElseThrow();

    assertThat(restored.id()).isEqualTo(DbInstanceId.of("old-db-back"));
    assertThat(restored.isAvailable()).isTrue();
    assertThat(restored.engine()).isEqualTo("postgres");
    assertThat(restored.instanceClass()).isEqualTo("db.t3.small");
    assertThat(restored.allocatedStorageGiB()).isEqualTo(20);
    assertThat(restored.tags()).containsEntry("team", "archive").containsEntry("opskit:restored-from", "old-db@snapshot:old-db-final");
    assertThat(AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:RestoreDBInstanceFromDBSnapshot").parameters())
        .containsEntry("DBSnapshotIdentifier", "old-db-final")
        .containsEntry("DBInstanceClass", "db.t3.small");
  }

  @Test
  void aRerunOfAFinishedRestoreIsRefusedNamingTheInstanceItMadeBefore(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "rerun-db", 7, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("rerun-db");
    rds.snapshot(o -> o.name("rerun-db-snap"));
    rds.restoreFromSnapshot("rerun-db-snap", "rerun-db-copy");
    audit.clear();

    assertThatThrownBy(() -> rds.restoreFromSnapshot("rerun-db-snap", "rerun-db-copy"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageStartingWith("rds:RestoreDBInstanceFromDBSnapshot on rerun-db-copy: DB instance rerun-db-copy already"
            + " exists (postgres, available, created ")
        .hasMessageEndingWith(", restored earlier from rerun-db@snapshot:rerun-db-snap); a restore never takes over an"
            + " existing instance: delete it, or choose another newInstanceId");
    assertThatThrownBy(() -> rds.restoreToLatestRestorableTime("rerun-db-copy"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageStartingWith("rds:RestoreDBInstanceToPointInTime on rerun-db-copy: DB instance rerun-db-copy already exists");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void restoreFromASnapshotOfAnotherInstanceIsRejectedBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "one-db", 7, Map.of());
    Fixtures.instance(ctx, "two-db", 7, Map.of());
    Backups.using(ctx).rds("one-db").snapshot(o -> o.name("one-db-snap"));
    audit.clear();

    assertThatThrownBy(() -> Backups.using(ctx).rds("two-db").restoreFromSnapshot("one-db-snap", "two-db-copy"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid snapshotId: 'one-db-snap'")
        .hasMessageContaining("a snapshot of two-db (this one is of one-db)");
    assertThatThrownBy(() -> Backups.using(ctx).rds("two-db").restoreFromSnapshot("no-such-snap", "two-db-copy"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("no snapshot no-such-snap");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void restoresToAPointInTimeInsideTheWindow(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "pitr-db", 7, Map.of("team", "ledger"));
    RdsBackups rds = Backups.using(ctx).rds("pitr-db");
    RestorableWindow window = rds.restorableWindow();
    Instant time = window.latest().minusSeconds(1).isBefore(window.earliest()) ? window.latest() : window.latest().minusSeconds(1);

    DatabaseInstance restored = rds.restoreToPointInTime(time, "pitr-db-restored").orElseThrow();

    assertThat(restored.isAvailable()).isTrue();
    assertThat(restored.tags()).containsEntry("team", "ledger").containsEntry("opskit:restored-from", "pitr-db@" + time);
    AuditEvent event = AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:RestoreDBInstanceToPointInTime");
    assertThat(event.parameters()).containsEntry("SourceDBInstanceIdentifier", "pitr-db")
        .containsEntry("TargetDBInstanceIdentifier", "pitr-db-restored")
        .containsKey("RestoreTime");
  }

  @Test
  void restoresToTheLatestRestorableTime(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "latest-db", 7, Map.of());

    DatabaseInstance restored = Backups.using(ctx).rds(DbInstanceId.of("latest-db"))
        .restoreToLatestRestorableTime(DbInstanceId.of("latest-db-restored")).orElseThrow();

    assertThat(restored.isAvailable()).isTrue();
    assertThat(AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:RestoreDBInstanceToPointInTime").parameters())
        .containsEntry("UseLatestRestorableTime", true);
  }

  @Test
  void aTimeOutsideTheWindowIsRejectedBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "window-db", 7, Map.of());
    Instant tooEarly = Instant.now().minus(Duration.ofDays(8));

    assertThatThrownBy(() -> Backups.using(ctx).rds("window-db").restoreToPointInTime(tooEarly, "window-db-restored"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid restoreTime: '" + tooEarly + "'")
        .hasMessageContaining("a time inside the restorable window [");
    assertThat(audit.events()).isEmpty();
    assertThat(Fixtures.rds(ctx).describeDBInstances().dbInstances()).extracting(DBInstance::dbInstanceIdentifier)
        .doesNotContain("window-db-restored");
  }

  @Test
  void pointInTimeRestoreOfAnInstanceWithoutAutomatedBackupsIsAStateError(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "nobackup-db", 0, Map.of());

    assertThatThrownBy(() -> Backups.using(ctx).rds("nobackup-db").restoreToLatestRestorableTime("nobackup-db-restored"))
        .isInstanceOf(dev.opskit.core.ResourceStateException.class)
        .hasMessageContaining("automated backups are off (backup retention 0)");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void recoveryProcedureRunsTheFiveStepsAndHandsOverTheEndpoint(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "prod-database", 7, Map.of("team", "payments"));
    List<RecoveryReport> switched = new ArrayList<>();

    RecoveryReport report = Backups.using(ctx).rds("prod-database").recover(RecoveryRequest.builder()
        .restorePoint(RestorePoint.latest())
        .newInstanceId("prod-database-recovered")
        .trafficSwitch(switched::add)
        .build());

    assertThat(report.newInstance().id()).isEqualTo(DbInstanceId.of("prod-database-recovered"));
    assertThat(report.restore()).isInstanceOf(ChangeResult.Applied.class);
    assertThat(report.restore().call().operation()).isEqualTo("rds:RestoreDBInstanceToPointInTime");
    assertThat(report.endpoint()).hasValueSatisfying(e -> assertThat(e).isNotBlank());
    assertThat(report.checks()).extracting(RecoveryReport.Check::property)
        .containsExactly("status", "engine", "instanceClass", "allocatedStorageGiB", "tags");
    assertThat(report.checks()).allMatch(RecoveryReport.Check::passed);
    assertThat(report.trafficSwitched()).isTrue();
    assertThat(switched).singleElement().satisfies(r -> assertThat(r.endpoint()).isEqualTo(report.endpoint()));
    assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("rds:RestoreDBInstanceToPointInTime");
  }

  @Test
  void recoveryFromASnapshotWithoutASwitchReportsForTheCaller(OpsContext ctx) {
    Fixtures.instance(ctx, "crm-db", 7, Map.of("team", "crm"));
    Backups.using(ctx).rds("crm-db").snapshot(o -> o.name("crm-db-nightly"));

    RecoveryReport report = Backups.using(ctx).rds("crm-db")
        .recover(r -> r.restorePoint(RestorePoint.snapshot("crm-db-nightly")).newInstanceId("crm-db-recovered"));

    assertThat(report.trafficSwitched()).isFalse();
    assertThat(report.newInstance().tags()).containsEntry("team", "crm");
    assertThat(report.restorePoint()).isEqualTo(RestorePoint.snapshot("crm-db-nightly"));
  }

  @Test
  void recoveryChecksItsInputBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "input-db", 7, Map.of());
    Fixtures.instance(ctx, "input-db-taken", 7, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("input-db");
    Instant future = Instant.now().plus(Duration.ofDays(1));

    assertThatThrownBy(() -> rds.recover(r -> r.newInstanceId("input-db-taken")))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageStartingWith("rds:RestoreDBInstanceToPointInTime on input-db-taken: DB instance input-db-taken already"
            + " exists (postgres, available, created ")
        .hasMessageEndingWith("); a restore never takes over an existing instance: delete it, or choose another newInstanceId");
    assertThatThrownBy(() -> rds.recover(r -> r.restorePoint(RestorePoint.at(future)).newInstanceId("input-db-new")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid restoreTime: '" + future + "'");
    assertThatThrownBy(() -> Backups.using(ctx).rds("missing-db").recover(r -> r.newInstanceId("missing-db-new")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("rds:DescribeDBInstances on missing-db");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void aFailingTrafficSwitchSaysWhichStepFailedAndWhatExists(OpsContext ctx) {
    Fixtures.instance(ctx, "switch-db", 7, Map.of());

    assertThatThrownBy(() -> Backups.using(ctx).rds("switch-db").recover(RecoveryRequest.builder()
            .newInstanceId("switch-db-recovered")
            .trafficSwitch(r -> {
              throw new IllegalStateException("DNS update refused");
            })
            .build()))
        .isInstanceOfSatisfying(RecoveryFailedException.class, e -> {
          assertThat(e.step()).isEqualTo(RecoveryStep.SWITCH_TRAFFIC);
          assertThat(e.leftInPlace()).contains(DbInstanceId.of("switch-db-recovered"));
        })
        .hasMessageContaining("step 5 (switch_traffic) failed: DNS update refused")
        .hasMessageContaining("restored instance switch-db-recovered exists and was left in place");
    assertThat(Fixtures.rds(ctx).describeDBInstances(r -> r.dbInstanceIdentifier("switch-db-recovered")).dbInstances()).hasSize(1);
  }

  @Test
  void dryRunOfRestoreAndRecoveryPlansTheCallsAndCreatesNothing(Emulator emulator, OpsContext ctx) {
    Fixtures.instance(ctx, "plan-db", 7, Map.of());
    Backups.using(ctx).rds("plan-db").snapshot(o -> o.name("plan-db-snap"));
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      RdsBackups rds = Backups.using(dry).rds("plan-db");

      ChangeResult<DatabaseInstance> fromSnapshot = rds.restoreFromSnapshot("plan-db-snap", "plan-db-a");
      ChangeResult<DatabaseInstance> latest = rds.restoreToLatestRestorableTime("plan-db-b");
      RecoveryReport recovery = rds.recover(RecoveryRequest.builder().newInstanceId("plan-db-c").build());

      assertThat(List.of(fromSnapshot, latest, recovery.restore())).allSatisfy(r -> {
        assertThat(r).isInstanceOf(ChangeResult.Planned.class);
        assertThat(r.value()).isEmpty();
      });
      assertThat(List.of(fromSnapshot, latest, recovery.restore())).extracting(r -> r.call().target())
          .containsExactly("plan-db-a", "plan-db-b", "plan-db-c");
      assertThat(recovery.isPlanned()).isTrue();
      assertThat(recovery.endpoint()).isEmpty();
      assertThat(recovery.checks()).isEmpty();
      assertThatThrownBy(recovery::newInstance)
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("dry run: the change was planned, not applied");
      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly(
          "rds:RestoreDBInstanceFromDBSnapshot", "rds:RestoreDBInstanceToPointInTime", "rds:RestoreDBInstanceToPointInTime");
      AuditAssertions.assertThat(audit).allPlanned();
      assertThat(Fixtures.rds(ctx).describeDBInstances().dbInstances()).extracting(DBInstance::dbInstanceIdentifier)
          .doesNotContain("plan-db-a", "plan-db-b", "plan-db-c");
    }
  }
}
