package dev.opskit.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The status of an RDS DB snapshot, as {@code DescribeDBSnapshots} reports it ({@code Status}).
 *
 * <p>An open set: {@link #of(String)} never throws; a status AWS adds later is kept with its text
 * ({@link #isKnown()} false), and one AWS did not report is {@link #UNKNOWN}.
 */
public final class DbSnapshotStatus extends AwsStatus {
  private static final Map<String, DbSnapshotStatus> DOCUMENTED = new LinkedHashMap<>();

  /** {@code creating}: being taken. */
  public static final DbSnapshotStatus CREATING = define("creating");
  /** {@code available}: ready to restore from. */
  public static final DbSnapshotStatus AVAILABLE = define("available");
  /** {@code copying}: being copied. */
  public static final DbSnapshotStatus COPYING = define("copying");
  /** {@code deleting}: being deleted. */
  public static final DbSnapshotStatus DELETING = define("deleting");
  /** {@code deleted}: deleted (the answer of {@code DeleteDBSnapshot}). */
  public static final DbSnapshotStatus DELETED = define("deleted");
  /** {@code failed}: could not be taken. */
  public static final DbSnapshotStatus FAILED = define("failed");
  /** AWS reported no status. */
  public static final DbSnapshotStatus UNKNOWN = new DbSnapshotStatus(NONE, false);

  private DbSnapshotStatus(String value, boolean known) {
    super(value, known);
  }

  private static DbSnapshotStatus define(String value) {
    DbSnapshotStatus status = new DbSnapshotStatus(value, true);
    DOCUMENTED.put(value.toLowerCase(java.util.Locale.ROOT), status);
    return status;
  }

  /**
   * The status of AWS's text.
   *
   * @param value AWS's text, in any case; null or blank when AWS reported none
   * @return the documented constant, an unknown status keeping the text, or {@link #UNKNOWN}
   */
  public static DbSnapshotStatus of(@Nullable String value) {
    return lookup(DOCUMENTED, value, UNKNOWN, text -> new DbSnapshotStatus(text, false));
  }

  /**
   * The documented statuses, in the order of this class.
   *
   * @return them
   */
  public static List<DbSnapshotStatus> documented() {
    return List.copyOf(DOCUMENTED.values());
  }
}
