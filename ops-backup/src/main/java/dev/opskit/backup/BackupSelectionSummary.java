package dev.opskit.backup;

import dev.opskit.core.value.Checks;

/**
 * An AWS Backup selection as AWS lists it.
 *
 * @param planId the plan it belongs to
 * @param id the selection id
 * @param name the selection name
 */
public record BackupSelectionSummary(String planId, String id, String name) {
  /**
   * Validates.
   *
   * @param planId the plan it belongs to
   * @param id the selection id
   * @param name the selection name
   */
  public BackupSelectionSummary {
    Checks.present("planId", planId, "a value (required)");
    Checks.present("id", id, "a value (required)");
    Checks.present("name", name, "a value (required)");
  }
}
