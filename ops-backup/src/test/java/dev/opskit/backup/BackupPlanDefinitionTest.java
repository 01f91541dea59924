package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.services.backup.model.MalwareScanner;
import software.amazon.awssdk.services.backup.model.ScanMode;

class BackupPlanDefinitionTest {
  private static final Gen<String> NAMES = strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 30);
  private static final Arn DR = Arn.parse("arn:aws:backup:us-west-2:123456789012:backup-vault:efs-dr");
  private static final Arn SCANNER = Arn.parse("arn:aws:iam::123456789012:role/ScannerRole");

  private static final Gen<BackupLifecycle> LIFECYCLES = integers().between(0, 400).zip(integers().between(0, 4),
      (days, shape) -> switch (shape) {
        case 0 -> new BackupLifecycle(null, null);
        case 1 -> BackupLifecycle.deleteAfterDays(days + 1);
        case 2 -> new BackupLifecycle(Duration.ofDays(days + 1), null);
        case 3 -> BackupLifecycle.coldThenDelete(days + 1, days + 91).withArchiveOptIn();
        default -> BackupLifecycle.coldThenDelete(days + 1, days + 91 + shape);
      });

  private static final Gen<Schedule> SCHEDULES = integers().between(0, 23).zip(integers().between(0, 59), integers().between(0, 2),
      (h, m, kind) -> kind == 0 ? Schedule.dailyAt(h, m)
          : kind == 1 ? Schedule.rate(Duration.ofHours(h + 1)) : Schedule.parse("cron(" + m + " " + h + " ? * MON-FRI *)"));

  /** Rules with every optional member, each present or absent depending on the shape. */
  private static final Gen<BackupPlanRule> RULES = NAMES.zip(SCHEDULES, LIFECYCLES, integers().between(0, 127),
      (name, schedule, lifecycle, shape) -> {
        BackupPlanRule.Builder b = BackupPlanRule.builder().name(name).targetVault(name + "-vault")
            .schedule((shape & 1) == 0 ? schedule : null)
            .startWindow((shape & 2) == 0 ? null : Duration.ofMinutes(60 + shape))
            .completionWindow((shape & 4) == 0 ? null : Duration.ofMinutes(120L * (shape + 1)))
            .lifecycle((shape & 8) == 0 ? null : lifecycle)
            .continuousBackup((shape & 16) != 0);
        if ((shape & 32) != 0) {
          b.copyTo(new BackupCopyAction(DR, (shape & 8) == 0 ? lifecycle : null))
              .scheduleTimezone("Europe/Paris")
              .recoveryPointTags(Map.of("team", name))
              .targetLogicallyAirGappedVault(Arn.parse("arn:aws:backup:us-east-1:123456789012:backup-vault:" + name + "-ag"));
        }
        if ((shape & 64) != 0) {
          b.indexAction(BackupIndexAction.of("EBS")).scanAction(new MalwareScanAction(MalwareScanner.GUARDDUTY, ScanMode.FULL_SCAN));
        }
        return b.build();
      });

  private static final Gen<BackupPlanDefinition> PLANS = NAMES.zip(lists().of(RULES).ofSizeBetween(1, 4), integers().between(0, 7),
      (name, rules, shape) -> {
        BackupPlanDefinition.Builder b = BackupPlanDefinition.builder().name(name);
        List<BackupPlanRule> unique = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
          unique.add(rules.get(i).toBuilder().name(rules.get(i).name() + "-" + i).build());
        }
        b.rules(unique);
        if ((shape & 1) != 0) {
          b.advancedBackupSetting(new AdvancedBackupOptions("EC2", Map.of("WindowsVSS", "enabled")));
        }
        if ((shape & 2) != 0) {
          b.scanSetting(new MalwareScanSetting(MalwareScanner.GUARDDUTY, List.of("EBS", "S3"), SCANNER));
        }
        if ((shape & 4) != 0) {
          b.tags(Map.of("app", name));
        }
        return b.build();
      });

  @Test
  void roundTripsThroughItsJsonForm() {
    qt().forAll(PLANS).checkAssert(plan -> {
      BackupPlanDefinition back = BackupPlanDefinition.fromJson(plan.toJson());
      assertThat(back).isEqualTo(plan);
      assertThat(back.toJson()).isEqualTo(plan.toJson());
      assertThat(plan.toBuilder().build()).isEqualTo(plan);
      plan.rules().forEach(r -> assertThat(r.toBuilder().build()).isEqualTo(r));
    });
  }

  @Test
  void loadsARealPlanFileWithEveryMemberOfAwsShapeAndWritesItBack() throws IOException {
    String json = resource("/efs-backup-plan.json");

    BackupPlanDefinition plan = BackupPlanDefinition.fromJson(json);

    BackupPlanRule daily = plan.rule("daily").orElseThrow();
    assertThat(daily.targetLogicallyAirGappedVault())
        .isEqualTo(Arn.parse("arn:aws:backup:us-east-1:123456789012:backup-vault:efs-air-gapped"));
    assertThat(daily.scheduleTimezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(daily.startWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(daily.completionWindow()).isEqualTo(Duration.ofHours(3));
    assertThat(daily.lifecycle()).isEqualTo(BackupLifecycle.coldThenDelete(30, 120).withArchiveOptIn());
    assertThat(daily.recoveryPointTags().asMap()).containsExactly(Map.entry("team", "storage"), Map.entry("backup", "daily"));
    assertThat(daily.copyActions()).containsExactly(new BackupCopyAction(DR, BackupLifecycle.deleteAfterDays(365)));
    assertThat(daily.continuousBackup()).isFalse();
    assertThat(daily.indexActions()).containsExactly(BackupIndexAction.of("EBS"));
    assertThat(daily.scanActions()).containsExactly(new MalwareScanAction(MalwareScanner.GUARDDUTY, ScanMode.INCREMENTAL_SCAN));
    assertThat(plan.rule("continuous").orElseThrow().continuousBackup()).isTrue();
    assertThat(plan.advancedBackupSettings()).containsExactly(new AdvancedBackupOptions("EC2", Map.of("WindowsVSS", "enabled")));
    assertThat(plan.scanSettings()).containsExactly(new MalwareScanSetting(MalwareScanner.GUARDDUTY, List.of("EBS"), SCANNER));
    // Written back, it is the file without what says "AWS's default" (EnableContinuousBackup false).
    assertThat(BackupPlanDefinition.fromJson(plan.toJson())).isEqualTo(plan);
    assertThat(plan.toJson().replaceAll("\\s", ""))
        .isEqualTo(json.replaceAll("\\s", "").replace("\"EnableContinuousBackup\":false,", ""));
  }

  @Test
  void readsTheCreateRequestShapeWithThePlansTagsAndWritesItWhenThereAreTags() {
    BackupPlanDefinition plan = BackupPlanDefinition.fromJson("""
        {"BackupPlan": {"BackupPlanName": "efs-backup-plan",
                        "Rules": [{"RuleName": "daily", "TargetBackupVaultName": "efs-backup-vault"}]},
         "BackupPlanTags": {"team": "storage"},
         "CreatorRequestId": ""}""");

    assertThat(plan.tags().asMap()).containsExactly(Map.entry("team", "storage"));
    assertThat(plan.rule("daily").orElseThrow().schedule()).isNull();
    assertThat(plan.toJson().replaceAll("\\s", "")).isEqualTo("{\"BackupPlan\":{\"BackupPlanName\":\"efs-backup-plan\",\"Rules\":"
        + "[{\"RuleName\":\"daily\",\"TargetBackupVaultName\":\"efs-backup-vault\"}]},\"BackupPlanTags\":{\"team\":\"storage\"}}");
    assertThat(BackupPlanDefinition.fromJson(plan.toJson())).isEqualTo(plan);
  }

  @Test
  void aLifecycleDayCountOfMinusOneIsAwsRemoveAndReadsAsAbsent() {
    BackupPlanDefinition plan = BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\","
        + "\"TargetBackupVaultName\":\"v1\",\"Lifecycle\":{\"MoveToColdStorageAfterDays\":-1,\"DeleteAfterDays\":35}}]}");

    assertThat(plan.rules().get(0).lifecycle()).isEqualTo(BackupLifecycle.deleteAfterDays(35));
  }

  @Test
  void writesTheAwsShapeOfTheGuidesPlan() {
    BackupPlanDefinition plan = BackupPlanDefinition.of("efs-backup-plan",
        BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))
            .withWindows(Duration.ofHours(1), Duration.ofHours(3))
            .withLifecycle(BackupLifecycle.coldThenDelete(30, 120))
            .withCopyTo(new BackupCopyAction(DR, BackupLifecycle.deleteAfterDays(365))));

    assertThat(plan.toJson().replaceAll("\\s", "")).isEqualTo(
        "{\"BackupPlanName\":\"efs-backup-plan\",\"Rules\":[{\"RuleName\":\"daily\",\"TargetBackupVaultName\":\"efs-backup-vault\","
            + "\"ScheduleExpression\":\"cron(05**?*)\",\"StartWindowMinutes\":60,\"CompletionWindowMinutes\":180,"
            + "\"Lifecycle\":{\"MoveToColdStorageAfterDays\":30,\"DeleteAfterDays\":120},\"CopyActions\":[{"
            + "\"DestinationBackupVaultArn\":\"arn:aws:backup:us-west-2:123456789012:backup-vault:efs-dr\","
            + "\"Lifecycle\":{\"DeleteAfterDays\":365}}]}]}");
  }

  @Test
  void readsAPlanFileAsTheCliTakesIt() {
    BackupPlanDefinition plan = BackupPlanDefinition.fromJson("""
        {"BackupPlanName": "efs-backup-plan",
         "Rules": [{"RuleName": "daily", "TargetBackupVaultName": "efs-backup-vault",
                    "ScheduleExpression": "cron(0 5 ? * * *)", "Lifecycle": {"DeleteAfterDays": 35}}]}""");

    assertThat(plan.rules()).singleElement().satisfies(r -> {
      assertThat(r.schedule().expression()).isEqualTo("cron(0 5 ? * * *)");
      assertThat(r.lifecycle()).isEqualTo(BackupLifecycle.deleteAfterDays(35));
      assertThat(r.startWindow()).isNull();
    });
  }

  @Test
  void numbersTooLargeForADurationAreValidationErrorsNotArithmeticOverflows() {
    String rule = "{\"RuleName\":\"r\",\"TargetBackupVaultName\":\"v1\",\"ScheduleExpression\":\"cron(0 5 ? * * *)\"";
    String max = String.valueOf(Long.MAX_VALUE);

    assertThatThrownBy(() -> BackupPlanDefinition.fromJson(
            "{\"BackupPlanName\":\"p\",\"Rules\":[" + rule + ",\"StartWindowMinutes\":" + max + "}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid StartWindowMinutes: '" + max + "'. Allowed: a whole number from 0 to 52560000");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson(
            "{\"BackupPlanName\":\"p\",\"Rules\":[" + rule + ",\"Lifecycle\":{\"DeleteAfterDays\":" + max + "}}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid DeleteAfterDays: '" + max + "'. Allowed: a whole number from -1 to 36500");
    long days = Long.MAX_VALUE / 86_400;
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[" + rule
            + ",\"Lifecycle\":{\"MoveToColdStorageAfterDays\":" + days + ",\"DeleteAfterDays\":" + days + "}}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid MoveToColdStorageAfterDays: '" + days + "'. Allowed: a whole number from -1 to 36500");
    assertThatThrownBy(() -> new BackupLifecycle(Duration.ofDays(days), Duration.ofDays(days)))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid moveToColdStorageAfter: '" + Duration.ofDays(days) + "'. Allowed: a positive whole number of"
            + " days, at most 36500");
    assertThatThrownBy(() -> BackupLifecycle.deleteAfterDays(Long.MAX_VALUE))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid deleteAfter: '" + max + " days'. Allowed: a positive whole number of days, at most 36500");
    assertThat(BackupLifecycle.coldThenDelete(36_410, 36_500).deleteAfter()).isEqualTo(Duration.ofDays(36_500));
  }

  @Test
  void absentOrMisshapenPartsAreValidationErrors() {
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson(null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid backupPlan: null. Allowed: a JSON object of AWS's BackupPlanInput shape");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\","
            + "\"TargetBackupVaultName\":\"v1\",\"ScheduleExpression\":\"cron(0 5 ? * * *)\",\"CopyActions\":{\"a\":{}}}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid CopyActions: '{\"a\":{}}'. Allowed: an array");
    assertThatThrownBy(() -> BackupPlanDefinition.of("p", (BackupPlanRule) null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid rules: '[null]'. Allowed: at least one rule, without null elements");
    assertThatThrownBy(() -> BackupPlanRule.builder().name("r").schedule(Schedule.dailyAt(5, 0)).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid targetVault: null. Allowed: a backup vault name");
    assertThatThrownBy(() -> BackupPlanRule.of("r", "v1", Schedule.dailyAt(5, 0)).withCopyTo(null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid copyActions: null. Allowed: a copy action");
    assertThatThrownBy(() -> new BackupCopyAction(null, null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid destinationVaultArn: null. Allowed: a backup vault ARN, arn:aws:backup:<region>:<account>:backup-vault:<name>");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\","
            + "\"TargetBackupVaultName\":\"v1\",\"EnableContinuousBackup\":\"yes\"}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid EnableContinuousBackup: '\"yes\"'. Allowed: true or false");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\","
            + "\"TargetBackupVaultName\":\"v1\",\"RecoveryPointTags\":{\"team\":1}}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid RecoveryPointTags.team: '1'. Allowed: a string");
  }

  @Test
  void rejectsMalformedJsonMembersAwsDoesNotHaveAndInvalidValues() {
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{not json"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid backupPlan: '{not json'. Allowed: a JSON object of AWS's BackupPlanInput shape");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[],\"Extra\":1}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid backupPlan.Extra: '1'. Allowed: one of AWS's members: [AdvancedBackupSettings, BackupPlanName, Rules,"
            + " ScanSettings]");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson(
            "{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\",\"TargetBackupVaultName\":\"v1\",\"ScheduleExpression\":\"daily\"}]}"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid schedule: 'daily'");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\","
            + "\"TargetBackupVaultName\":\"v1\",\"ScheduleExpressionTimezone\":\"Mars/Olympus\"}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid scheduleTimezone: 'Mars/Olympus'. Allowed: an IANA time zone name, such as Europe/Paris or Etc/UTC");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\","
            + "\"TargetBackupVaultName\":\"v1\",\"ScanActions\":[{\"MalwareScanner\":\"GUARDDUTY\",\"ScanMode\":\"QUICK\"}]}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid ScanMode: 'QUICK'. Allowed: one of [FULL_SCAN, INCREMENTAL_SCAN]");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\","
            + "\"TargetBackupVaultName\":\"v1\",\"Lifecycle\":{\"DeleteAfterEvent\":\"DELETE_AFTER_COPY\"}}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid Lifecycle.DeleteAfterEvent: '\"DELETE_AFTER_COPY\"'. Allowed: one of AWS's members:"
            + " [DeleteAfterDays, MoveToColdStorageAfterDays, OptInToArchiveForSupportedResources]");
    assertThatThrownBy(() -> BackupLifecycle.coldThenDelete(30, 100))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid deleteAfter: '100 days'. Allowed: at least 90 days after moveToColdStorageAfter (30 days), so at least 120 days");
    assertThatThrownBy(() -> BackupPlanRule.of("r", "v1", Schedule.dailyAt(1, 0)).withWindows(Duration.ofMinutes(30), Duration.ofHours(2)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid startWindow: 'PT30M'. Allowed: a whole number of minutes, at least 60");
    assertThatThrownBy(() -> BackupPlanRule.builder().name("r").targetVault("v1")
            .indexActions(List.of(BackupIndexAction.of("EBS"), BackupIndexAction.of("S3"))).build())
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid indexActions: '2'. Allowed: at most one index action per rule");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BackupPlanDefinitionTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
