package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.value.Schedule;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Vaults and plans against moto; jobs, selections and recovery points are tested with WireMock (moto lacks them). */
@OpsEmulatorTest
class AwsBackupIT {
  static final BackupPlanDefinition EFS_PLAN = BackupPlanDefinition.of("efs-backup-plan",
      BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))
          .withWindows(Duration.ofHours(1), Duration.ofHours(3))
          .withLifecycle(BackupLifecycle.coldThenDelete(30, 120)));

  @Test
  void createsTheGuidesVaultIdempotentlyAndItsPlan(OpsContext ctx, InMemoryAuditSink audit) {
    AwsBackup backup = Backups.using(ctx).awsBackup();

    BackupVault vault = backup.createVault("efs-backup-vault");
    // A second create is not a retry of the first: the vault is someone else's as far as this call knows.
    assertThatThrownBy(() -> backup.createVault("efs-backup-vault"))
        .isInstanceOf(dev.opskit.core.ResourceStateException.class)
        .hasMessageContaining("efs-backup-vault already exists, and this call did not make it");
    BackupPlanSummary plan = backup.createPlan(EFS_PLAN);

    assertThat(vault.arn()).endsWith(":backup-vault:efs-backup-vault");
    assertThat(backup.vaults()).extracting(BackupVault::name).contains("efs-backup-vault");
    assertThat(plan.id()).isNotBlank();
    assertThat(backup.plans()).extracting(BackupPlanSummary::name).contains("efs-backup-plan");
    assertThat(audit.events()).extracting(AuditEvent::outcome)
        .containsExactly(dev.opskit.core.audit.Outcome.SUCCEEDED, dev.opskit.core.audit.Outcome.FAILED,
            dev.opskit.core.audit.Outcome.SUCCEEDED);
  }

  @Test
  void dryRunPlansVaultAndPlanAndCreatesNothing(Emulator emulator) {
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      AwsBackup backup = Backups.using(dry).awsBackup();

      assertThat(backup.createVault("dry-vault").arn()).isNull();
      assertThat(backup.createPlan(BackupPlanDefinition.of("dry-plan", BackupPlanRule.of("r", "dry-vault", Schedule.dailyAt(1, 0)))).id())
          .isNull();

      AuditAssertions.assertThat(audit).allPlanned().hasEvents(2);
      assertThat(audit.events().get(1).parameters()).containsKey("BackupPlan");
      assertThat(backup.vaults()).extracting(BackupVault::name).doesNotContain("dry-vault");
      assertThat(backup.plans()).extracting(BackupPlanSummary::name).doesNotContain("dry-plan");
    }
  }
}
