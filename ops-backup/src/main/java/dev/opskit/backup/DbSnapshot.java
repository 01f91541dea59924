package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An RDS DB snapshot, manual or automated. Automated snapshot ids ({@code rds:prod-database-2026-01-01-03-00})
 * are not valid manual snapshot identifiers, so the id is kept as text.
 *
 * @param id the snapshot identifier
 * @param instanceId the DB instance it is a snapshot of
 * @param type manual, automated or other
 * @param status AWS's status ({@code creating}, {@code available}...), or {@value #PLANNED} in a dry run
 * @param createdAt when the snapshot was taken; null while AWS has not said (creating, planned)
 * @param engine the engine, such as {@code postgres}; null when unknown
 * @param allocatedStorageGiB the allocated storage in GiB (0 when unknown)
 * @param tags the snapshot's tags
 */
public record DbSnapshot(
    String id,
    String instanceId,
    Type type,
    String status,
    @Nullable Instant createdAt,
    @Nullable String engine,
    int allocatedStorageGiB,
    Map<String, String> tags) {

  /** The status of a snapshot that a dry run would have taken. */
  public static final String PLANNED = "planned";

  /** Validates and copies the tags (sorted by key). */
  public DbSnapshot {
    Checks.present("id", id, "a value (required)");
    Checks.present("instanceId", instanceId, "a value (required)");
    Checks.present("type", type, "a value (required)");
    Checks.present("status", status, "a value (required)");
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** Whether the snapshot is ready to restore from. */
  public boolean isAvailable() {
    return "available".equals(status);
  }

  /** Whether this is only the plan of a dry run. */
  public boolean isPlanned() {
    return PLANNED.equals(status);
  }

  /** The kind of snapshot. An unknown kind from AWS is {@link #OTHER}, never an error. */
  public enum Type {
    /** Taken on request ({@code manual}); the only kind {@code prune} deletes. */
    MANUAL,
    /** Taken by RDS's automated backups ({@code automated}). */
    AUTOMATED,
    /** Any other kind AWS reports ({@code shared}, {@code public}, {@code awsbackup}...). */
    OTHER;

    /**
     * The type of AWS's {@code SnapshotType}.
     *
     * @param snapshotType such as {@code manual}; null gives {@link #OTHER}
     * @return the type
     */
    public static Type fromAws(@Nullable String snapshotType) {
      if (snapshotType == null) {
        return OTHER;
      }
      return switch (snapshotType.toLowerCase(Locale.ROOT)) {
        case "manual" -> MANUAL;
        case "automated" -> AUTOMATED;
        default -> OTHER;
      };
    }
  }
}
