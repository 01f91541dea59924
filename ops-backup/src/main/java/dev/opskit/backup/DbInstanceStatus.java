package dev.opskit.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The status of an RDS DB instance ({@code DBInstanceStatus}), as the RDS User Guide lists them.
 *
 * <p>An open set: {@link #of(String)} never throws; a status AWS adds later is kept with its text
 * ({@link #isKnown()} false), and one AWS did not report is {@link #UNKNOWN}.
 */
public final class DbInstanceStatus extends AwsStatus {
  private static final Map<String, DbInstanceStatus> DOCUMENTED = new LinkedHashMap<>();

  /** {@code available}: healthy and available. */
  public static final DbInstanceStatus AVAILABLE = define("available");
  /** {@code backing-up}: being backed up. */
  public static final DbInstanceStatus BACKING_UP = define("backing-up");
  /** {@code configuring-enhanced-monitoring}: Enhanced Monitoring being turned on or off. */
  public static final DbInstanceStatus CONFIGURING_ENHANCED_MONITORING = define("configuring-enhanced-monitoring");
  /** {@code configuring-iam-database-auth}: IAM database authentication being turned on or off. */
  public static final DbInstanceStatus CONFIGURING_IAM_DATABASE_AUTH = define("configuring-iam-database-auth");
  /** {@code configuring-log-exports}: log exports to CloudWatch Logs being changed. */
  public static final DbInstanceStatus CONFIGURING_LOG_EXPORTS = define("configuring-log-exports");
  /** {@code converting-to-vpc}: being moved into a VPC. */
  public static final DbInstanceStatus CONVERTING_TO_VPC = define("converting-to-vpc");
  /** {@code creating}: being created, not yet accessible. */
  public static final DbInstanceStatus CREATING = define("creating");
  /** {@code delete-precheck}: read replicas being checked before deletion. */
  public static final DbInstanceStatus DELETE_PRECHECK = define("delete-precheck");
  /** {@code deleting}: being deleted. */
  public static final DbInstanceStatus DELETING = define("deleting");
  /** {@code failed}: failed; RDS cannot recover it. */
  public static final DbInstanceStatus FAILED = define("failed");
  /** {@code inaccessible-encryption-credentials}: its KMS key is disabled or unreachable. */
  public static final DbInstanceStatus INACCESSIBLE_ENCRYPTION_CREDENTIALS = define("inaccessible-encryption-credentials");
  /** {@code inaccessible-encryption-credentials-recoverable}: its KMS key is unreachable, recoverable within seven days. */
  public static final DbInstanceStatus INACCESSIBLE_ENCRYPTION_CREDENTIALS_RECOVERABLE = define("inaccessible-encryption-credentials-recoverable");
  /** {@code incompatible-create}: could not be created with the given settings. */
  public static final DbInstanceStatus INCOMPATIBLE_CREATE = define("incompatible-create");
  /** {@code incompatible-network}: its network settings keep it from starting. */
  public static final DbInstanceStatus INCOMPATIBLE_NETWORK = define("incompatible-network");
  /** {@code incompatible-option-group}: an option group change could not be applied. */
  public static final DbInstanceStatus INCOMPATIBLE_OPTION_GROUP = define("incompatible-option-group");
  /** {@code incompatible-parameters}: its parameters keep it from starting. */
  public static final DbInstanceStatus INCOMPATIBLE_PARAMETERS = define("incompatible-parameters");
  /** {@code incompatible-restore}: a restore could not complete. */
  public static final DbInstanceStatus INCOMPATIBLE_RESTORE = define("incompatible-restore");
  /** {@code insufficient-capacity}: no capacity for its class. */
  public static final DbInstanceStatus INSUFFICIENT_CAPACITY = define("insufficient-capacity");
  /** {@code maintenance}: under maintenance. */
  public static final DbInstanceStatus MAINTENANCE = define("maintenance");
  /** {@code modifying}: being modified. */
  public static final DbInstanceStatus MODIFYING = define("modifying");
  /** {@code moving-to-vpc}: being moved to another VPC. */
  public static final DbInstanceStatus MOVING_TO_VPC = define("moving-to-vpc");
  /** {@code rebooting}: being rebooted. */
  public static final DbInstanceStatus REBOOTING = define("rebooting");
  /** {@code resetting-master-credentials}: its master credentials being reset. */
  public static final DbInstanceStatus RESETTING_MASTER_CREDENTIALS = define("resetting-master-credentials");
  /** {@code renaming}: being renamed. */
  public static final DbInstanceStatus RENAMING = define("renaming");
  /** {@code restore-error}: a point-in-time restore or snapshot restore failed. */
  public static final DbInstanceStatus RESTORE_ERROR = define("restore-error");
  /** {@code starting}: starting. */
  public static final DbInstanceStatus STARTING = define("starting");
  /** {@code stopped}: stopped. */
  public static final DbInstanceStatus STOPPED = define("stopped");
  /** {@code stopping}: stopping. */
  public static final DbInstanceStatus STOPPING = define("stopping");
  /** {@code storage-config-upgrade}: its storage file system being upgraded. */
  public static final DbInstanceStatus STORAGE_CONFIG_UPGRADE = define("storage-config-upgrade");
  /** {@code storage-full}: out of storage. */
  public static final DbInstanceStatus STORAGE_FULL = define("storage-full");
  /** {@code storage-optimization}: its storage being optimized (still usable). */
  public static final DbInstanceStatus STORAGE_OPTIMIZATION = define("storage-optimization");
  /** {@code upgrading}: its engine being upgraded. */
  public static final DbInstanceStatus UPGRADING = define("upgrading");
  /** AWS reported no status. */
  public static final DbInstanceStatus UNKNOWN = new DbInstanceStatus(NONE, false);

  private DbInstanceStatus(String value, boolean known) {
    super(value, known);
  }

  private static DbInstanceStatus define(String value) {
    DbInstanceStatus status = new DbInstanceStatus(value, true);
    DOCUMENTED.put(value.toLowerCase(java.util.Locale.ROOT), status);
    return status;
  }

  /**
   * The status of AWS's text.
   *
   * @param value AWS's text, in any case; null or blank when AWS reported none
   * @return the documented constant, an unknown status keeping the text, or {@link #UNKNOWN}
   */
  public static DbInstanceStatus of(@Nullable String value) {
    return lookup(DOCUMENTED, value, UNKNOWN, text -> new DbInstanceStatus(text, false));
  }

  /**
   * The documented statuses, in the order of this class.
   *
   * @return them
   */
  public static List<DbInstanceStatus> documented() {
    return List.copyOf(DOCUMENTED.values());
  }
}
