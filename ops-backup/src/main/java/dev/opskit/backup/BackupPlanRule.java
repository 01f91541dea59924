package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule of an AWS Backup plan: when to back up, into which vault, within which windows, how long to
 * keep the recovery points, and where to copy them.
 *
 * @param name the rule name, 1 to 50 letters, digits, {@code -}, {@code _} and {@code .}
 * @param targetVault the vault recovery points go to
 * @param schedule when backups start, such as {@code Schedule.dailyAt(5, 0)}
 * @param startWindow how long after the scheduled time a job may start (at least 1 hour, at most
 *     {@link #MAX_WINDOW}); null for AWS's default
 * @param completionWindow how long a started job may run (at most {@link #MAX_WINDOW}); null for AWS's default
 * @param lifecycle cold storage and deletion; null to keep recovery points forever
 * @param copyActions copies to other vaults
 */
public record BackupPlanRule(
    String name,
    BackupVaultName targetVault,
    Schedule schedule,
    @Nullable Duration startWindow,
    @Nullable Duration completionWindow,
    @Nullable BackupLifecycle lifecycle,
    List<BackupCopyAction> copyActions) {
  /** The longest start or completion window AWS Backup accepts: 100 years (52,560,000 minutes). */
  public static final Duration MAX_WINDOW = Duration.ofDays(36_500);

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  /** Validates and copies. */
  public BackupPlanRule {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ValidationException.of("ruleName", name, "1 to 50 ASCII letters, digits, '-', '_' and '.'");
    }
    Checks.present("targetVault", targetVault, "a backup vault name");
    Checks.present("schedule", schedule, "a schedule, such as Schedule.dailyAt(5, 0)");
    if (startWindow != null && (startWindow.compareTo(Duration.ofHours(1)) < 0 || startWindow.compareTo(MAX_WINDOW) > 0
        || !wholeMinutes(startWindow))) {
      throw ValidationException.of("startWindow", startWindow,
          "a whole number of minutes, at least 60 and at most " + MAX_WINDOW.toMinutes());
    }
    if (completionWindow != null && (completionWindow.isNegative() || completionWindow.isZero()
        || completionWindow.compareTo(MAX_WINDOW) > 0 || !wholeMinutes(completionWindow))) {
      throw ValidationException.of("completionWindow", completionWindow,
          "a positive whole number of minutes, at most " + MAX_WINDOW.toMinutes());
    }
    copyActions = Checks.list("copyActions", copyActions, "a list of copy actions (may be empty)");
  }

  private static boolean wholeMinutes(Duration d) {
    return d.equals(Duration.ofMinutes(d.toMinutes()));
  }

  /**
   * A rule with AWS's default windows, no lifecycle and no copies.
   *
   * @param name the rule name
   * @param targetVault the vault name
   * @param schedule the schedule
   * @return the rule
   */
  public static BackupPlanRule of(String name, String targetVault, Schedule schedule) {
    return new BackupPlanRule(name, BackupVaultName.of(targetVault), schedule, null, null, null, List.of());
  }

  /**
   * This rule with start and completion windows.
   *
   * @param start the start window, at least 1 hour
   * @param completion the completion window
   * @return the new rule
   */
  public BackupPlanRule withWindows(Duration start, Duration completion) {
    return new BackupPlanRule(name, targetVault, schedule, start, completion, lifecycle, copyActions);
  }

  /**
   * This rule with a lifecycle.
   *
   * @param value the lifecycle
   * @return the new rule
   */
  public BackupPlanRule withLifecycle(BackupLifecycle value) {
    return new BackupPlanRule(name, targetVault, schedule, startWindow, completionWindow, value, copyActions);
  }

  /**
   * This rule with one more copy action.
   *
   * @param copy the copy action
   * @return the new rule
   */
  public BackupPlanRule withCopyTo(BackupCopyAction copy) {
    List<BackupCopyAction> all = new java.util.ArrayList<>(copyActions);
    all.add(Checks.present("copyActions", copy, "a copy action"));
    return new BackupPlanRule(name, targetVault, schedule, startWindow, completionWindow, lifecycle, all);
  }
}
