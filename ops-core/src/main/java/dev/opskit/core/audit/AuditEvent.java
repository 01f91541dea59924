package dev.opskit.core.audit;

import dev.opskit.core.internal.Parameters;
import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One change OpsKit made, tried to make, or planned.
 *
 * <p>{@link #parameters()} is the request as sent (or as it would have been sent), with AWS's member
 * names ({@code DBInstanceIdentifier}), and with every secret-bearing value replaced by
 * {@value #REDACTED}. Values are strings, numbers, booleans, lists and maps.
 *
 * @param time when the change started, from the context's clock
 * @param operation {@code service:Action}, such as {@code rds:CreateDBSnapshot}
 * @param target the resource id or ARN acted on
 * @param parameters the redacted request
 * @param outcome how it ended
 * @param duration how long it took (zero for a plan)
 * @param requestId the AWS request id of the call that succeeded or failed, when AWS answered
 * @param dryRun whether this was a dry run
 * @param detail why it failed, or a note such as "already existed", or null
 */
public record AuditEvent(
    Instant time,
    String operation,
    String target,
    Map<String, Object> parameters,
    Outcome outcome,
    Duration duration,
    @Nullable String requestId,
    boolean dryRun,
    @Nullable String detail) {

  /** What a secret value is replaced with. */
  public static final String REDACTED = "*** redacted ***";

  /**
   * Validates and copies deeply.
   *
   * @param time when the change started, from the context's clock
   * @param operation {@code service:Action}, such as {@code rds:CreateDBSnapshot}
   * @param target the resource id or ARN acted on
   * @param parameters the redacted request
   * @param outcome how it ended
   * @param duration how long it took (zero for a plan)
   * @param requestId the AWS request id of the call that succeeded or failed, when AWS answered
   * @param dryRun whether this was a dry run
   * @param detail why it failed, or a note such as "already existed", or null
   */
  public AuditEvent {
    Checks.present("time", time, "a value (required)");
    Checks.present("operation", operation, "a value (required)");
    Checks.present("target", target, "a value (required)");
    // Deeply immutable, keeping AWS's member order (the request's field order), which Map.copyOf would lose.
    parameters = Parameters.copyOf(parameters);
    Checks.present("outcome", outcome, "a value (required)");
    Checks.present("duration", duration, "a value (required)");
  }
}
