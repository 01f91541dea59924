package dev.opskit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opskit.core.internal.Slf4jAuditSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.slf4j.Logger;

class AuditSinksTest {
  private static AuditEvent event(String op, Outcome outcome) {
    return new AuditEvent(Instant.parse("2026-02-03T04:05:06Z"), op, "prod-database",
        Map.of("DBInstanceIdentifier", "prod-database", "MasterUserPassword", AuditEvent.REDACTED),
        outcome, Duration.ofMillis(1234), "req-9", false, outcome == Outcome.FAILED ? "boom\nline two" : null);
  }

  @Test
  void jsonLinesWritesOneParseableObjectPerLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit/opskit.jsonl");
    try (AuditSinks.ClosableAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(event("rds:CreateDBSnapshot", Outcome.SUCCEEDED));
      sink.record(event("rds:DeleteDBSnapshot", Outcome.FAILED));
      sink.record(event("rds:ModifyDBInstance", Outcome.PLANNED));
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> nodes = lines.stream().map(l -> {
      try {
        return mapper.readTree(l);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + l, e);
      }
    }).toList();
    assertThat(nodes).allSatisfy(n -> assertThat(n.isObject()).isTrue());
    JsonNode first = nodes.get(0);
    assertThat(first.get("time").asText()).isEqualTo("2026-02-03T04:05:06Z");
    assertThat(first.get("operation").asText()).isEqualTo("rds:CreateDBSnapshot");
    assertThat(first.get("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(first.get("durationMs").asLong()).isEqualTo(1234);
    assertThat(first.get("requestId").asText()).isEqualTo("req-9");
    assertThat(first.get("dryRun").asBoolean()).isFalse();
    assertThat(first.get("parameters").get("MasterUserPassword").asText()).isEqualTo(AuditEvent.REDACTED);
    assertThat(nodes.get(1).get("detail").asText()).isEqualTo("boom\nline two");
  }

  @Test
  void jsonLinesMakesEachEventDurableAsSoonAsItIsRecorded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("live.jsonl");
    try (AuditSinks.ClosableAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(event("rds:CreateDBSnapshot", Outcome.SUCCEEDED));
      // Still open: a crash now must not lose the event.
      assertThat(Files.readAllLines(file)).singleElement().asString().contains("rds:CreateDBSnapshot");
    }
  }

  @Test
  void jsonLinesAppendsAcrossReopens(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a.jsonl");
    try (AuditSinks.ClosableAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(event("a:B", Outcome.SUCCEEDED));
    }
    try (AuditSinks.ClosableAuditSink sink = AuditSinks.jsonLines(file)) {
      sink.record(event("a:C", Outcome.SUCCEEDED));
    }
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void slf4jSinkLogsKeyValuePairsAtInfo() {
    Logger logger = mock(Logger.class);
    when(logger.isInfoEnabled()).thenReturn(true);
    new Slf4jAuditSink(logger).record(event("rds:CreateDBSnapshot", Outcome.SUCCEEDED));

    ArgumentCaptor<Object[]> args = ArgumentCaptor.forClass(Object[].class);
    verify(logger).info(anyString(), args.capture());
    assertThat(args.getValue()).contains("rds:CreateDBSnapshot", "prod-database", Outcome.SUCCEEDED, "req-9");
  }

  @Test
  void allKeepsGoingPastAFailingSink() {
    InMemoryAuditSink after = AuditSinks.inMemory();
    AuditSinks.all(e -> { throw new IllegalStateException("disk full"); }, after).record(event("x:Y", Outcome.PLANNED));
    assertThat(after.events()).hasSize(1);
  }

  @Test
  void allSendsToEverySinkInOrder() {
    InMemoryAuditSink a = AuditSinks.inMemory();
    InMemoryAuditSink b = AuditSinks.inMemory();
    AuditSinks.all(a, b).record(event("x:Y", Outcome.PLANNED));
    assertThat(a.events()).hasSize(1);
    assertThat(b.events()).hasSize(1);
    a.clear();
    assertThat(a.events()).isEmpty();
  }
}
