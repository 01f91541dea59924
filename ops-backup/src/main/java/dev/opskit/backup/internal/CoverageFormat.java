package dev.opskit.backup.internal;

import dev.opskit.core.internal.ObjectNode;
import dev.opskit.backup.CoverageGap;
import dev.opskit.backup.CoverageReport;
import dev.opskit.core.internal.Json;

/** The JSON and text forms of a coverage report. */
public final class CoverageFormat {
  private CoverageFormat() {}

  /**
   * The JSON form.
   *
   * @param report the report
   * @return pretty-printed JSON
   */
  public static String json(CoverageReport report) {
    ObjectNode root = Json.object();
    root.put("scannedAt", report.scannedAt().toString());
    root.put("region", report.region());
    ObjectNode scanned = root.putObject("scanned");
    scanned.put("rdsInstances", report.rdsInstances());
    scanned.put("dynamoDbTables", report.dynamoDbTables());
    scanned.put("s3Buckets", report.s3Buckets());
    var gaps = root.putArray("gaps");
    for (CoverageGap g : report.gaps()) {
      gaps.addObject().put("kind", g.kind().name()).put("resource", g.resource()).put("problem", g.problem());
    }
    return Json.writePretty(root);
  }

  /**
   * The text form.
   *
   * @param report the report
   * @return lines of text
   */
  public static String text(CoverageReport report) {
    StringBuilder sb = new StringBuilder()
        .append("Backup coverage in ").append(report.region()).append(" at ").append(report.scannedAt()).append('\n')
        .append("Scanned: ").append(report.rdsInstances()).append(" RDS instances, ")
        .append(report.dynamoDbTables()).append(" DynamoDB tables, ")
        .append(report.s3Buckets()).append(" S3 buckets\n");
    if (report.isFullyCovered()) {
      return sb.append("Every scanned resource is protected.\n").toString();
    }
    sb.append(report.gaps().size()).append(report.gaps().size() == 1 ? " gap:\n" : " gaps:\n");
    for (CoverageGap g : report.gaps()) {
      sb.append("  ").append(label(g.kind())).append(' ').append(g.resource()).append(": ").append(g.problem()).append('\n');
    }
    return sb.toString();
  }

  private static String label(CoverageGap.Kind kind) {
    return switch (kind) {
      case RDS_INSTANCE -> "RDS instance";
      case DYNAMODB_TABLE -> "DynamoDB table";
      case S3_BUCKET -> "S3 bucket";
    };
  }
}
