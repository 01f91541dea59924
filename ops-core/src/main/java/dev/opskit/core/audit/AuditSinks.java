package dev.opskit.core.audit;

import dev.opskit.core.internal.JsonLinesAuditSink;
import dev.opskit.core.internal.Slf4jAuditSink;
import dev.opskit.core.internal.StandardAuditSink;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The audit sinks OpsKit provides. */
public final class AuditSinks {
  private AuditSinks() {}

  /**
   * The default sink of a context: the SLF4J logger {@code dev.opskit.audit} at INFO when an SLF4J provider
   * is bound; without one, JSON lines on standard error after a one-time notice saying how to choose. Audit
   * events never vanish silently (a logger below INFO gets a one-time WARN).
   *
   * @return the sink
   */
  public static AuditSink standard() {
    return new StandardAuditSink(System.err);
  }

  /**
   * Logs each event at INFO to the SLF4J logger {@code dev.opskit.audit}, as key=value pairs.
   *
   * @return the sink
   */
  public static AuditSink slf4j() {
    return new Slf4jAuditSink(LoggerFactory.getLogger("dev.opskit.audit"));
  }

  /**
   * Appends each event as one JSON object on one line to a file (created if missing), flushed as soon
   * as it is written. Close the returned sink when done to release the file: a context never closes a
   * sink it was given, so close the sink after the contexts that use it.
   *
   * @param file the file
   * @return the sink
   */
  public static ClosableAuditSink jsonLines(Path file) {
    return JsonLinesAuditSink.open(file);
  }

  /** {@return a new, empty in-memory sink} */
  public static InMemoryAuditSink inMemory() {
    return new InMemoryAuditSink();
  }

  /**
   * Sends each event to every sink, in order. A sink that throws is reported through SLF4J and does not
   * keep the event from the sinks after it.
   *
   * @param sinks the sinks
   * @return the combined sink
   */
  public static AuditSink all(AuditSink... sinks) {
    List<AuditSink> copy = List.of(sinks);
    return event -> {
      for (AuditSink sink : copy) {
        try {
          sink.record(event);
        } catch (RuntimeException e) {
          LoggerFactory.getLogger(AuditSinks.class)
              .warn("audit sink {} failed for operation={}: {}", sink, event.operation(), e.toString());
        }
      }
    };
  }

  /** An audit sink that holds a resource (such as a file) and must be closed. */
  public interface ClosableAuditSink extends AuditSink, AutoCloseable {
    @Override
    void close();
  }
}
