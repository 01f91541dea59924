package dev.opskit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditSinkAssertTest {
  private final InMemoryAuditSink sink = new InMemoryAuditSink();

  @Test
  void hasEventsCounts() {
    sink.record(event("rds:CreateDBSnapshot", Outcome.SUCCEEDED, Map.of(), null));

    AuditAssertions.assertThat(sink).hasEvents(1);
    assertThatThrownBy(() -> AuditAssertions.assertThat(sink).hasEvents(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 2 audit event(s) but found 1")
        .hasMessageContaining("rds:CreateDBSnapshot snap-1 SUCCEEDED");
  }

  @Test
  void hasExactlyOneEventReturnsItOrFails() {
    AuditEvent snapshot = event("rds:CreateDBSnapshot", Outcome.SUCCEEDED, Map.of(), null);
    sink.record(snapshot);
    sink.record(event("rds:ModifyDBInstance", Outcome.FAILED, Map.of(), "boom"));
    sink.record(event("rds:ModifyDBInstance", Outcome.SUCCEEDED, Map.of(), null));

    assertThat(AuditAssertions.assertThat(sink).hasExactlyOneEvent("rds:CreateDBSnapshot")).isSameAs(snapshot);
    assertThatThrownBy(() -> AuditAssertions.assertThat(sink).hasExactlyOneEvent("rds:ModifyDBInstance"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected exactly one audit event of rds:ModifyDBInstance but found 2");
  }

  @Test
  void allPlannedNeedsEventsAndOnlyPlans() {
    assertThatThrownBy(() -> AuditAssertions.assertThat(sink).allPlanned())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("none was recorded");

    sink.record(event("rds:CreateDBSnapshot", Outcome.PLANNED, Map.of(), null));
    AuditAssertions.assertThat(sink).allPlanned();

    sink.record(event("rds:DeleteDBSnapshot", Outcome.SUCCEEDED, Map.of(), null));
    assertThatThrownBy(() -> AuditAssertions.assertThat(sink).allPlanned())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rds:DeleteDBSnapshot snap-1 SUCCEEDED");
  }

  @Test
  void containsNoTextFindsASecretAnywhereWithoutShowingIt() {
    sink.record(event("ssm:PutParameter", Outcome.SUCCEEDED, Map.of("Value", AuditEvent.REDACTED), null));
    AuditAssertions.assertThat(sink).containsNoText("hunter22");

    sink.record(event("ssm:PutParameter", Outcome.FAILED,
        Map.of("Tags", List.of(Map.of("Key", "note", "Value", "pw=hunter22"))), null));
    assertThatThrownBy(() -> AuditAssertions.assertThat(sink).containsNoText("hunter22"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("event #1 (ssm:PutParameter snap-1) shows it in parameters.Tags[0].Value")
        .hasMessageNotContaining("hunter22");
  }

  @Test
  void containsNoTextLooksAtTheDetail() {
    sink.record(event("rds:CreateDBInstance", Outcome.FAILED, Map.of(), "AWS said: password hunter22 is weak"));

    assertThatThrownBy(() -> AuditAssertions.assertThat(sink).containsNoText("hunter22"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("shows it in detail");
  }

  private static AuditEvent event(String operation, Outcome outcome, Map<String, Object> parameters, String detail) {
    return new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), operation, "snap-1", parameters, outcome,
        Duration.ZERO, null, outcome == Outcome.PLANNED, detail);
  }
}
