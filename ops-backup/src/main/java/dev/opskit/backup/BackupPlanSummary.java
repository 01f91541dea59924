package dev.opskit.backup;

import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;

/**
 * An AWS Backup plan as AWS lists it.
 *
 * @param name the plan name
 * @param id the plan id
 * @param arn the plan ARN
 * @param versionId the id of its current version (each update makes a new one)
 */
public record BackupPlanSummary(String name, String id, Arn arn, String versionId) {
  /**
   * Validates.
   *
   * @param name the plan name
   * @param id the plan id
   * @param arn the plan ARN
   * @param versionId the id of its current version (each update makes a new one)
   */
  public BackupPlanSummary {
    Checks.present("name", name, "a value (required)");
    Checks.present("id", id, "a value (required)");
    Checks.present("arn", arn, "a value (required)");
    Checks.present("versionId", versionId, "a value (required)");
  }
}
