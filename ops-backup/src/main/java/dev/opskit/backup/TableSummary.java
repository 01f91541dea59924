package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table, such as the one a restore made.
 *
 * @param name the table name
 * @param status AWS's status ({@code CREATING}, {@code ACTIVE}...), or {@value DbSnapshot#PLANNED} in a dry run
 * @param arn the table ARN; null in a dry run
 */
public record TableSummary(String name, String status, @Nullable String arn) {
  /** Validates. */
  public TableSummary {
    Checks.present("name", name, "a value (required)");
    Checks.present("status", status, "a value (required)");
  }

  /** Whether the table is {@code ACTIVE}. */
  public boolean isActive() {
    return "ACTIVE".equals(status);
  }
}
