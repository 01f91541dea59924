package dev.opskit.test;

import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.internal.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the events of an {@link InMemoryAuditSink}; obtain with {@link AuditAssertions#assertThat}. */
public final class AuditSinkAssert extends AbstractAssert<AuditSinkAssert, InMemoryAuditSink> {

  AuditSinkAssert(InMemoryAuditSink actual) {
    super(actual, AuditSinkAssert.class);
  }

  /**
   * Verifies how many events were recorded.
   *
   * @param expected the number of events
   * @return this
   */
  public AuditSinkAssert hasEvents(int expected) {
    List<AuditEvent> events = events();
    if (events.size() != expected) {
      failWithMessage("Expected %d audit event(s) but found %d:%n%s", expected, events.size(), describe(events));
    }
    return this;
  }

  /**
   * Verifies that exactly one event is about an operation, and returns it.
   *
   * @param operation {@code service:Action}, such as {@code rds:CreateDBSnapshot}
   * @return the event
   */
  public AuditEvent hasExactlyOneEvent(String operation) {
    List<AuditEvent> matching = events().stream().filter(e -> e.operation().equals(operation)).toList();
    if (matching.size() != 1) {
      failWithMessage("Expected exactly one audit event of %s but found %d among:%n%s",
          operation, matching.size(), describe(events()));
    }
    return matching.get(0);
  }

  /**
   * Verifies that there are events and that every one is a dry-run plan ({@link Outcome#PLANNED}, dry run).
   *
   * @return this
   */
  public AuditSinkAssert allPlanned() {
    List<AuditEvent> events = events();
    if (events.isEmpty()) {
      failWithMessage("Expected planned audit events but none was recorded");
    }
    List<AuditEvent> notPlanned = events.stream().filter(e -> e.outcome() != Outcome.PLANNED || !e.dryRun()).toList();
    if (!notPlanned.isEmpty()) {
      failWithMessage("Expected only planned (dry-run) audit events but these were not:%n%s", describe(notPlanned));
    }
    return this;
  }

  /**
   * Verifies that a secret appears nowhere in any event: not in its target, parameters (names and values,
   * at any depth), detail, nor its JSON form. The failure message names where, never the secret itself.
   *
   * @param secret the text that must not appear, such as a password
   * @return this
   */
  public AuditSinkAssert containsNoText(String secret) {
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the secret to look for must not be empty");
    }
    List<AuditEvent> events = events();
    for (int i = 0; i < events.size(); i++) {
      AuditEvent event = events.get(i);
      for (Map.Entry<String, String> place : texts(event).entrySet()) {
        if (place.getValue().contains(secret)) {
          failWithMessage("Expected no audit event to show the secret (%d characters) but event #%d (%s %s) shows it in %s",
              secret.length(), i, event.operation(), event.target(), place.getKey());
        }
      }
    }
    return this;
  }

  private List<AuditEvent> events() {
    isNotNull();
    return actual.events();
  }

  /** Every text of an event, by where it is: target, parameters.Name..., detail, json. */
  private static Map<String, String> texts(AuditEvent event) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("target", event.target());
    collect("parameters", event.parameters(), texts);
    if (event.detail() != null) {
      texts.put("detail", event.detail());
    }
    texts.put("json", Json.auditLine(event));
    return texts;
  }

  private static void collect(String path, Object value, Map<String, String> texts) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        texts.put(path + " (member name " + k + ")", String.valueOf(k));
        collect(path + "." + k, v, texts);
      });
    } else if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object element : list) {
        collect(path + "[" + i++ + "]", element, texts);
      }
    } else {
      texts.put(path, String.valueOf(value));
    }
  }

  private static String describe(List<AuditEvent> events) {
    return events.isEmpty()
        ? "  (none)"
        : events.stream()
            .map(e -> "  " + e.operation() + " " + e.target() + " " + e.outcome() + (e.dryRun() ? " (dry run)" : ""))
            .collect(Collectors.joining(System.lineSeparator()));
  }
}
