package dev.opskit.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class BackupPlanDefinitionTest {
  private static final Gen<String> NAMES = strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 30);

  private static final Gen<BackupLifecycle> LIFECYCLES = integers().between(0, 400).zip(integers().between(0, 3),
      (days, shape) -> switch (shape) {
        case 0 -> new BackupLifecycle(null, null);
        case 1 -> BackupLifecycle.deleteAfterDays(days + 1);
        case 2 -> new BackupLifecycle(Duration.ofDays(days + 1), null);
        default -> BackupLifecycle.coldThenDelete(days + 1, days + 91 + shape);
      });

  private static final Gen<Schedule> SCHEDULES = integers().between(0, 23).zip(integers().between(0, 59), integers().between(0, 2),
      (h, m, kind) -> kind == 0 ? Schedule.dailyAt(h, m)
          : kind == 1 ? Schedule.rate(Duration.ofHours(h + 1)) : Schedule.parse("cron(" + m + " " + h + " ? * MON-FRI *)"));

  private static final Gen<BackupPlanRule> RULES = NAMES.zip(SCHEDULES, LIFECYCLES, integers().between(0, 5),
      (name, schedule, lifecycle, shape) -> {
        BackupPlanRule rule = new BackupPlanRule(name, BackupVaultName.of(name + "-vault"), schedule,
            shape % 2 == 0 ? null : Duration.ofMinutes(60 + shape), shape < 2 ? null : Duration.ofMinutes(120 * shape),
            shape == 3 ? null : lifecycle, List.of());
        return shape >= 4 ? rule.withCopyTo(new BackupCopyAction(
            Arn.parse("arn:aws:backup:us-west-2:123456789012:backup-vault:" + name + "-dr"), shape == 5 ? lifecycle : null)) : rule;
      });

  private static final Gen<BackupPlanDefinition> PLANS = NAMES.zip(lists().of(RULES).ofSizeBetween(1, 4), (name, rules) -> {
    List<BackupPlanRule> unique = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      BackupPlanRule r = rules.get(i);
      unique.add(new BackupPlanRule(r.name() + "-" + i, r.targetVault(), r.schedule(), r.startWindow(), r.completionWindow(),
          r.lifecycle(), r.copyActions()));
    }
    return new BackupPlanDefinition(name, unique);
  });

  @Test
  void roundTripsThroughItsJsonForm() {
    qt().forAll(PLANS).checkAssert(plan -> {
      BackupPlanDefinition back = BackupPlanDefinition.fromJson(plan.toJson());
      assertThat(back).isEqualTo(plan);
      assertThat(back.toJson()).isEqualTo(plan.toJson());
    });
  }

  @Test
  void writesTheAwsShapeOfTheGuidesPlan() {
    BackupPlanDefinition plan = BackupPlanDefinition.of("efs-backup-plan",
        BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))
            .withWindows(Duration.ofHours(1), Duration.ofHours(3))
            .withLifecycle(BackupLifecycle.coldThenDelete(30, 120))
            .withCopyTo(new BackupCopyAction(Arn.parse("arn:aws:backup:us-west-2:123456789012:backup-vault:efs-dr"),
                BackupLifecycle.deleteAfterDays(365))));

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
        .hasMessage("Invalid DeleteAfterDays: '" + max + "'. Allowed: a whole number from 0 to 36500");
    long days = Long.MAX_VALUE / 86_400;
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[" + rule
            + ",\"Lifecycle\":{\"MoveToColdStorageAfterDays\":" + days + ",\"DeleteAfterDays\":" + days + "}}]}"))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid MoveToColdStorageAfterDays: '" + days + "'. Allowed: a whole number from 0 to 36500");
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
    assertThatThrownBy(() -> new BackupPlanRule("r", null, Schedule.dailyAt(5, 0), null, null, null, List.of()))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid targetVault: null. Allowed: a backup vault name");
    assertThatThrownBy(() -> BackupPlanRule.of("r", "v1", Schedule.dailyAt(5, 0)).withCopyTo(null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid copyActions: null. Allowed: a copy action");
    assertThatThrownBy(() -> new BackupCopyAction(null, null))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("Invalid destinationVaultArn: null. Allowed: a backup vault ARN, arn:aws:backup:<region>:<account>:backup-vault:<name>");
  }

  @Test
  void rejectsMalformedJsonUnknownMembersAndInvalidValues() {
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{not json"))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid backupPlan: '{not json'. Allowed: a JSON object of AWS's BackupPlanInput shape");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson("{\"BackupPlanName\":\"p\",\"Rules\":[],\"Extra\":1}"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid backupPlan.Extra");
    assertThatThrownBy(() -> BackupPlanDefinition.fromJson(
            "{\"BackupPlanName\":\"p\",\"Rules\":[{\"RuleName\":\"r\",\"TargetBackupVaultName\":\"v1\",\"ScheduleExpression\":\"daily\"}]}"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid schedule: 'daily'");
    assertThatThrownBy(() -> BackupLifecycle.coldThenDelete(30, 100))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid deleteAfter: '100 days'. Allowed: at least 90 days after moveToColdStorageAfter (30 days), so at least 120 days");
    assertThatThrownBy(() -> BackupPlanRule.of("r", "v1", Schedule.dailyAt(1, 0)).withWindows(Duration.ofMinutes(30), Duration.ofHours(2)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid startWindow: 'PT30M'. Allowed: a whole number of minutes, at least 60");
  }
}
