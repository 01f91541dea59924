package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.backup.internal.CoverageFormat;
import java.time.Instant;
import java.util.List;

/**
 * Which resources lack backups: RDS instances with automated backups off, DynamoDB tables without
 * point-in-time recovery, S3 buckets without versioning or replication. A bucket counts as replicated when
 * one of its own replication rules is enabled, or when it is the destination of an enabled rule of another
 * bucket in the scan (it holds that bucket's copies); a disabled rule covers neither bucket. Obtain with
 * {@link Backups#coverage()}.
 *
 * @param scannedAt when the scan ran (the context's clock)
 * @param region the region scanned
 * @param rdsInstances how many RDS instances were scanned
 * @param dynamoDbTables how many DynamoDB tables were scanned
 * @param s3Buckets how many S3 buckets were scanned
 * @param gaps what is missing, grouped by kind, then by resource
 */
public record CoverageReport(
    Instant scannedAt, String region, int rdsInstances, int dynamoDbTables, int s3Buckets, List<CoverageGap> gaps) {

  /**
   * Validates and copies.
   *
   * @param scannedAt when the scan ran (the context's clock)
   * @param region the region scanned
   * @param rdsInstances how many RDS instances were scanned
   * @param dynamoDbTables how many DynamoDB tables were scanned
   * @param s3Buckets how many S3 buckets were scanned
   * @param gaps what is missing, grouped by kind, then by resource
   */
  public CoverageReport {
    Checks.present("scannedAt", scannedAt, "a value (required)");
    Checks.present("region", region, "a value (required)");
    gaps = List.copyOf(gaps);
  }

  /** {@return whether every scanned resource is protected} */
  public boolean isFullyCovered() {
    return gaps.isEmpty();
  }

  /**
   * The gaps of one kind.
   *
   * @param kind the kind
   * @return its gaps
   */
  public List<CoverageGap> gaps(CoverageGap.Kind kind) {
    return gaps.stream().filter(g -> g.kind() == kind).toList();
  }

  /** {@return the report as JSON: {@code scannedAt}, {@code region}, {@code scanned} counts and {@code gaps}} */
  public String toJson() {
    return CoverageFormat.json(this);
  }

  /** {@return the report as readable text, one line per gap} */
  public String toText() {
    return CoverageFormat.text(this);
  }
}
