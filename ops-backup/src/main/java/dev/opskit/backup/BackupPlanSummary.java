package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An AWS Backup plan as AWS lists it.
 *
 * @param name the plan name
 * @param id the plan id; null in a dry run
 * @param arn the plan ARN; null in a dry run
 * @param versionId the version id; null in a dry run
 */
public record BackupPlanSummary(String name, @Nullable String id, @Nullable String arn, @Nullable String versionId) {
  /** Validates. */
  public BackupPlanSummary {
    Checks.present("name", name, "a value (required)");
  }
}
