package dev.opskit.security.report;

/** A check's result, as Prowler's. */
public enum CheckStatus {
  /** The resource fails the check. */
  FAIL,
  /** OpsKit could not decide: a person must look (the reason says why). */
  MANUAL,
  /** The resource passes the check. */
  PASS
}
