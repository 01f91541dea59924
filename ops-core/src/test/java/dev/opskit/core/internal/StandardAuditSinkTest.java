package dev.opskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLoggerFactory;

/** Audit never vanishes silently: without an SLF4J provider, the default sink says so and writes to stderr. */
class StandardAuditSinkTest {
  private static AuditEvent event(String target) {
    return new AuditEvent(Instant.parse("2026-03-01T10:00:00Z"), "rds:CreateDBSnapshot", target, Map.of("A", "b"),
        Outcome.SUCCEEDED, Duration.ofMillis(5), "req-1", false, null);
  }

  @Test
  void withoutAProviderEventsGoToStandardErrorAfterOneNotice() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StandardAuditSink sink = new StandardAuditSink(new NOPLoggerFactory(), new PrintStream(err, true, StandardCharsets.UTF_8));

    sink.record(event("snap-1"));
    sink.record(event("snap-2"));

    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(sink.isFallback()).isTrue();
    assertThat(text.lines()).hasSize(3);
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("OpsKit: no SLF4J provider is on the class path");
    assertThat(text).contains("\"target\":\"snap-1\"").contains("\"target\":\"snap-2\"");
  }

  @Test
  void withAProviderEventsGoToSlf4jNotStandardError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StandardAuditSink sink = new StandardAuditSink(new PrintStream(err, true, StandardCharsets.UTF_8));

    sink.record(event("snap-1"));

    assertThat(sink.isFallback()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
