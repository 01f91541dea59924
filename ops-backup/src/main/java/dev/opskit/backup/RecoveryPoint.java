package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A recovery point in an AWS Backup vault.
 *
 * @param arn the recovery point ARN
 * @param vault the vault name
 * @param resourceArn the resource it is a backup of; null when not reported
 * @param resourceType such as {@code EFS}; null when not reported
 * @param status {@code COMPLETED}, {@code PARTIAL}, {@code DELETING}, {@code EXPIRED}... as AWS reports it
 * @param createdAt when it was made; null when not reported
 * @param sizeBytes its size in bytes (0 when not reported)
 */
public record RecoveryPoint(
    String arn,
    String vault,
    @Nullable String resourceArn,
    @Nullable String resourceType,
    String status,
    @Nullable Instant createdAt,
    long sizeBytes) {
  /** Validates. */
  public RecoveryPoint {
    Checks.present("arn", arn, "a value (required)");
    Checks.present("vault", vault, "a value (required)");
    Checks.present("status", status, "a value (required)");
  }
}
