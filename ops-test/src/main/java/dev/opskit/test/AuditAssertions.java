package dev.opskit.test;

import dev.opskit.core.audit.InMemoryAuditSink;

/**
 * Entry point of OpsKit's AssertJ-style assertions on the audit trail.
 *
 * <pre>{@code
 * AuditEvent event = AuditAssertions.assertThat(audit)
 *     .hasEvents(1)
 *     .containsNoText(password)
 *     .hasExactlyOneEvent("rds:CreateDBSnapshot");
 * }</pre>
 */
public final class AuditAssertions {
  private AuditAssertions() {}

  /**
   * Starts assertions on the events an in-memory sink recorded.
   *
   * @param actual the sink
   * @return the assertions
   */
  public static AuditSinkAssert assertThat(InMemoryAuditSink actual) {
    return new AuditSinkAssert(actual);
  }
}
