package dev.opskit.core.change;

import dev.opskit.core.internal.Parameters;
import java.util.Map;
import java.util.Objects;

/**
 * A call the gate would have made, recorded in a dry run instead of being sent.
 *
 * @param operation {@code service:Action}, such as {@code rds:CreateDBSnapshot}
 * @param target the resource id or ARN
 * @param parameters the request, redacted, with AWS's member names
 */
public record PlannedCall(String operation, String target, Map<String, Object> parameters) {

  /**
   * Validates and copies deeply.
   *
   * @param operation {@code service:Action}, such as {@code rds:CreateDBSnapshot}
   * @param target the resource id or ARN
   * @param parameters the request, redacted, with AWS's member names
   */
  public PlannedCall {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(target, "target");
    parameters = Parameters.copyOf(parameters);
  }

  /** {@code rds:CreateDBSnapshot prod-database {DBSnapshotIdentifier=..., ...}}. */
  @Override
  public String toString() {
    return operation + " " + target + " " + parameters;
  }
}
