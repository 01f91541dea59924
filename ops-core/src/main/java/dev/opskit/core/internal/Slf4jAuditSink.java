package dev.opskit.core.internal;

import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.AuditSink;
import org.slf4j.Logger;

/** Logs audit events at INFO as key=value pairs. */
public final class Slf4jAuditSink implements AuditSink {
  private final Logger logger;

  /**
   * Creates the sink.
   *
   * @param logger where to log
   */
  public Slf4jAuditSink(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void record(AuditEvent event) {
    if (!logger.isInfoEnabled()) {
      return;
    }
    logger.info(
        "operation={} target={} outcome={} dryRun={} durationMs={} requestId={} detail={} parameters={}",
        event.operation(),
        event.target(),
        event.outcome(),
        event.dryRun(),
        event.duration().toMillis(),
        event.requestId(),
        event.detail(),
        event.parameters());
  }
}
