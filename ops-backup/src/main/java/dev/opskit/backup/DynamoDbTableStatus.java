package dev.opskit.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The status of a DynamoDB table ({@code TableStatus}). Not named {@code TableStatus}, so it does not clash with the SDK's {@code software.amazon.awssdk.services.dynamodb.model.TableStatus}.
 *
 * <p>An open set: {@link #of(String)} never throws; a status AWS adds later is kept with its text
 * ({@link #isKnown()} false), and one AWS did not report is {@link #UNKNOWN}.
 */
public final class DynamoDbTableStatus extends AwsStatus {
  private static final Map<String, DynamoDbTableStatus> DOCUMENTED = new LinkedHashMap<>();

  /** {@code CREATING}: being created. */
  public static final DynamoDbTableStatus CREATING = define("CREATING");
  /** {@code UPDATING}: being updated. */
  public static final DynamoDbTableStatus UPDATING = define("UPDATING");
  /** {@code DELETING}: being deleted. */
  public static final DynamoDbTableStatus DELETING = define("DELETING");
  /** {@code ACTIVE}: ready for use. */
  public static final DynamoDbTableStatus ACTIVE = define("ACTIVE");
  /** {@code INACCESSIBLE_ENCRYPTION_CREDENTIALS}: its KMS key is unreachable. */
  public static final DynamoDbTableStatus INACCESSIBLE_ENCRYPTION_CREDENTIALS = define("INACCESSIBLE_ENCRYPTION_CREDENTIALS");
  /** {@code ARCHIVING}: being archived (its KMS key was unreachable for seven days). */
  public static final DynamoDbTableStatus ARCHIVING = define("ARCHIVING");
  /** {@code ARCHIVED}: archived. */
  public static final DynamoDbTableStatus ARCHIVED = define("ARCHIVED");
  /** AWS reported no status. */
  public static final DynamoDbTableStatus UNKNOWN = new DynamoDbTableStatus(NONE, false);

  private DynamoDbTableStatus(String value, boolean known) {
    super(value, known);
  }

  private static DynamoDbTableStatus define(String value) {
    DynamoDbTableStatus status = new DynamoDbTableStatus(value, true);
    DOCUMENTED.put(value.toLowerCase(java.util.Locale.ROOT), status);
    return status;
  }

  /**
   * The status of AWS's text.
   *
   * @param value AWS's text, in any case; null or blank when AWS reported none
   * @return the documented constant, an unknown status keeping the text, or {@link #UNKNOWN}
   */
  public static DynamoDbTableStatus of(@Nullable String value) {
    return lookup(DOCUMENTED, value, UNKNOWN, text -> new DynamoDbTableStatus(text, false));
  }

  /**
   * The documented statuses, in the order of this class.
   *
   * @return them
   */
  public static List<DynamoDbTableStatus> documented() {
    return List.copyOf(DOCUMENTED.values());
  }
}
