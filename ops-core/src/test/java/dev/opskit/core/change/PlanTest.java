package dev.opskit.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ManualClock;
import dev.opskit.core.OpsException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.internal.GateImpl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one plan, apply and part-way failure of every desired-state type. */
class PlanTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final Gate gate = new GateImpl(false, clock, clock.sleeper(), audit, RetryPolicy.DEFAULT);
  private final Gate dryRun = new GateImpl(true, clock, clock.sleeper(), audit, RetryPolicy.DEFAULT);
  private final List<String> sent = new ArrayList<>();

  private Change<String> put(String name, Map<String, Object> params) {
    return Change.described("cloudwatch:PutMetricAlarm", name, params, () -> {
      sent.add(name);
      return "ok " + name;
    }).build();
  }

  private Change<String> failing(String name) {
    return Change.<String>described("cloudwatch:PutMetricAlarm", name, Map.of("AlarmName", name), () -> {
      throw new ServiceException("AWS rejected the call (InternalFailure: boom).", "cloudwatch:PutMetricAlarm", name, null);
    }).build();
  }

  private Plan plan(Change<?> second) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("AlarmName", "HighCPUUtilization");
    p.put("Threshold", 80.0);
    return Plan.of("alarms", List.of(
        ResourceChange.create("alarm", "HighCPUUtilization", List.of(put("HighCPUUtilization", p))),
        ResourceChange.update("alarm", "HighMemoryUsage", List.of(FieldDiff.of("Threshold", 70.0, 75.0)),
            List.of(second)),
        ResourceChange.unchanged("alarm", "HighErrorRate"),
        ResourceChange.delete("alarm", "OldAlarm", List.of(put("OldAlarm", Map.of("AlarmNames", List.of("OldAlarm")))))));
  }

  @Nested
  class Rendering {
    @Test
    void rendersOneLinePerChangeDiffsIndentedAndASummary() {
      assertThat(plan(put("HighMemoryUsage", Map.of())).render()).isEqualTo("""
          + create alarm HighCPUUtilization
          ~ update alarm HighMemoryUsage
              Threshold: 70.0 -> 75.0
          - delete alarm OldAlarm
          alarms: 1 to create, 1 to update, 1 to delete, 1 unchanged.""");
    }

    @Test
    void rendersJsonWithTheExactCalls() {
      assertThat(plan(put("HighMemoryUsage", Map.of())).toJson())
          .contains("\"kind\" : \"create\"")
          .contains("\"operation\" : \"cloudwatch:PutMetricAlarm\"")
          .contains("\"Threshold\" : 80.0")
          .contains("\"field\" : \"Threshold\"", "\"live\" : \"70.0\"", "\"desired\" : \"75.0\"");
    }

    @Test
    void driftIsTheNonEmptyPartAndAPlanOfUnchangedResourcesIsEmpty() {
      Plan plan = plan(put("HighMemoryUsage", Map.of()));
      assertThat(plan.drift().changes()).extracting(ResourceChange::resource)
          .containsExactly("HighCPUUtilization", "HighMemoryUsage", "OldAlarm");
      assertThat(plan.isEmpty()).isFalse();
      assertThat(Plan.of("alarms", List.of(ResourceChange.unchanged("alarm", "A"))).isEmpty()).isTrue();
      assertThat(Plan.of("alarms", List.of(ResourceChange.unchanged("alarm", "A"))).drift().changes()).isEmpty();
    }

    @Test
    void secretsInTheCallsAreRedacted() {
      ResourceChange c = ResourceChange.create("parameter", "/prod/db",
          List.of(Change.described("ssm:PutParameter", "/prod/db", Map.of("Name", "/prod/db", "Value", "hunter2-secret"),
              () -> "x").secret("Value").build()));
      assertThat(c.calls().get(0).parameters()).containsEntry("Value", "*** redacted ***");
      assertThat(Plan.of("p", List.of(c)).toJson()).doesNotContain("hunter2-secret");
    }

    @Test
    void anUpdateWithoutDiffsOrAChangeWithoutCallsIsRefused() {
      assertThatThrownBy(() -> ResourceChange.update("alarm", "A", List.of(), List.of(put("A", Map.of()))))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid diffs: '[]'. Allowed: at least one field difference for an update");
      assertThatThrownBy(() -> ResourceChange.create("alarm", "A", List.of()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid steps: '0'. Allowed: at least one call for a create");
    }
  }

  @Nested
  class Applying {
    @Test
    void appliesExactlyThePlansCallsInOrderSkippingUnchanged() {
      ApplyResult result = gate.apply(plan(put("HighMemoryUsage", Map.of())));

      assertThat(sent).containsExactly("HighCPUUtilization", "HighMemoryUsage", "OldAlarm");
      assertThat(result.isPlanned()).isFalse();
      assertThat(result.results()).extracting(a -> a.change().resource())
          .containsExactly("HighCPUUtilization", "HighMemoryUsage", "OldAlarm");
      assertThat(audit.events()).extracting(e -> e.outcome()).containsOnly(Outcome.SUCCEEDED).hasSize(3);
    }

    @Test
    void aDryRunSendsNothingAndReturnsOnlyPlannedResults() {
      ApplyResult result = dryRun.apply(plan(put("HighMemoryUsage", Map.of())));

      assertThat(sent).isEmpty();
      assertThat(result.isPlanned()).isTrue();
      assertThat(result.results()).flatExtracting(ApplyResult.Applied::results)
          .hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(ChangeResult.Planned.class));
      assertThat(audit.events()).extracting(e -> e.outcome()).containsOnly(Outcome.PLANNED);
    }

    @Test
    void aPartWayFailureListsAppliedFailedAndNotAttempted() {
      Plan plan = plan(failing("HighMemoryUsage"));

      assertThatThrownBy(() -> gate.apply(plan))
          .isInstanceOfSatisfying(PartialApplyException.class, e -> {
            assertThat(e.applied()).extracting(a -> a.change().resource()).containsExactly("HighCPUUtilization");
            assertThat(e.failed().resource()).isEqualTo("HighMemoryUsage");
            assertThat(e.notAttempted()).extracting(ResourceChange::resource).containsExactly("OldAlarm");
            assertThat(e.getCause()).isInstanceOf(OpsException.class);
            assertThat(e).hasMessage("cloudwatch:PutMetricAlarm on HighMemoryUsage: apply failed part-way at update alarm"
                + " HighMemoryUsage (cloudwatch:PutMetricAlarm on HighMemoryUsage: AWS rejected the call (InternalFailure:"
                + " boom).). Applied 1: [HighCPUUtilization]; not attempted 1: [OldAlarm]. Nothing applied was undone: plan"
                + " again and apply to finish, once the cause is fixed.");
          });
      assertThat(sent).containsExactly("HighCPUUtilization");
    }
  }

  @Nested
  class GateEdges {
    @Test
    void aCallThatAnswersNothingIsAppliedOnceAndAuditedOnce() {
      ChangeResult<Void> result = gate.submit(Change.<Void>described("s3:PutBucketVersioning", "b", Map.of(), () -> null).build());

      assertThat(result.isPlanned()).isFalse();
      assertThat(result.value()).isEmpty();
      assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED));
    }

    @Test
    void theSameSecretNameTwiceIsFineAndANullNameIsAValidationError() {
      assertThat(Change.described("ssm:PutParameter", "p", Map.of(), () -> "x").secret("Value", "Value").build().secretNames())
          .containsExactly("Value");
      assertThatThrownBy(() -> Change.described("ssm:PutParameter", "p", Map.of(), () -> "x").secret("Value", null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid secret: null. Allowed: a request member name, such as Value");
    }

    @Test
    void orElseThrowOfAPlanSaysItIsADryRun() {
      ChangeResult<String> planned = dryRun.submit(put("A", Map.of()));
      assertThatThrownBy(planned::orElseThrow)
          .isInstanceOf(dev.opskit.core.ResourceStateException.class)
          .hasMessageContaining("dry run: the change was planned, not applied");
    }
  }
}
