package dev.opskit.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The point-in-time recovery status of a DynamoDB table ({@code PointInTimeRecoveryStatus}).
 *
 * <p>An open set: {@link #of(String)} never throws; a status AWS adds later is kept with its text
 * ({@link #isKnown()} false), and one AWS did not report is {@link #UNKNOWN}.
 */
public final class PitrStatus extends AwsStatus {
  private static final Map<String, PitrStatus> DOCUMENTED = new LinkedHashMap<>();

  /** {@code ENABLED}: on: the table can be restored to any second of its recovery period. */
  public static final PitrStatus ENABLED = define("ENABLED");
  /** {@code DISABLED}: off. */
  public static final PitrStatus DISABLED = define("DISABLED");
  /** AWS reported no status. */
  public static final PitrStatus UNKNOWN = new PitrStatus(NONE, false);

  private PitrStatus(String value, boolean known) {
    super(value, known);
  }

  private static PitrStatus define(String value) {
    PitrStatus status = new PitrStatus(value, true);
    DOCUMENTED.put(value.toLowerCase(java.util.Locale.ROOT), status);
    return status;
  }

  /**
   * The status of AWS's text.
   *
   * @param value AWS's text, in any case; null or blank when AWS reported none
   * @return the documented constant, an unknown status keeping the text, or {@link #UNKNOWN}
   */
  public static PitrStatus of(@Nullable String value) {
    return lookup(DOCUMENTED, value, UNKNOWN, text -> new PitrStatus(text, false));
  }

  /**
   * The documented statuses, in the order of this class.
   *
   * @return them
   */
  public static List<PitrStatus> documented() {
    return List.copyOf(DOCUMENTED.values());
  }
}
