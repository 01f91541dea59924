package dev.opskit.backup;

import dev.opskit.backup.internal.BackupPlanJson;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An AWS Backup plan as desired state, a value that reads and writes AWS's JSON shape: the
 * {@code --backup-plan} file of {@code aws backup create-backup-plan} ({@code BackupPlanInput}: name, rules,
 * advanced backup settings, scan settings), or the whole request with the plan's tags
 * ({@code {"BackupPlan": {...}, "BackupPlanTags": {...}}}). The guide's EFS plan:
 *
 * <pre>{@code
 * BackupPlanDefinition plan = BackupPlanDefinition.of("efs-backup-plan",
 *     BackupPlanRule.of("daily", "efs-backup-vault", Schedule.dailyAt(5, 0))
 *         .withWindows(Duration.ofHours(1), Duration.ofHours(3))
 *         .withLifecycle(BackupLifecycle.coldThenDelete(30, 120)));
 * BackupPlanDefinition same = BackupPlanDefinition.fromJson(Files.readString(Path.of("efs-backup-plan.json")));
 * }</pre>
 *
 * <p>Deeply immutable; equal when every part is equal.
 */
public final class BackupPlanDefinition {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

  private final String name;
  private final List<BackupPlanRule> rules;
  private final List<AdvancedBackupOptions> advancedBackupSettings;
  private final List<MalwareScanSetting> scanSettings;
  private final Tags tags;

  private BackupPlanDefinition(Builder b) {
    if (b.name == null || b.name.length() > 50 || !NAME.matcher(b.name).matches()) {
      throw ValidationException.of("backupPlanName", b.name, "1 to 50 ASCII letters, digits, '-', '_' and '.'");
    }
    this.name = b.name;
    this.rules = Checks.list("rules", b.rules, "at least one rule");
    if (rules.isEmpty()) {
      throw ValidationException.of("rules", rules, "at least one rule");
    }
    List<String> ruleNames = rules.stream().map(BackupPlanRule::name).toList();
    if (new HashSet<>(ruleNames).size() != rules.size()) {
      throw ValidationException.of("rules", ruleNames, "unique rule names");
    }
    this.advancedBackupSettings = Checks.list("advancedBackupSettings", b.advancedBackupSettings,
        "a list of advanced backup settings (may be empty)");
    List<String> types = advancedBackupSettings.stream().map(AdvancedBackupOptions::resourceType).toList();
    if (new HashSet<>(types).size() != types.size()) {
      throw ValidationException.of("advancedBackupSettings", types, "one setting per resource type");
    }
    this.scanSettings = Checks.list("scanSettings", b.scanSettings, "a list of malware scan settings (may be empty)");
    this.tags = Tags.of("backupPlanTags", b.tags);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A plan.
   *
   * @param name the plan name
   * @param rules the rules
   * @return the plan
   */
  public static BackupPlanDefinition of(String name, BackupPlanRule... rules) {
    return builder().name(name).rules(Checks.elements("rules", "at least one rule", rules)).build();
  }

  /**
   * Reads AWS's JSON shape, as {@code aws backup create-backup-plan} takes it: either the
   * {@code --backup-plan} file ({@code BackupPlanInput}: {@code BackupPlanName}, {@code Rules},
   * {@code AdvancedBackupSettings}, {@code ScanSettings}) or the {@code --cli-input-json} file
   * ({@code BackupPlan}, {@code BackupPlanTags}; a {@code CreatorRequestId} in it is ignored, OpsKit makes its
   * own). A rule has AWS's members ({@code RuleName}, {@code TargetBackupVaultName},
   * {@code TargetLogicallyAirGappedBackupVaultArn}, {@code ScheduleExpression}, {@code ScheduleExpressionTimezone},
   * {@code StartWindowMinutes}, {@code CompletionWindowMinutes}, {@code Lifecycle} with
   * {@code MoveToColdStorageAfterDays}, {@code DeleteAfterDays} and {@code OptInToArchiveForSupportedResources},
   * {@code RecoveryPointTags}, {@code CopyActions}, {@code EnableContinuousBackup}, {@code IndexActions},
   * {@code ScanActions}). A lifecycle day count of {@code -1} (AWS's "remove this setting") reads as absent.
   *
   * @param json the JSON text
   * @return the plan
   * @throws ValidationException when the JSON is malformed, has a member AWS's shape does not have, or a value is invalid
   */
  public static BackupPlanDefinition fromJson(String json) {
    return BackupPlanJson.read(json);
  }

  /**
   * AWS's JSON shape, pretty-printed: the {@code BackupPlanInput} shape, or, when the plan has tags, the request
   * shape {@code {"BackupPlan": {...}, "BackupPlanTags": {...}}}. {@link #fromJson(String)} reads it back to an
   * equal value.
   *
   * @return the JSON text
   */
  public String toJson() {
    return BackupPlanJson.write(this);
  }

  /** {@return a builder holding this plan's values} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This plan with more tags ({@code BackupPlanTags}; later keys win).
   *
   * @param more keys and values
   * @return the new plan
   */
  public BackupPlanDefinition withTags(Map<String, String> more) {
    return toBuilder().tags(tags.and(more).asMap()).build();
  }

  /** {@return the plan name ({@code BackupPlanName})} */
  public String name() {
    return name;
  }

  /** {@return the rules ({@code Rules}), at least one, names unique} */
  public List<BackupPlanRule> rules() {
    return rules;
  }

  /** {@return backup options per resource type ({@code AdvancedBackupSettings})} */
  public List<AdvancedBackupOptions> advancedBackupSettings() {
    return advancedBackupSettings;
  }

  /** {@return malware scan settings ({@code ScanSettings})} */
  public List<MalwareScanSetting> scanSettings() {
    return scanSettings;
  }

  /**
   * The plan's own tags ({@code BackupPlanTags}); applying the plan also puts the context's default tags on it
   * (the plan's own win on the same key).
   *
   * @return the plan's own tags
   */
  public Tags tags() {
    return tags;
  }

  /**
   * The rule of that name.
   *
   * @param ruleName the rule name
   * @return the rule, or empty when the plan has none of that name
   */
  public Optional<BackupPlanRule> rule(String ruleName) {
    return rules.stream().filter(r -> r.name().equals(ruleName)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupPlanDefinition p && name.equals(p.name) && rules.equals(p.rules)
        && advancedBackupSettings.equals(p.advancedBackupSettings) && scanSettings.equals(p.scanSettings) && tags.equals(p.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, rules, advancedBackupSettings, scanSettings, tags);
  }

  /** {@code backup plan efs-backup-plan (rules: daily, monthly)}; tag values are not shown. */
  @Override
  public String toString() {
    return "backup plan " + name + " (rules: " + String.join(", ", rules.stream().map(BackupPlanRule::name).toList()) + ")";
  }

  /** Builds a {@link BackupPlanDefinition}. */
  public static final class Builder {
    private @Nullable String name;
    private final List<BackupPlanRule> rules = new ArrayList<>();
    private final List<AdvancedBackupOptions> advancedBackupSettings = new ArrayList<>();
    private final List<MalwareScanSetting> scanSettings = new ArrayList<>();
    private Map<String, String> tags = Map.of();

    private Builder() {}

    private Builder(BackupPlanDefinition p) {
      name = p.name;
      rules.addAll(p.rules);
      advancedBackupSettings.addAll(p.advancedBackupSettings);
      scanSettings.addAll(p.scanSettings);
      tags = p.tags.asMap();
    }

    /**
     * The plan name, 1 to 50 letters, digits, {@code -}, {@code _} and {@code .}.
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /**
     * One more rule.
     *
     * @param value the rule
     * @return this builder
     */
    public Builder rule(BackupPlanRule value) {
      rules.add(Checks.present("rules", value, "a rule"));
      return this;
    }

    /**
     * One more rule, built in place.
     *
     * @param rule sets the rule's values
     * @return this builder
     */
    public Builder rule(Consumer<BackupPlanRule.Builder> rule) {
      BackupPlanRule.Builder b = BackupPlanRule.builder();
      Checks.present("rule", rule, "a function setting the rule's values").accept(b);
      return rule(b.build());
    }

    /**
     * The rules, replacing any given before.
     *
     * @param values the rules
     * @return this builder
     */
    public Builder rules(List<BackupPlanRule> values) {
      List<BackupPlanRule> copy = Checks.list("rules", values, "at least one rule");
      rules.clear();
      rules.addAll(copy);
      return this;
    }

    /**
     * Backup options of one more resource type.
     *
     * @param value the options
     * @return this builder
     */
    public Builder advancedBackupSetting(AdvancedBackupOptions value) {
      advancedBackupSettings.add(Checks.present("advancedBackupSettings", value, "advanced backup options"));
      return this;
    }

    /**
     * The advanced backup settings, replacing any given before.
     *
     * @param values the settings
     * @return this builder
     */
    public Builder advancedBackupSettings(List<AdvancedBackupOptions> values) {
      List<AdvancedBackupOptions> copy = Checks.list("advancedBackupSettings", values,
          "a list of advanced backup settings (may be empty)");
      advancedBackupSettings.clear();
      advancedBackupSettings.addAll(copy);
      return this;
    }

    /**
     * One more malware scan setting.
     *
     * @param value the setting
     * @return this builder
     */
    public Builder scanSetting(MalwareScanSetting value) {
      scanSettings.add(Checks.present("scanSettings", value, "a malware scan setting"));
      return this;
    }

    /**
     * The malware scan settings, replacing any given before.
     *
     * @param values the settings
     * @return this builder
     */
    public Builder scanSettings(List<MalwareScanSetting> values) {
      List<MalwareScanSetting> copy = Checks.list("scanSettings", values, "a list of malware scan settings (may be empty)");
      scanSettings.clear();
      scanSettings.addAll(copy);
      return this;
    }

    /**
     * The plan's tags ({@code BackupPlanTags}), replacing any given before; AWS's tag rules apply.
     *
     * @param value keys and values
     * @return this builder
     */
    public Builder tags(Map<String, String> value) {
      this.tags = value;
      return this;
    }

    /**
     * Builds the plan.
     *
     * @return the plan
     * @throws ValidationException when a value is invalid
     */
    public BackupPlanDefinition build() {
      return new BackupPlanDefinition(this);
    }
  }
}
