package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;

/**
 * One resource without the protection the guide asks for.
 *
 * @param kind the kind of resource
 * @param resource its identifier (instance id, table name, bucket name)
 * @param problem what is missing, such as {@code automated backups off (retention 0)}
 */
public record CoverageGap(Kind kind, String resource, String problem) {
  /**
   * Validates.
   *
   * @param kind the kind of resource
   * @param resource its identifier (instance id, table name, bucket name)
   * @param problem what is missing, such as {@code automated backups off (retention 0)}
   */
  public CoverageGap {
    Checks.present("kind", kind, "a value (required)");
    Checks.present("resource", resource, "a value (required)");
    Checks.present("problem", problem, "a value (required)");
  }

  /** The kinds of resource the coverage report scans. */
  public enum Kind {
    /** An RDS DB instance. */
    RDS_INSTANCE,
    /** A DynamoDB table. */
    DYNAMODB_TABLE,
    /** An S3 bucket. */
    S3_BUCKET
  }
}
