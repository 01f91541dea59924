package dev.opskit.backup;

import dev.opskit.backup.internal.BackupPlanJson;
import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An AWS Backup plan, a value that reads and writes AWS's JSON shape (the {@code --backup-plan} file of
 * {@code aws backup create-backup-plan}). The guide's EFS plan:
 *
 * <pre>{@code
 * BackupPlanDefinition plan = BackupPlanDefinition.of("efs-backup-plan",
 *     BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))
 *         .withWindows(Duration.ofHours(1), Duration.ofHours(3))
 *         .withLifecycle(BackupLifecycle.coldThenDelete(30, 120)));
 * String json = plan.toJson();
 * }</pre>
 *
 * @param name the plan name, 1 to 50 letters, digits, {@code -}, {@code _} and {@code .}
 * @param rules the rules, at least one, names unique
 */
public record BackupPlanDefinition(String name, List<BackupPlanRule> rules) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  /** Validates and copies. */
  public BackupPlanDefinition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ValidationException.of("backupPlanName", name, "1 to 50 ASCII letters, digits, '-', '_' and '.'");
    }
    rules = Checks.list("rules", rules, "at least one rule");
    if (rules.isEmpty()) {
      throw ValidationException.of("rules", rules, "at least one rule");
    }
    if (new HashSet<>(rules.stream().map(BackupPlanRule::name).toList()).size() != rules.size()) {
      throw ValidationException.of("rules", rules.stream().map(BackupPlanRule::name).toList(), "unique rule names");
    }
  }

  /**
   * A plan.
   *
   * @param name the plan name
   * @param rules the rules
   * @return the plan
   */
  public static BackupPlanDefinition of(String name, BackupPlanRule... rules) {
    return new BackupPlanDefinition(name, rules == null ? null : Arrays.asList(rules));
  }

  /**
   * Reads AWS's JSON shape: {@code BackupPlanName}, {@code Rules} with {@code RuleName},
   * {@code TargetBackupVaultName}, {@code ScheduleExpression}, {@code StartWindowMinutes},
   * {@code CompletionWindowMinutes}, {@code Lifecycle} ({@code MoveToColdStorageAfterDays},
   * {@code DeleteAfterDays}) and {@code CopyActions} ({@code DestinationBackupVaultArn}, {@code Lifecycle}).
   *
   * @param json the JSON text
   * @return the plan
   * @throws ValidationException when the JSON is malformed, has a member OpsKit does not know, or a value is invalid
   */
  public static BackupPlanDefinition fromJson(String json) {
    return BackupPlanJson.read(json);
  }

  /** AWS's JSON shape, pretty-printed; {@link #fromJson(String)} reads it back to an equal value. */
  public String toJson() {
    return BackupPlanJson.write(this);
  }
}
