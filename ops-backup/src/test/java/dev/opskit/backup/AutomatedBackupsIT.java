package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Duration;
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
  void planShowsTheDifferencesFieldByFieldAndChangesNothing(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "plan-db", 1, Map.of());

    SettingsPlan plan = Backups.using(ctx).rds("plan-db").planAutomatedBackups(SETTINGS);

    assertThat(plan.outcome()).isEqualTo(PlanOutcome.COMPARED);
    assertThat(plan.differences()).extracting(SettingsPlan.Difference::field)
        .contains("BackupRetentionPeriod", "PreferredMaintenanceWindow", "CopyTagsToSnapshot");
    assertThat(plan.differences()).filteredOn(d -> d.field().equals("BackupRetentionPeriod"))
        .singleElement().satisfies(d -> {
          assertThat(d.current()).isEqualTo("1");
          assertThat(d.desired()).isEqualTo("7");
        });
    assertThat(audit.events()).isEmpty();
    assertThat(live(ctx, "plan-db").backupRetentionPeriod()).isEqualTo(1);
  }

  @Test
  void applySendsOneChangeAndThenIsUpToDate(OpsContext ctx, InMemoryAuditSink audit) {
    Fixtures.instance(ctx, "apply-db", 1, Map.of());
    RdsBackups rds = Backups.using(ctx).rds("apply-db");

    SettingsPlan applied = rds.configureAutomatedBackups(SETTINGS);
    SettingsPlan again = rds.configureAutomatedBackups(SETTINGS);

    assertThat(applied.outcome()).isEqualTo(PlanOutcome.APPLIED);
    assertThat(again.outcome()).isEqualTo(PlanOutcome.UP_TO_DATE);
    assertThat(again.isUpToDate()).isTrue();
    DBInstance live = live(ctx, "apply-db");
    assertThat(live.backupRetentionPeriod()).isEqualTo(7);
    assertThat(live.preferredBackupWindow()).isEqualTo("03:00-04:00");
    assertThat(live.preferredMaintenanceWindow()).isEqualToIgnoringCase("sun:04:30-sun:05:30");
    assertThat(live.copyTagsToSnapshot()).isTrue();
    AuditEvent event = AuditAssertions.assertThat(audit).hasExactlyOneEvent("rds:ModifyDBInstance");
    assertThat(event.parameters()).containsEntry("ApplyImmediately", true).containsEntry("BackupRetentionPeriod", 7);
  }

  @Test
  void dryRunRecordsTheModificationAndLeavesTheInstanceUnchanged(Emulator emulator, OpsContext ctx) {
    Fixtures.instance(ctx, "dry-settings-db", 1, Map.of());
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      SettingsPlan plan = Backups.using(dry).rds("dry-settings-db").configureAutomatedBackups(o -> o.retention(Duration.ofDays(14)));

      assertThat(plan.outcome()).isEqualTo(PlanOutcome.PLANNED);
      assertThat(plan.differences()).singleElement().hasToString("BackupRetentionPeriod: 1 -> 14");
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

    assertThatThrownBy(() -> rds.configureAutomatedBackups(o -> o.backupWindow("05:00-06:00")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Invalid backupWindow: '05:00-06:00'")
        .hasMessageContaining("maintenance window sun:04:30-sun:05:30");
    assertThat(audit.events()).isEmpty();
  }

  private static DBInstance live(OpsContext ctx, String id) {
    return Fixtures.rds(ctx).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
  }
}
