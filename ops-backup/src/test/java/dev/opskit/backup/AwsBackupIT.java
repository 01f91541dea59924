package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Schedule;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.contract.DesiredStateContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;

/**
 * Vaults and plans against moto: the desired-state contract, drift, default tags and dry runs. moto lacks
 * {@code UpdateBackupPlan} and selections: those are applied against {@link AwsBackupStub} in
 * {@link AwsBackupStubTest}; jobs and recovery points against WireMock in {@code AwsBackupWireMockTest}.
 */
@OpsEmulatorTest
class AwsBackupIT {
  static final BackupPlanDefinition EFS_PLAN = BackupPlanDefinition.of("efs-backup-plan",
      BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))
          .withWindows(Duration.ofHours(1), Duration.ofHours(3))
          .withLifecycle(BackupLifecycle.coldThenDelete(30, 120)));

  @Test
  void vaultsPassTheDesiredStateContract(Emulator emulator) {
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext real = emulator.contextBuilder().auditSink(audit).defaultTag("managed-by", "opskit").build();
        OpsContext dry = emulator.contextBuilder().auditSink(audit).defaultTag("managed-by", "opskit").dryRun(true).build()) {
      BackupVaultDefinition vault = BackupVaultDefinition.of("contract-vault").withTags(Map.of("team", "storage"));
      DesiredStateContract.of(Backups.using(real).awsBackup().vaults(), Backups.using(dry).awsBackup().vaults(), audit)
          .definitions(List.of(vault, BackupVaultDefinition.of("contract-vault-2")))
          .changed(List.of(vault.withTags(Map.of("team", "platform")), BackupVaultDefinition.of("contract-vault-2")),
              "BackupVaultTags.team")
          .check();
    }
  }

  @Test
  void plansPassTheDesiredStateContract(Emulator emulator) throws IOException {
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext real = emulator.contextBuilder().auditSink(audit).build();
        OpsContext dry = emulator.contextBuilder().auditSink(audit).dryRun(true).build()) {
      BackupPlanDefinition file = BackupPlanDefinition.fromJson(resource("/efs-backup-plan.json"));
      BackupPlanDefinition plan = file.toBuilder().name("contract-plan").build();
      BackupPlanRule daily = plan.rule("daily").orElseThrow();
      BackupPlanDefinition changed = plan.toBuilder().rules(List.of(daily.toBuilder().completionWindow(Duration.ofHours(4)).build(),
          plan.rule("continuous").orElseThrow())).build();
      DesiredStateContract.of(Backups.using(real).awsBackup().plans(), Backups.using(dry).awsBackup().plans(), audit)
          .definitions(List.of(plan))
          .changed(List.of(changed), "Rules[daily].CompletionWindowMinutes")
          .check();
    }
  }

  @Test
  void aPlanLeftToAwsDefaultsIsUnchangedAndEachRuleFieldIsNamedInAwsWords(OpsContext ctx) {
    BackupPlans plans = Backups.using(ctx).awsBackup().plans();
    BackupPlanDefinition bare = BackupPlanDefinition.builder().name("defaults-plan")
        .rule(r -> r.name("daily").targetVault("efs-backup-vault")).build();
    plans.apply(List.of(bare));

    // moto, as AWS, answers with the rule's defaults filled in (windows, schedule, time zone) and a RuleId.
    assertThat(plans.plan(bare).isEmpty()).isTrue();
    BackupPlanDefinition edited = bare.toBuilder().rules(List.of(bare.rules().get(0).toBuilder()
        .schedule(Schedule.dailyAt(2, 0)).startWindow(Duration.ofHours(2)).lifecycle(BackupLifecycle.deleteAfterDays(35))
        .recoveryPointTags(Map.of("secret-project", "apollo")).build(),
        BackupPlanRule.of("weekly", "efs-backup-vault", Schedule.parse("cron(0 3 ? * SUN *)")))).build();
    Plan drift = plans.drift(List.of(edited));

    assertThat(drift.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.diffs()).extracting(FieldDiff::field).containsExactly("Rules[daily].ScheduleExpression",
          "Rules[daily].StartWindowMinutes", "Rules[daily].Lifecycle", "Rules[daily].RecoveryPointTags", "Rules[weekly]");
      assertThat(c.diffs().get(0)).hasToString("Rules[daily].ScheduleExpression: cron(0 5 ? * * *) -> cron(0 2 * * ? *)");
      assertThat(c.diffs().get(1)).hasToString("Rules[daily].StartWindowMinutes: 480 -> 120");
      assertThat(c.diffs().get(2)).hasToString("Rules[daily].Lifecycle: (none) -> {\"DeleteAfterDays\":35}");
      assertThat(c.calls()).extracting(call -> call.operation()).containsExactly("backup:UpdateBackupPlan");
    });
    // Recovery-point tags are sensitive to the SDK: their values never reach the plan, its JSON or the audit trail.
    assertThat(drift.render()).contains("Rules[daily].RecoveryPointTags: (none) -> (redacted)").doesNotContain("apollo");
    assertThat(drift.toJson()).doesNotContain("apollo");
  }

  @Test
  void contextDefaultTagsGoOnPlansAndVaultsAndTheirDriftIsCorrected(Emulator emulator) {
    try (OpsContext ctx = emulator.contextBuilder().defaultTag("cost-center", "cc-42").build()) {
      AwsBackup aws = Backups.using(ctx).awsBackup();
      BackupPlanDefinition plan = EFS_PLAN.toBuilder().name("tagged-plan").tags(Map.of("team", "storage")).build();
      aws.plans().apply(List.of(plan));
      aws.vaults().apply(List.of(BackupVaultDefinition.of("tagged-vault")));

      BackupClient raw = ctx.client(BackupClient.class, BackupClient::builder);
      String planArn = aws.plans().find("tagged-plan").orElseThrow().arn().toString();
      assertThat(raw.listTags(r -> r.resourceArn(planArn)).tags()).containsOnly(Map.entry("cost-center", "cc-42"),
          Map.entry("team", "storage"));
      String vaultArn = aws.vaults().find("tagged-vault").orElseThrow().arn().toString();
      assertThat(raw.listTags(r -> r.resourceArn(vaultArn)).tags()).containsOnly(Map.entry("cost-center", "cc-42"));

      raw.tagResource(r -> r.resourceArn(planArn).tags(Map.of("added-by-hand", "yes", "team", "other")));
      Plan drift = aws.plans().drift(List.of(plan));
      assertThat(drift.changes()).singleElement().satisfies(c -> assertThat(c.diffs()).extracting(FieldDiff::toString)
          .containsExactly("BackupPlanTags.team: (redacted) -> (redacted)", "BackupPlanTags.added-by-hand: (redacted) -> (none)"));
      aws.plans().apply(drift);
      assertThat(raw.listTags(r -> r.resourceArn(planArn)).tags()).containsOnly(Map.entry("cost-center", "cc-42"),
          Map.entry("team", "storage"));
      assertThat(aws.plans().drift(List.of(plan)).changes()).isEmpty();
    }
  }

  @Test
  void aNewEncryptionKeyReplacesTheVaultAndThePlanSaysSo(OpsContext ctx) {
    BackupVaults vaults = Backups.using(ctx).awsBackup().vaults();
    Arn first = Arn.parse("arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111");
    Arn second = Arn.parse("arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222");
    vaults.apply(List.of(BackupVaultDefinition.of("keyed-vault").withEncryptionKey(first)));

    Plan plan = vaults.plan(BackupVaultDefinition.of("keyed-vault").withEncryptionKey(second));
    vaults.apply(plan);

    assertThat(plan.title()).isEqualTo("backup vaults; AWS cannot change a vault's encryption key, so an update of"
        + " EncryptionKeyArn deletes the vault (AWS refuses while it holds recovery points) and creates it again");
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.diffs()).containsExactly(new FieldDiff("EncryptionKeyArn", first.toString(), second.toString()));
      assertThat(c.calls()).extracting(call -> call.operation())
          .containsExactly("backup:DeleteBackupVault", "backup:CreateBackupVault");
    });
    assertThat(vaults.plan(BackupVaultDefinition.of("keyed-vault").withEncryptionKey(second)).isEmpty()).isTrue();
    // A vault defined without a key takes AWS's default, whatever key the live one has.
    assertThat(vaults.plan(BackupVaultDefinition.of("keyed-vault")).isEmpty()).isTrue();
  }

  @Test
  void oneOffCreatesAreNotIdempotentAcrossCallsAndReturnTypedValues(OpsContext ctx, InMemoryAuditSink audit) {
    AwsBackup backup = Backups.using(ctx).awsBackup();

    BackupVault vault = backup.createVault("efs-backup-vault").orElseThrow();
    // A second create is not a retry of the first: the vault is someone else's as far as this call knows.
    assertThatThrownBy(() -> backup.createVault("efs-backup-vault"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("efs-backup-vault already exists, and this call did not make it");
    BackupPlanSummary plan = backup.createPlan(EFS_PLAN).orElseThrow();

    assertThat(vault.arn().resource()).isEqualTo("backup-vault:efs-backup-vault");
    try (Stream<BackupVault> vaults = backup.vaults().list()) {
      assertThat(vaults).extracting(BackupVault::name).contains(vault.name());
    }
    assertThat(plan.id()).isNotBlank();
    assertThat(backup.plans().find("efs-backup-plan")).contains(plan);
    assertThat(audit.events()).extracting(AuditEvent::outcome)
        .containsExactly(Outcome.SUCCEEDED, Outcome.FAILED, Outcome.SUCCEEDED);
  }

  @Test
  void aDryRunSaysItOnlyWithPlannedResultsAndCreatesNothing(Emulator emulator) {
    InMemoryAuditSink audit = new InMemoryAuditSink();
    try (OpsContext dry = emulator.contextBuilder().dryRun(true).auditSink(audit).build()) {
      AwsBackup backup = Backups.using(dry).awsBackup();
      BackupPlanDefinition plan = BackupPlanDefinition.of("dry-plan", BackupPlanRule.of("r", "dry-vault", Schedule.dailyAt(1, 0)));

      ChangeResult<BackupVault> vault = backup.createVault("dry-vault");
      ChangeResult<BackupPlanSummary> created = backup.createPlan(plan);
      ApplyResult applied = backup.plans().apply(List.of(plan.toBuilder().name("dry-plan-2").build()));

      assertThat(vault.isPlanned()).isTrue();
      assertThat(vault.value()).isEmpty();
      assertThat(created.isPlanned()).isTrue();
      assertThat(applied.isPlanned()).isTrue();
      assertThat(applied.results()).singleElement().satisfies(a -> assertThat(a.change().kind()).isEqualTo(ResourceChange.Kind.CREATE));
      AuditAssertions.assertThat(audit).allPlanned().hasEvents(3);
      assertThat(audit.events().get(1).parameters()).containsKey("BackupPlan");
      try (Stream<BackupVault> vaults = backup.vaults().list(); Stream<BackupPlanSummary> plans = backup.plans().list()) {
        assertThat(vaults).extracting(v -> v.name().value()).doesNotContain("dry-vault");
        assertThat(plans).extracting(BackupPlanSummary::name).doesNotContain("dry-plan", "dry-plan-2");
      }
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = AwsBackupIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
