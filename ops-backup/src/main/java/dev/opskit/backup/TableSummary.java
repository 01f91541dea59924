package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.TableName;

/**
 * A DynamoDB table, such as the one a restore made.
 *
 * @param name the table name
 * @param status AWS's status ({@link DynamoDbTableStatus#CREATING}, {@link DynamoDbTableStatus#ACTIVE}...)
 * @param arn the table ARN
 */
public record TableSummary(TableName name, DynamoDbTableStatus status, Arn arn) {
  /**
   * Validates.
   *
   * @param name the table name
   * @param status AWS's status ({@link DynamoDbTableStatus#CREATING}, {@link DynamoDbTableStatus#ACTIVE}...)
   * @param arn the table ARN
   */
  public TableSummary {
    Checks.present("name", name, "a value (required)");
    Checks.present("status", status, "a value (required)");
    Checks.present("arn", arn, "a value (required)");
  }

  /** {@return whether the table is {@code ACTIVE}} */
  public boolean isActive() {
    return status.equals(DynamoDbTableStatus.ACTIVE);
  }
}
