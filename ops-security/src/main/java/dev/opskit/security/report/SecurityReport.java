package dev.opskit.security.report;

import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Checks;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * A security report: check results shaped like Prowler's, failing checks first (then MANUAL, then PASS; within
 * each, most severe first), in text, JSON and CSV forms.
 */
public final class SecurityReport {
  /** The CSV header, in order. */
  public static final List<String> CSV_HEADER =
      List.of("CHECK_ID", "SERVICE", "SEVERITY", "STATUS", "RESOURCE", "REGION", "STATUS_EXTENDED", "REMEDIATION");
  private static final Comparator<CheckResult> ORDER = Comparator.comparing(CheckResult::status)
      .thenComparing(CheckResult::severity).thenComparing(CheckResult::checkId).thenComparing(CheckResult::resource);

  private final List<CheckResult> results;

  private SecurityReport(List<CheckResult> results) {
    this.results = results.stream().sorted(ORDER).toList();
  }

  /**
   * A report of these results, sorted failing first.
   *
   * @param results the results
   * @return the report
   */
  public static SecurityReport of(List<CheckResult> results) {
    return new SecurityReport(Checks.list("results", results, "check results"));
  }

  /** {@return every result: FAIL, then MANUAL, then PASS; most severe first within each} */
  public List<CheckResult> results() {
    return results;
  }

  /**
   * The results of one status.
   *
   * @param status the status
   * @return those results, in report order
   */
  public List<CheckResult> withStatus(CheckStatus status) {
    return results.stream().filter(r -> r.status() == status).toList();
  }

  /** {@return whether no check failed} */
  public boolean passed() {
    return withStatus(CheckStatus.FAIL).isEmpty();
  }

  /** {@return {@code 2 failed, 1 manual, 5 passed}} */
  public String summary() {
    return withStatus(CheckStatus.FAIL).size() + " failed, " + withStatus(CheckStatus.MANUAL).size() + " manual, "
        + withStatus(CheckStatus.PASS).size() + " passed";
  }

  /** {@return one line per result (remediation under failing and manual ones), then the summary} */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    for (CheckResult r : results) {
      sb.append(String.format("%-6s %-13s %s %s (%s): %s%n", r.status(), r.severity(), r.checkId(), r.resource(),
          r.region(), r.reason()));
      if (r.status() != CheckStatus.PASS) {
        sb.append("       remediation: ").append(r.remediation()).append(System.lineSeparator());
      }
    }
    return sb.append("Security report: ").append(summary()).append('.').toString();
  }

  /** {@return the results as a JSON array of Prowler-like objects, in report order} */
  public String toJson() {
    return Json.writePretty(results.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("CheckID", r.checkId());
      m.put("ServiceName", r.service());
      m.put("Severity", r.severity().name().toLowerCase(java.util.Locale.ROOT));
      m.put("Status", r.status().name());
      m.put("StatusExtended", r.reason());
      m.put("ResourceId", r.resource());
      m.put("Region", r.region());
      m.put("Remediation", r.remediation());
      return m;
    }).toList());
  }

  /** {@return the results as CSV (RFC 4180, {@link #CSV_HEADER} first), in report order} */
  public String toCsv() {
    // CSVFormat.format (not CSVPrinter, whose class file names SpotBugs annotations javac cannot find).
    StringBuilder sb = new StringBuilder(CSVFormat.RFC4180.format(CSV_HEADER.toArray())).append("\r\n");
    for (CheckResult r : results) {
      sb.append(CSVFormat.RFC4180.format(r.checkId(), r.service(), r.severity().name().toLowerCase(java.util.Locale.ROOT),
          r.status().name(), r.resource(), r.region(), r.reason(), r.remediation())).append("\r\n");
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecurityReport other && results.equals(other.results);
  }

  @Override
  public int hashCode() {
    return results.hashCode();
  }

  @Override
  public String toString() {
    return "SecurityReport[" + summary() + "]";
  }
}
