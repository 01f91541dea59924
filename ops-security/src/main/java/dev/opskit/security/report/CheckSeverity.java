package dev.opskit.security.report;

/** How much a failing check matters, as Prowler's severities. */
public enum CheckSeverity {
  /** Critical. */
  CRITICAL,
  /** High. */
  HIGH,
  /** Medium. */
  MEDIUM,
  /** Low. */
  LOW,
  /** Informational. */
  INFORMATIONAL
}
