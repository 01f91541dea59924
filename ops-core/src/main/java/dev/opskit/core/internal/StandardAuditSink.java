package dev.opskit.core.internal;

import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.AuditSink;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default audit sink: SLF4J's {@code dev.opskit.audit} logger at INFO when an SLF4J provider is bound;
 * otherwise one JSON line per event on standard error, after a one-time notice saying why. An audit event
 * never vanishes silently: when the logger exists but is below INFO, a one-time WARN says so.
 */
public final class StandardAuditSink implements AuditSink {
  private final Logger logger;
  private final boolean noProvider;
  private final PrintStream fallback;
  /** The notices are said once per JVM, not per context: every context has its own default sink. */
  private static final AtomicBoolean WARNED_BELOW_INFO = new AtomicBoolean();

  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * Creates the sink for the SLF4J binding of this JVM.
   *
   * @param fallback where events go without a provider (standard error)
   */
  public StandardAuditSink(PrintStream fallback) {
    this(LoggerFactory.getILoggerFactory(), fallback);
  }

  StandardAuditSink(ILoggerFactory factory, PrintStream fallback) {
    this.logger = factory.getLogger("dev.opskit.audit");
    this.noProvider = factory.getClass().getName().equals("org.slf4j.helpers.NOPLoggerFactory");
    this.fallback = fallback;
  }

  /** {@return whether events go to standard error because no SLF4J provider is bound} */
  public boolean isFallback() {
    return noProvider;
  }

  @Override
  public void record(AuditEvent event) {
    if (noProvider) {
      if (warned.compareAndSet(false, true)) {
        fallback.println("OpsKit: no SLF4J provider is on the class path, so audit events are written here, to standard"
            + " error, as JSON lines. Add a provider (such as slf4j-simple or logback-classic) or give the context an"
            + " audit sink: OpsContext.builder().auditSink(AuditSinks.jsonLines(Path.of(\"audit.jsonl\"))).");
      }
      fallback.println(Json.auditLine(event));
      return;
    }
    if (!logger.isInfoEnabled()) {
      if (WARNED_BELOW_INFO.compareAndSet(false, true)) {
        logger.warn("audit events are not recorded: the logger dev.opskit.audit is below INFO. Set it to INFO, or give"
            + " the context another audit sink (OpsContext.Builder.auditSink)");
      }
      return;
    }
    new Slf4jAuditSink(logger).record(event);
  }
}
