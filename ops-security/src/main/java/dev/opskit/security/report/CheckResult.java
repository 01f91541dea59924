package dev.opskit.security.report;

import dev.opskit.core.value.Checks;

/**
 * One check's result on one resource, shaped like a Prowler finding.
 *
 * @param checkId the check, such as {@code iam_rotate_access_key_90_days}
 * @param service the service: {@code config}, {@code guardduty}, {@code iam}, {@code ecr}, {@code ssm}
 * @param severity how much a failure matters
 * @param status PASS, FAIL or MANUAL
 * @param resource the resource checked (id, name or ARN)
 * @param region the region, or {@code global}
 * @param reason why it has this status (Prowler's {@code status_extended})
 * @param remediation what to do about a failure
 */
public record CheckResult(String checkId, String service, CheckSeverity severity, CheckStatus status, String resource,
    String region, String reason, String remediation) {
  /**
   * Validates.
   *
   * @param checkId the check
   * @param service the service
   * @param severity the severity
   * @param status the status
   * @param resource the resource
   * @param region the region
   * @param reason why
   * @param remediation what to do
   */
  public CheckResult {
    Checks.length("checkId", checkId, 1, 200);
    Checks.length("service", service, 1, 64);
    Checks.present("severity", severity, "a severity");
    Checks.present("status", status, "PASS, FAIL or MANUAL");
    Checks.length("resource", resource, 1, 2048);
    Checks.length("region", region, 1, 64);
    Checks.present("reason", reason, "a reason");
    Checks.present("remediation", remediation, "a remediation text");
  }
}
