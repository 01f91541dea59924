package dev.opskit.backup;

import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recovery point in an AWS Backup vault.
 *
 * @param arn the recovery point ARN
 * @param vault the vault
 * @param resourceArn the resource it is a backup of; null when not reported
 * @param resourceType such as {@code EFS}; null when not reported
 * @param status its status; an unknown status is kept, never an error
 * @param createdAt when it was made; null when not reported
 * @param sizeBytes its size in bytes (0 when not reported)
 */
public record RecoveryPoint(
    Arn arn,
    BackupVaultName vault,
    @Nullable Arn resourceArn,
    @Nullable String resourceType,
    Status status,
    @Nullable Instant createdAt,
    long sizeBytes) {
  /**
   * Validates.
   *
   * @param arn the recovery point ARN
   * @param vault the vault
   * @param resourceArn the resource it is a backup of; null when not reported
   * @param resourceType such as {@code EFS}; null when not reported
   * @param status its status; an unknown status is kept, never an error
   * @param createdAt when it was made; null when not reported
   * @param sizeBytes its size in bytes (0 when not reported)
   */
  public RecoveryPoint {
    Checks.present("arn", arn, "a value (required)");
    Checks.present("vault", vault, "a value (required)");
    Checks.present("status", status, "a value (required)");
  }

  /**
   * The status of a recovery point ({@code Status}), an open set: a constant for each status AWS documents,
   * and any other value kept as given ({@link #isKnown()} false).
   */
  public static final class Status extends AwsStatus {
    /** Being made. */
    public static final Status CREATING = new Status("CREATING");
    /** Usable. */
    public static final Status AVAILABLE = new Status("AVAILABLE");
    /** Made. */
    public static final Status COMPLETED = new Status("COMPLETED");
    /** Made from part of the resource. */
    public static final Status PARTIAL = new Status("PARTIAL");
    /** Being deleted. */
    public static final Status DELETING = new Status("DELETING");
    /** Past its lifecycle, or its source is gone. */
    public static final Status EXPIRED = new Status("EXPIRED");
    /** Continuous backup stopped. */
    public static final Status STOPPED = new Status("STOPPED");

    private static final List<Status> KNOWN = List.of(CREATING, AVAILABLE, COMPLETED, PARTIAL, DELETING, EXPIRED, STOPPED);

    private Status(String value) {
      this(value, true);
    }

    private Status(String value, boolean known) {
      super(value, known);
    }

    /**
     * The status for AWS's word; never throws.
     *
     * @param value such as {@code COMPLETED}; null or empty is an unknown, empty status
     * @return the constant, or an unknown status keeping the value
     */
    public static Status of(@Nullable String value) {
      return exact(KNOWN, value, v -> new Status(v, false));
    }
  }
}
