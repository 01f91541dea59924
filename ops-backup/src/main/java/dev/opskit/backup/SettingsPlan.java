package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The difference between an instance's live automated-backup settings and the desired ones, and what
 * was done about it.
 *
 * @param instanceId the DB instance
 * @param differences the settings that differ, field by field (empty when up to date)
 * @param outcome what was done
 */
public record SettingsPlan(String instanceId, List<Difference> differences, PlanOutcome outcome) {

  /** Validates and copies. */
  public SettingsPlan {
    Checks.present("instanceId", instanceId, "a value (required)");
    differences = List.copyOf(differences);
    Checks.present("outcome", outcome, "a value (required)");
  }

  /** Whether the live settings already are the desired ones. */
  public boolean isUpToDate() {
    return differences.isEmpty();
  }

  /** One line per difference: {@code BackupRetentionPeriod: 1 -> 7}. */
  @Override
  public String toString() {
    return instanceId + " (" + outcome + ")" + (differences.isEmpty() ? ": up to date"
        : differences.stream().map(Difference::toString).collect(Collectors.joining("; ", ": ", "")));
  }

  /**
   * One setting that differs.
   *
   * @param field AWS's member name, such as {@code BackupRetentionPeriod}
   * @param current the live value, as AWS reports it; null when unset
   * @param desired the desired value, as it would be sent
   */
  public record Difference(String field, @Nullable String current, String desired) {
    /** Validates. */
    public Difference {
      Checks.present("field", field, "a value (required)");
      Checks.present("desired", desired, "a value (required)");
    }

    @Override
    public String toString() {
      return field + ": " + current + " -> " + desired;
    }
  }
}
