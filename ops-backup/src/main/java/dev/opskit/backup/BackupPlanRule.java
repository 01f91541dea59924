package dev.opskit.backup;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Schedule;
import dev.opskit.core.value.Tags;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule of an AWS Backup plan (AWS's {@code BackupRuleInput}): when to back up, into which vault,
 * within which windows, how long to keep the recovery points, where to copy them, and what else to do
 * with each backup (tags, continuous backup, an index, a malware scan). Deeply immutable.
 *
 * <pre>{@code
 * BackupPlanRule daily = BackupPlanRule.builder()
 *     .name("daily").targetVault("efs-backup-vault").schedule(Schedule.dailyAt(5, 0))
 *     .scheduleTimezone(ZoneId.of("Europe/Paris"))
 *     .windows(Duration.ofHours(1), Duration.ofHours(3))
 *     .lifecycle(BackupLifecycle.coldThenDelete(30, 120))
 *     .build();
 * }</pre>
 */
public final class BackupPlanRule {
  /** The longest start or completion window AWS Backup accepts: 100 years (52,560,000 minutes). */
  public static final Duration MAX_WINDOW = Duration.ofDays(36_500);
  /** AWS's schedule when a rule gives none: daily at 05:00 UTC. */
  public static final Schedule DEFAULT_SCHEDULE = Schedule.parse("cron(0 5 ? * * *)");
  /** AWS's start window when a rule gives none: 8 hours. */
  public static final Duration DEFAULT_START_WINDOW = Duration.ofHours(8);
  /** AWS's completion window when a rule gives none: 7 days. */
  public static final Duration DEFAULT_COMPLETION_WINDOW = Duration.ofDays(7);

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  private final String name;
  private final BackupVaultName targetVault;
  private final @Nullable Arn targetLogicallyAirGappedVault;
  private final @Nullable Schedule schedule;
  private final @Nullable ZoneId scheduleTimezone;
  private final @Nullable Duration startWindow;
  private final @Nullable Duration completionWindow;
  private final @Nullable BackupLifecycle lifecycle;
  private final Tags recoveryPointTags;
  private final List<BackupCopyAction> copyActions;
  private final boolean continuousBackup;
  private final List<BackupIndexAction> indexActions;
  private final List<MalwareScanAction> scanActions;

  private BackupPlanRule(Builder b) {
    if (b.name == null || b.name.length() > 50 || !NAME.matcher(b.name).matches()) {
      throw ValidationException.of("ruleName", b.name, "1 to 50 ASCII letters, digits, '-', '_' and '.'");
    }
    this.name = b.name;
    this.targetVault = Checks.present("targetVault", b.targetVault, "a backup vault name");
    if (b.targetLogicallyAirGappedVault != null) {
      vaultArn("targetLogicallyAirGappedVault", b.targetLogicallyAirGappedVault);
    }
    this.targetLogicallyAirGappedVault = b.targetLogicallyAirGappedVault;
    this.schedule = b.schedule;
    this.scheduleTimezone = b.scheduleTimezone;
    if (b.startWindow != null && (b.startWindow.compareTo(Duration.ofHours(1)) < 0 || b.startWindow.compareTo(MAX_WINDOW) > 0
        || !wholeMinutes(b.startWindow))) {
      throw ValidationException.of("startWindow", b.startWindow,
          "a whole number of minutes, at least 60 and at most " + MAX_WINDOW.toMinutes());
    }
    if (b.completionWindow != null && (b.completionWindow.isNegative() || b.completionWindow.isZero()
        || b.completionWindow.compareTo(MAX_WINDOW) > 0 || !wholeMinutes(b.completionWindow))) {
      throw ValidationException.of("completionWindow", b.completionWindow,
          "a positive whole number of minutes, at most " + MAX_WINDOW.toMinutes());
    }
    this.startWindow = b.startWindow;
    this.completionWindow = b.completionWindow;
    this.lifecycle = b.lifecycle == null || b.lifecycle.isEmpty() ? null : b.lifecycle;
    this.recoveryPointTags = Tags.of("recoveryPointTags", b.recoveryPointTags);
    this.copyActions = Checks.list("copyActions", b.copyActions, "a list of copy actions (may be empty)");
    this.continuousBackup = b.continuousBackup;
    this.indexActions = Checks.list("indexActions", b.indexActions, "at most one index action");
    Checks.require(indexActions.size() <= 1, "indexActions", indexActions.size(), "at most one index action per rule");
    this.scanActions = Checks.list("scanActions", b.scanActions, "a list of malware scan actions (may be empty)");
  }

  static Arn vaultArn(String field, @Nullable Arn arn) {
    if (arn == null || !"backup".equals(arn.service()) || !arn.resource().startsWith("backup-vault:")) {
      throw ValidationException.of(field, arn, "a backup vault ARN, arn:aws:backup:<region>:<account>:backup-vault:<name>");
    }
    return arn;
  }

  private static boolean wholeMinutes(Duration d) {
    return d.equals(Duration.ofMinutes(d.toMinutes()));
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
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
    return builder().name(name).targetVault(targetVault)
        .schedule(Checks.present("schedule", schedule, "a schedule, such as Schedule.dailyAt(5, 0)")).build();
  }

  /** {@return a builder holding this rule's values} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This rule with start and completion windows.
   *
   * @param start the start window, at least 1 hour
   * @param completion the completion window
   * @return the new rule
   */
  public BackupPlanRule withWindows(Duration start, Duration completion) {
    return toBuilder().windows(start, completion).build();
  }

  /**
   * This rule with a lifecycle.
   *
   * @param value the lifecycle
   * @return the new rule
   */
  public BackupPlanRule withLifecycle(BackupLifecycle value) {
    return toBuilder().lifecycle(value).build();
  }

  /**
   * This rule with one more copy action.
   *
   * @param copy the copy action
   * @return the new rule
   */
  public BackupPlanRule withCopyTo(BackupCopyAction copy) {
    return toBuilder().copyTo(copy).build();
  }

  /** {@return the rule name ({@code RuleName})} */
  public String name() {
    return name;
  }

  /** {@return the vault recovery points go to ({@code TargetBackupVaultName})} */
  public BackupVaultName targetVault() {
    return targetVault;
  }

  /** {@return the logically air-gapped vault recovery points also go to ({@code TargetLogicallyAirGappedBackupVaultArn}); null for none} */
  public @Nullable Arn targetLogicallyAirGappedVault() {
    return targetLogicallyAirGappedVault;
  }

  /** {@return when backups start ({@code ScheduleExpression}); null for AWS's default, {@link #DEFAULT_SCHEDULE}} */
  public @Nullable Schedule schedule() {
    return schedule;
  }

  /** {@return the time zone of the schedule ({@code ScheduleExpressionTimezone}); null for AWS's default, UTC} */
  public @Nullable ZoneId scheduleTimezone() {
    return scheduleTimezone;
  }

  /** {@return how long after the scheduled time a job may start ({@code StartWindowMinutes}); null for AWS's default} */
  public @Nullable Duration startWindow() {
    return startWindow;
  }

  /** {@return how long a started job may run ({@code CompletionWindowMinutes}); null for AWS's default} */
  public @Nullable Duration completionWindow() {
    return completionWindow;
  }

  /** {@return cold storage and deletion ({@code Lifecycle}); null to keep recovery points forever} */
  public @Nullable BackupLifecycle lifecycle() {
    return lifecycle;
  }

  /** {@return tags put on the recovery points ({@code RecoveryPointTags})} */
  public Tags recoveryPointTags() {
    return recoveryPointTags;
  }

  /** {@return copies to other vaults ({@code CopyActions})} */
  public List<BackupCopyAction> copyActions() {
    return copyActions;
  }

  /** {@return whether supported resources get continuous backups, restorable to a point in time ({@code EnableContinuousBackup})} */
  public boolean continuousBackup() {
    return continuousBackup;
  }

  /** {@return the backup index made with each backup ({@code IndexActions}), at most one} */
  public List<BackupIndexAction> indexActions() {
    return indexActions;
  }

  /** {@return malware scans run on each backup ({@code ScanActions})} */
  public List<MalwareScanAction> scanActions() {
    return scanActions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupPlanRule r && name.equals(r.name) && targetVault.equals(r.targetVault)
        && Objects.equals(targetLogicallyAirGappedVault, r.targetLogicallyAirGappedVault) && Objects.equals(schedule, r.schedule)
        && Objects.equals(scheduleTimezone, r.scheduleTimezone) && Objects.equals(startWindow, r.startWindow)
        && Objects.equals(completionWindow, r.completionWindow) && Objects.equals(lifecycle, r.lifecycle)
        && recoveryPointTags.equals(r.recoveryPointTags) && copyActions.equals(r.copyActions)
        && continuousBackup == r.continuousBackup && indexActions.equals(r.indexActions) && scanActions.equals(r.scanActions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, targetVault, targetLogicallyAirGappedVault, schedule, scheduleTimezone, startWindow,
        completionWindow, lifecycle, recoveryPointTags, copyActions, continuousBackup, indexActions, scanActions);
  }

  /** {@code rule daily -> efs-backup-vault at cron(0 5 ? * * *)}; tag values are not shown. */
  @Override
  public String toString() {
    return "rule " + name + " -> " + targetVault + " at " + (schedule == null ? DEFAULT_SCHEDULE + " (default)" : schedule)
        + (scheduleTimezone == null ? "" : " " + scheduleTimezone);
  }

  /** Builds a {@link BackupPlanRule}. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable BackupVaultName targetVault;
    private @Nullable Arn targetLogicallyAirGappedVault;
    private @Nullable Schedule schedule;
    private @Nullable ZoneId scheduleTimezone;
    private @Nullable Duration startWindow;
    private @Nullable Duration completionWindow;
    private @Nullable BackupLifecycle lifecycle;
    private Map<String, String> recoveryPointTags = Map.of();
    private final List<BackupCopyAction> copyActions = new ArrayList<>();
    private boolean continuousBackup;
    private final List<BackupIndexAction> indexActions = new ArrayList<>();
    private final List<MalwareScanAction> scanActions = new ArrayList<>();

    private Builder() {}

    private Builder(BackupPlanRule r) {
      name = r.name;
      targetVault = r.targetVault;
      targetLogicallyAirGappedVault = r.targetLogicallyAirGappedVault;
      schedule = r.schedule;
      scheduleTimezone = r.scheduleTimezone;
      startWindow = r.startWindow;
      completionWindow = r.completionWindow;
      lifecycle = r.lifecycle;
      recoveryPointTags = r.recoveryPointTags.asMap();
      copyActions.addAll(r.copyActions);
      continuousBackup = r.continuousBackup;
      indexActions.addAll(r.indexActions);
      scanActions.addAll(r.scanActions);
    }

    /**
     * The rule name, 1 to 50 letters, digits, {@code -}, {@code _} and {@code .}.
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /**
     * The vault recovery points go to.
     *
     * @param value the vault name
     * @return this builder
     */
    public Builder targetVault(BackupVaultName value) {
      this.targetVault = value;
      return this;
    }

    /**
     * The vault recovery points go to.
     *
     * @param value the vault name
     * @return this builder
     * @throws ValidationException when it is not a vault name
     */
    public Builder targetVault(String value) {
      this.targetVault = BackupVaultName.of(value);
      return this;
    }

    /**
     * A logically air-gapped vault recovery points also go to.
     *
     * @param value the vault ARN, or null for none
     * @return this builder
     */
    public Builder targetLogicallyAirGappedVault(@Nullable Arn value) {
      this.targetLogicallyAirGappedVault = value;
      return this;
    }

    /**
     * When backups start.
     *
     * @param value the schedule, or null for AWS's default
     * @return this builder
     */
    public Builder schedule(@Nullable Schedule value) {
      this.schedule = value;
      return this;
    }

    /**
     * The time zone the schedule is read in.
     *
     * @param value the zone, or null for UTC
     * @return this builder
     */
    public Builder scheduleTimezone(@Nullable ZoneId value) {
      this.scheduleTimezone = value;
      return this;
    }

    /**
     * The time zone the schedule is read in, by its IANA name.
     *
     * @param value such as {@code Europe/Paris}
     * @return this builder
     * @throws ValidationException when it names no time zone
     */
    public Builder scheduleTimezone(String value) {
      this.scheduleTimezone = zone("scheduleTimezone", value);
      return this;
    }

    static ZoneId zone(String field, @Nullable String value) {
      Checks.length(field, value, 1, 100);
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw ValidationException.of(field, value, "an IANA time zone name, such as Europe/Paris or Etc/UTC");
      }
    }

    /**
     * How long after the scheduled time a job may start.
     *
     * @param value at least 1 hour, whole minutes; null for AWS's default
     * @return this builder
     */
    public Builder startWindow(@Nullable Duration value) {
      this.startWindow = value;
      return this;
    }

    /**
     * How long a started job may run.
     *
     * @param value whole minutes; null for AWS's default
     * @return this builder
     */
    public Builder completionWindow(@Nullable Duration value) {
      this.completionWindow = value;
      return this;
    }

    /**
     * Both windows.
     *
     * @param start the start window
     * @param completion the completion window
     * @return this builder
     */
    public Builder windows(@Nullable Duration start, @Nullable Duration completion) {
      return startWindow(start).completionWindow(completion);
    }

    /**
     * Cold storage and deletion.
     *
     * @param value the lifecycle, or null to keep recovery points forever
     * @return this builder
     */
    public Builder lifecycle(@Nullable BackupLifecycle value) {
      this.lifecycle = value;
      return this;
    }

    /**
     * Tags put on the recovery points (AWS's tag rules apply).
     *
     * @param value keys and values
     * @return this builder
     */
    public Builder recoveryPointTags(Map<String, String> value) {
      this.recoveryPointTags = value;
      return this;
    }

    /**
     * One more copy action.
     *
     * @param value the copy action
     * @return this builder
     */
    public Builder copyTo(BackupCopyAction value) {
      copyActions.add(Checks.present("copyActions", value, "a copy action"));
      return this;
    }

    /**
     * The copy actions, replacing any given before.
     *
     * @param values the copy actions
     * @return this builder
     */
    public Builder copyActions(List<BackupCopyAction> values) {
      List<BackupCopyAction> copy = Checks.list("copyActions", values, "a list of copy actions (may be empty)");
      copyActions.clear();
      copyActions.addAll(copy);
      return this;
    }

    /**
     * Whether supported resources get continuous backups.
     *
     * @param value true for continuous backups
     * @return this builder
     */
    public Builder continuousBackup(boolean value) {
      this.continuousBackup = value;
      return this;
    }

    /**
     * The backup index made with each backup, replacing any given before.
     *
     * @param value the index action, or null for none
     * @return this builder
     */
    public Builder indexAction(@Nullable BackupIndexAction value) {
      indexActions.clear();
      if (value != null) {
        indexActions.add(value);
      }
      return this;
    }

    /**
     * The index actions, replacing any given before (AWS takes at most one).
     *
     * @param values the index actions
     * @return this builder
     */
    public Builder indexActions(List<BackupIndexAction> values) {
      List<BackupIndexAction> copy = Checks.list("indexActions", values, "at most one index action");
      indexActions.clear();
      indexActions.addAll(copy);
      return this;
    }

    /**
     * One more malware scan.
     *
     * @param value the scan action
     * @return this builder
     */
    public Builder scanAction(MalwareScanAction value) {
      scanActions.add(Checks.present("scanActions", value, "a malware scan action"));
      return this;
    }

    /**
     * The malware scans, replacing any given before.
     *
     * @param values the scan actions
     * @return this builder
     */
    public Builder scanActions(List<MalwareScanAction> values) {
      List<MalwareScanAction> copy = Checks.list("scanActions", values, "a list of malware scan actions (may be empty)");
      scanActions.clear();
      scanActions.addAll(copy);
      return this;
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     * @throws ValidationException when a value is invalid
     */
    public BackupPlanRule build() {
      return new BackupPlanRule(this);
    }
  }
}
