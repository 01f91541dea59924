package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.value.DbInstanceId;
import java.time.Instant;
import java.util.Comparator;
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
 * @param status AWS's status ({@link DbSnapshotStatus#CREATING}, {@link DbSnapshotStatus#AVAILABLE}...)
 * @param createdAt when the snapshot was taken; null while AWS has not said (creating)
 * @param engine the engine, such as {@code postgres}; null when unknown
 * @param allocatedStorageGiB the allocated storage in GiB (0 when unknown)
 * @param tags the snapshot's tags
 */
public record DbSnapshot(
    String id,
    DbInstanceId instanceId,
    Type type,
    DbSnapshotStatus status,
    @Nullable Instant createdAt,
    @Nullable String engine,
    int allocatedStorageGiB,
    Map<String, String> tags) {

  /**
   * Newest first; snapshots AWS has not dated yet (creating) come first, then by id. Listings come in AWS's
   * order: {@code rds.snapshots().sorted(DbSnapshot.NEWEST_FIRST)}.
   */
  public static final Comparator<DbSnapshot> NEWEST_FIRST =
      Comparator.comparing(DbSnapshot::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .reversed()
          .thenComparing(DbSnapshot::id);

  /**
   * Validates and copies the tags (sorted by key).
   *
   * @param id the snapshot identifier
   * @param instanceId the DB instance it is a snapshot of
   * @param type manual, automated or other
   * @param status AWS's status ({@link DbSnapshotStatus#CREATING}, {@link DbSnapshotStatus#AVAILABLE}...)
   * @param createdAt when the snapshot was taken; null while AWS has not said (creating)
   * @param engine the engine, such as {@code postgres}; null when unknown
   * @param allocatedStorageGiB the allocated storage in GiB (0 when unknown)
   * @param tags the snapshot's tags
   */
  public DbSnapshot {
    Checks.present("id", id, "a value (required)");
    Checks.present("instanceId", instanceId, "a value (required)");
    Checks.present("type", type, "a value (required)");
    Checks.present("status", status, "a value (required)");
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(Checks.map("tags", tags, "the snapshot's tags")));
  }

  /** {@return whether the snapshot is ready to restore from} */
  public boolean isAvailable() {
    return status.equals(DbSnapshotStatus.AVAILABLE);
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

    /** {@code manual}, {@code automated} or {@code other}, as people read it. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
