package dev.opskit.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The status of an on-demand DynamoDB backup ({@code BackupStatus}). Not named {@code BackupStatus}, so it does not clash with the SDK's {@code software.amazon.awssdk.services.dynamodb.model.BackupStatus}.
 *
 * <p>An open set: {@link #of(String)} never throws; a status AWS adds later is kept with its text
 * ({@link #isKnown()} false), and one AWS did not report is {@link #UNKNOWN}.
 */
public final class TableBackupStatus extends AwsStatus {
  private static final Map<String, TableBackupStatus> DOCUMENTED = new LinkedHashMap<>();

  /** {@code CREATING}: being made. */
  public static final TableBackupStatus CREATING = define("CREATING");
  /** {@code AVAILABLE}: ready to restore from. */
  public static final TableBackupStatus AVAILABLE = define("AVAILABLE");
  /** {@code DELETED}: deleted. */
  public static final TableBackupStatus DELETED = define("DELETED");
  /** AWS reported no status. */
  public static final TableBackupStatus UNKNOWN = new TableBackupStatus(NONE, false);

  private TableBackupStatus(String value, boolean known) {
    super(value, known);
  }

  private static TableBackupStatus define(String value) {
    TableBackupStatus status = new TableBackupStatus(value, true);
    DOCUMENTED.put(value.toLowerCase(java.util.Locale.ROOT), status);
    return status;
  }

  /**
   * The status of AWS's text.
   *
   * @param value AWS's text, in any case; null or blank when AWS reported none
   * @return the documented constant, an unknown status keeping the text, or {@link #UNKNOWN}
   */
  public static TableBackupStatus of(@Nullable String value) {
    return lookup(DOCUMENTED, value, UNKNOWN, text -> new TableBackupStatus(text, false));
  }

  /**
   * The documented statuses, in the order of this class.
   *
   * @return them
   */
  public static List<TableBackupStatus> documented() {
    return List.copyOf(DOCUMENTED.values());
  }
}
