package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.contract.DesiredStateContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;

@OpsEmulatorTest
class AutomatedBackupsIT {
  /** The guide's settings, with a gap between the windows (moto refuses windows that merely touch; AWS does not). */
  private static final AutomatedBackupSettings SETTINGS = AutomatedBackupSettings.builder()
      .retention(Duration.ofDays(7))
      .backupWindow("03:00-04:00")
      .maintenanceWindow("Sun:04:30-Sun:05:30")
      .copyTagsToSnapshot(true)
      .build();

  @Test
  void theSettingsPassTheDesiredStateContract(Emulator emulator, OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "contract-db", 1, Map.of());
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      DesiredStateContract.of(Backups.using(ctx).rds("contract-db"), Backups.using(dry).rds("contract-db"), audit)
          .firstPlan(ResourceChange.Kind.UPDATE)
          .definitions(List.of(SETTINGS))
          .changed(List.of(SETTINGS.toBuilder().retention(Duration.ofDays(14)).build()), "BackupRetentionPeriod")
          .check();
    }
  }

  @Test
  void planShowsTheDifferencesFieldByFieldAndChangesNothing(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "plan-db", 1, Map.of());

    Plan plan = Backups.using(ctx).rds("plan-db").plan(SETTINGS);

    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.resourceType()).isEqualTo("DB instance");
      assertThat(c.resource()).isEqualTo("plan-db");
      assertThat(c.diffs()).extracting(FieldDiff::field)
          .contains("BackupRetentionPeriod", "PreferredMaintenanceWindow", "CopyTagsToSnapshot");
      assertThat(c.diffs()).filteredOn(d -> d.field().equals("BackupRetentionPeriod"))
          .singleElement().isEqualTo(new FieldDiff("BackupRetentionPeriod", "1", "7"));
      assertThat(c.calls()).singleElement().satisfies(call -> {
        assertThat(call.operation()).isEqualTo("rds:ModifyDBInstance");
        assertThat(call.parameters()).containsEntry("ApplyImmediately", true).containsEntry("BackupRetentionPeriod", 7);
      });
    });
    assertThat(plan.render()).startsWith("~ update DB instance plan-db\n    ").contains("    BackupRetentionPeriod: 1 -> 7\n")
        .endsWith("automated-backup settings of plan-db: 0 to create, 1 to update, 0 to delete, 0 unchanged.");
    assertThat(audit.events()).isEmpty();
    assertThat(live(ctx, "plan-db").backupRetentionPeriod()).isEqualTo(1);
  }

  @Test
  void applySendsOneChangeAndThenThereIsNoDrift(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "apply-db", 1, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("apply-db");

    ApplyResult applied = rds.configureAutomatedBackups(SETTINGS);
    ApplyResult again = rds.configureAutomatedBackups(SETTINGS);

    assertThat(applied.isPlanned()).isFalse();
    assertThat(applied.results()).singleElement().satisfies(a -> assertThat(a.results()).singleElement()
        .isInstanceOf(ChangeResult.Applied.class));
    assertThat(again.results()).isEmpty();
    assertThat(again.plan().changes()).extracting(ResourceChange::kind).containsExactly(ResourceChange.Kind.UNCHANGED);
    assertThat(rds.drift(List.of(SETTINGS)).changes()).isEmpty();
    DBInstance live = live(ctx, "apply-db");
    assertThat(live.backupRetentionPeriod()).isEqualTo(7);
    assertThat(live.preferredBackupWindow()).isEqualTo("03:00-04:00");
    assertThat(live.preferredMaintenanceWindow()).isEqualToIgnoringCase("sun:04:30-sun:05:30");
    assertThat(live.copyTagsToSnapshot()).isTrue();
    AuditEvent event = AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:ModifyDBInstance");
    assertThat(event.parameters()).containsEntry("ApplyImmediately", true).containsEntry("BackupRetentionPeriod", 7);
  }

  @Test
  void applyMakesThePlanAsItWasWithoutPlanningAgain(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "stale-db", 1, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("stale-db");
    Plan plan = rds.plan(s -> s.retention(Duration.ofDays(7)));
    Fixtures.rds(ctx).modifyDBInstance(r -> r.dbInstanceIdentifier("stale-db").backupRetentionPeriod(7).applyImmediately(true));

    ApplyResult result = rds.apply(plan);

    assertThat(result.results()).singleElement().satisfies(a -> assertThat(a.change()).isEqualTo(plan.changes().get(0)));
    assertThat(AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:ModifyDBInstance").parameters())
        .containsEntry("BackupRetentionPeriod", 7);
  }

  @Test
  void dryRunRecordsTheModificationAndLeavesTheInstanceUnchanged(Emulator emulator, OpsContext ctx) {
    Fixtures.instance(ctx, "dry-settings-db", 1, Map.of());
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      ApplyResult result = Backups.using(dry).rds("dry-settings-db").configureAutomatedBackups(o -> o.retention(Duration.ofDays(14)));

      assertThat(result.isPlanned()).isTrue();
      assertThat(result.results()).singleElement().satisfies(a -> {
        assertThat(a.change().diffs()).singleElement().hasToString("BackupRetentionPeriod: 1 -> 14");
        assertThat(a.results()).singleElement().isInstanceOf(ChangeResult.Planned.class);
      });
      assertThat(AuditAssertions.assertThat(audit).allPlanned().hasExactlyOneEvent("rds:ModifyDBInstance").parameters())
          .containsEntry("BackupRetentionPeriod", 14);
      assertThat(live(ctx, "dry-settings-db").backupRetentionPeriod()).isEqualTo(1);
    }
  }

  @Test
  void aBackupWindowOverlappingTheLiveMaintenanceWindowIsRejectedBeforeAnyChange(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "overlap-db", 1, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("overlap-db");
    rds.configureAutomatedBackups(o -> o.maintenanceWindow("Sun:04:30-Sun:05:30"));
    audit.clear();

    assertThatThrownBy(() -> rds.plan(o -> o.backupWindow("05:00-06:00")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid backupWindow: '05:00-06:00'")
        .hasMessageContaining("maintenance window sun:04:30-sun:05:30");
    assertThat(audit.events()).isEmpty();
  }

  @Test
  void onePlanIsForOneInstanceSettings(OpsContext ctx) {
    Fixtures.instance(ctx, "one-db", 1, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("one-db");

    assertThatThrownBy(() -> rds.plan(List.of(SETTINGS, SETTINGS)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid definitions: '2 settings'. Allowed: at most one AutomatedBackupSettings: this plan is for the"
            + " one instance one-db");
    assertThat(rds.plan(List.of()).changes()).isEmpty();
  }

  private static DBInstance live(OpsContext ctx, String id) {
    return Fixtures.rds(ctx).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
  }
}
