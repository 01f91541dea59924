package dev.opskit.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Keeps events in memory, in order. For tests, and for tools that show what a run did at the end.
 */
public final class InMemoryAuditSink implements AuditSink {
  private final List<AuditEvent> events = new ArrayList<>();

  /** Creates an empty sink. */
  public InMemoryAuditSink() {}

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  /** {@return a snapshot of the events recorded so far, oldest first} */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /**
   * The events that match a condition.
   *
   * @param condition the condition
   * @return matching events, oldest first
   */
  public synchronized List<AuditEvent> events(Predicate<AuditEvent> condition) {
    return events.stream().filter(condition).toList();
  }

  /** Forgets every event. */
  public synchronized void clear() {
    events.clear();
  }
}
