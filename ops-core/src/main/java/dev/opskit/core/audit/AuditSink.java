package dev.opskit.core.audit;

/**
 * Where audit events go. Implementations must be thread-safe and must not throw: an audit failure
 * is reported through SLF4J and never hides the outcome of the change itself.
 *
 * @see AuditSinks
 */
@FunctionalInterface
public interface AuditSink {

  /**
   * Records one event.
   *
   * @param event the event, already redacted
   */
  void record(AuditEvent event);
}
