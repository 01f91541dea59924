package dev.opskit.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.ManualClock;
import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ValidationException;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.internal.GateImpl;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;

class GateTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final RetryPolicy retry = RetryPolicy.DEFAULT.withOperationAttempts(3, Duration.ofSeconds(5));
  private final Gate gate = new GateImpl(false, clock, clock.sleeper(), audit, retry);
  private final Gate dryRunGate = new GateImpl(true, clock, clock.sleeper(), audit, retry);

  private static AwsServiceException awsError(String code, int status, String message) {
    return awsError(code, status, message, 1);
  }

  /** An AWS error the SDK reports after {@code attempts} attempts (the earlier ones got no answer). */
  private static AwsServiceException awsError(String code, int status, String message, int attempts) {
    return AwsServiceException.builder()
        .numAttempts(attempts)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .statusCode(status)
        .requestId("req-" + code)
        .message(message)
        .build();
  }

  private static CreateQueueRequest request() {
    return CreateQueueRequest.builder()
        .queueName("orders")
        .attributesWithStrings(Map.of("VisibilityTimeout", "30"))
        .tags(Map.of("team", "ops", "api_token", "tok-123456"))
        .build();
  }

  @Nested
  class DryRun {
    @Test
    void plansTheExactCallSendsNothingAndAuditsOnce() {
      AtomicInteger sent = new AtomicInteger();
      ChangeResult<String> result = dryRunGate.submit(
          Change.<CreateQueueRequest, String>of("sqs:CreateQueue", "orders", request(), r -> "sent " + sent.incrementAndGet()).build());

      assertThat(sent).hasValue(0);
      assertThat(result.isPlanned()).isTrue();
      assertThat(result.value()).isEmpty();
      PlannedCall call = ((ChangeResult.Planned<String>) result).call();
      assertThat(call.operation()).isEqualTo("sqs:CreateQueue");
      assertThat(call.target()).isEqualTo("orders");
      assertThat(call.parameters())
          .containsEntry("QueueName", "orders")
          .containsEntry("Attributes", Map.of("VisibilityTimeout", "30"));
      assertThat(audit.events()).singleElement().satisfies(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(e.dryRun()).isTrue();
        assertThat(e.parameters()).isEqualTo(call.parameters());
        // In the request's own member order, as AWS documents it.
        assertThat(e.parameters().keySet()).containsExactly("QueueName", "Attributes", "tags");
        assertThat(e.duration()).isZero();
      });
    }
  }

  @Test
  void describedChangesKeepTheOrderOfTheirParameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    for (String key : java.util.List.of("Zeta", "Alpha", "Mu", "Beta", "Omega", "Gamma", "Delta", "Epsilon")) {
      params.put(key, key.toLowerCase(java.util.Locale.ROOT));
    }
    ChangeResult<String> result = dryRunGate.submit(Change.<String>described("ssm:PutParameter", "/p", params, () -> "x").build());

    assertThat(((ChangeResult.Planned<String>) result).call().parameters().keySet())
        .containsExactly("Zeta", "Alpha", "Mu", "Beta", "Omega", "Gamma", "Delta", "Epsilon");
    assertThat(audit.events().get(0).parameters().keySet())
        .containsExactly("Zeta", "Alpha", "Mu", "Beta", "Omega", "Gamma", "Delta", "Epsilon");
  }

  @Nested
  class Applying {
    @Test
    void appliesAndAuditsExactlyOneSucceededEvent() {
      ChangeResult<String> result =
          gate.submit(Change.<CreateQueueRequest, String>of("sqs:CreateQueue", "orders", request(), r -> "url:" + r.queueName()).build());

      assertThat(result.value()).contains("url:orders");
      assertThat(((ChangeResult.Applied<String>) result).alreadyExisted()).isFalse();
      assertThat(audit.events()).singleElement().satisfies(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(e.dryRun()).isFalse();
        assertThat(e.operation()).isEqualTo("sqs:CreateQueue");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
      });
    }

    @Test
    void appliedResultCarriesTheRedactedCallThatWasMade() {
      ChangeResult<String> result =
          gate.submit(Change.<CreateQueueRequest, String>of("sqs:CreateQueue", "orders", request(), r -> "ok").build());

      assertThat(result.call()).isEqualTo(new PlannedCall("sqs:CreateQueue", "orders", audit.events().get(0).parameters()));
      assertThat(result.call().toString()).doesNotContain("tok-123456");
    }

    @Test
    void secretNamedMembersAreRedactedInTheAuditTrail() {
      gate.submit(Change.<CreateQueueRequest, String>of("sqs:CreateQueue", "orders", request(), r -> "ok").build());

      AuditEvent event = audit.events().get(0);
      @SuppressWarnings("unchecked")
      Map<String, Object> tags = (Map<String, Object>) event.parameters().get("tags");
      assertThat(tags).containsEntry("team", "ops").containsEntry("api_token", AuditEvent.REDACTED);
      assertThat(event.toString()).doesNotContain("tok-123456");
    }

    @Test
    void extraSecretMembersAreRedactedAndScrubbedFromErrors() {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("Name", "/prod/db");
      params.put("Value", "hunter2-very-secret");
      Change<String> change = Change.<String>described("ssm:PutParameter", "/prod/db", params, () -> {
        throw awsError("ValidationException", 400, "Value hunter2-very-secret is not allowed");
      }).secret("Value").build();

      assertThatThrownBy(() -> gate.submit(change))
          .isInstanceOf(OpsException.class)
          .hasMessageContaining("ssm:PutParameter on /prod/db")
          .hasMessageContaining(AuditEvent.REDACTED)
          .satisfies(e -> assertThat(stackText(e)).doesNotContain("hunter2-very-secret"));
      AuditEvent event = audit.events().get(0);
      assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(event.parameters()).containsEntry("Value", AuditEvent.REDACTED);
      assertThat(event.detail()).doesNotContain("hunter2-very-secret").contains("ValidationException");
      assertThat(event.requestId()).isEqualTo("req-ValidationException");
    }

    @Test
    void secretsAreScrubbedFromTheAuditDetailOfFailuresOpsKitDidNotMap() {
      Map<String, Object> params = Map.of("Name", "/prod/db", "Value", "hunter2-very-secret");
      Change<String> opsFailure = Change.<String>described("ssm:PutParameter", "/prod/db", params, () -> {
        throw new ResourceStateException("cannot store hunter2-very-secret now", "ssm:PutParameter", "/prod/db", null);
      }).secret("Value").build();
      Change<String> bug = Change.<String>described("ssm:PutParameter", "/prod/db", params, () -> {
        throw new IllegalStateException("bug while handling hunter2-very-secret");
      }).secret("Value").build();

      assertThatThrownBy(() -> gate.submit(opsFailure)).isInstanceOf(ResourceStateException.class);
      assertThatThrownBy(() -> gate.submit(bug)).isInstanceOf(IllegalStateException.class);

      assertThat(audit.events()).hasSize(2).allSatisfy(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.detail()).contains(AuditEvent.REDACTED).doesNotContain("hunter2-very-secret");
      });
    }

    @Test
    void failureIsMappedAuditedOnceAndRethrown() {
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:DeleteDBSnapshot", "snap-1", CreateQueueRequest.builder().queueName("q").build(), r -> {
        throw awsError("DBSnapshotNotFound", 404, "DBSnapshot snap-1 not found.");
      }).build();

      assertThatThrownBy(() -> gate.submit(change))
          .isInstanceOf(ResourceNotFoundException.class)
          .hasMessageStartingWith("rds:DeleteDBSnapshot on snap-1: not found (DBSnapshotNotFound: DBSnapshot snap-1 not found.)")
          // Nothing secret in this request: the SDK exception itself is the cause.
          .hasCauseInstanceOf(AwsServiceException.class);
      assertThat(audit.events()).singleElement().extracting(AuditEvent::outcome).isEqualTo(Outcome.FAILED);
    }
  }

  @Nested
  class OperationRetry {
    @Test
    void retriesOnlyTheDeclaredConditionWithinTheBudget() {
      AtomicInteger calls = new AtomicInteger();
      ChangeResult<String> result = gate.submit(Change.<CreateQueueRequest, String>of("rds:ModifyDBInstance", "db-1", request(), r -> {
        if (calls.incrementAndGet() < 3) {
          throw awsError("InvalidDBInstanceState", 400, "Instance db-1 is modifying");
        }
        return "modified";
      }).retryWhen(e -> e instanceof ResourceStateException).build());

      assertThat(result.value()).contains("modified");
      assertThat(calls).hasValue(3);
      // Paused with the context's sleeper, exponentially: no real waiting.
      assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
      assertThat(audit.events()).singleElement().extracting(AuditEvent::outcome).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void givesUpAfterTheOperationBudget() {
      AtomicInteger calls = new AtomicInteger();
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:ModifyDBInstance", "db-1", request(), r -> {
        calls.incrementAndGet();
        throw awsError("InvalidDBInstanceState", 400, "Instance db-1 is modifying");
      }).retryWhen(e -> e instanceof ResourceStateException).build();

      assertThatThrownBy(() -> gate.submit(change)).isInstanceOf(ResourceStateException.class);
      assertThat(calls).hasValue(3);
      assertThat(audit.events()).hasSize(1);
    }

    @Test
    void undeclaredConditionsAreNotRetried() {
      AtomicInteger calls = new AtomicInteger();
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:ModifyDBInstance", "db-1", request(), r -> {
        calls.incrementAndGet();
        throw awsError("Throttling", 400, "Rate exceeded");
      }).retryWhen(e -> e instanceof ResourceStateException).build();

      assertThatThrownBy(() -> gate.submit(change)).isInstanceOf(dev.opskit.core.ThrottledException.class);
      assertThat(calls).hasValue(1);
      assertThat(clock.sleeps()).isEmpty();
    }
  }

  @Nested
  class IdempotentCreate {
    @Test
    void alreadyExistsMetByARetryForTheResourceAskedForIsSuccess() {
      List<CallAttempts> asked = new java.util.ArrayList<>();
      ChangeResult<String> result = gate.submit(Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "snap-1", request(), r -> {
        throw awsError("DBSnapshotAlreadyExists", 400, "Cannot create the snapshot because a snapshot with the identifier snap-1 already exists.", 2);
      }).ifAlreadyExists(attempts -> {
        asked.add(attempts);
        return Optional.of("existing snap-1");
      }).build());

      assertThat(result).isInstanceOf(ChangeResult.Applied.class);
      assertThat(((ChangeResult.Applied<String>) result).alreadyExisted()).isTrue();
      assertThat(result.value()).contains("existing snap-1");
      assertThat(asked).singleElement().satisfies(a -> {
        assertThat(a.attempts()).isEqualTo(2);
        assertThat(a.unanswered()).isEqualTo(1);
      });
      assertThat(audit.events()).singleElement().satisfies(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(e.detail()).contains("already existed").contains("earlier attempt of this call");
      });
    }

    @Test
    void alreadyExistsOnTheFirstAttemptIsSomeoneElsesAndTheLookupIsNeverAsked() {
      AtomicInteger lookups = new AtomicInteger();
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "before-upgrade", request(), r -> {
        throw awsError("DBSnapshotAlreadyExists", 400, "exists", 1);
      }).ifAlreadyExists(attempts -> {
        lookups.incrementAndGet();
        return Optional.of("the old snapshot");
      }).build();

      assertThatThrownBy(() -> gate.submit(change))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("rds:CreateDBSnapshot on before-upgrade: before-upgrade already exists, and this call did not make"
              + " it: its first attempt met it. Choose another name, or delete the existing resource if it is no longer needed.");
      assertThat(lookups).hasValue(0);
      assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
    }

    @Test
    void aStateErrorFromTheRuleIsNeverRepeatedAtTheOperationLevel() {
      AtomicInteger calls = new AtomicInteger();
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "snap-1", request(), r -> {
        calls.incrementAndGet();
        throw awsError("DBSnapshotAlreadyExists", 400, "exists", 1);
      }).ifAlreadyExists(attempts -> Optional.of("x")).retryWhen(e -> e instanceof ResourceStateException).build();

      assertThatThrownBy(() -> gate.submit(change)).isInstanceOf(ResourceStateException.class);
      assertThat(calls).hasValue(1);
    }

    @Test
    void alreadyExistsForAnotherResourceIsAStateError() {
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "snap-1", request(), r -> {
        throw awsError("DBSnapshotAlreadyExists", 400, "exists", 3);
      }).ifAlreadyExists(attempts -> Optional.<String>empty()).build();

      assertThatThrownBy(() -> gate.submit(change))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("rds:CreateDBSnapshot on snap-1")
          .hasMessageContaining("not the one this change asked for");
    }

    @Test
    void theStateErrorChainsWhatAwsSaid() {
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "snap-1", request(), r -> {
        throw awsError("DBSnapshotAlreadyExists", 400, "exists", 2);
      }).ifAlreadyExists(attempts -> Optional.<String>empty()).build();

      assertThatThrownBy(() -> gate.submit(change))
          .isInstanceOf(ResourceStateException.class)
          .hasCauseInstanceOf(ResourceStateException.class)
          .satisfies(e -> {
            assertThat(((OpsException) e).awsErrorCode()).isEqualTo("DBSnapshotAlreadyExists");
            assertThat(((OpsException) e).requestId()).isEqualTo("req-DBSnapshotAlreadyExists");
            // The request holds a secret (api_token), so AWS's exception is chained scrubbed, under its own name.
            assertThat(e.getCause().getCause().toString()).startsWith(AwsServiceException.class.getName() + ": exists");
          });
    }

    @Test
    void otherFailuresNeverAskTheLookup() {
      AtomicInteger lookups = new AtomicInteger();
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "snap-1", request(), r -> {
        throw awsError("DBInstanceNotFound", 404, "no such instance");
      }).ifAlreadyExists(attempts -> {
        lookups.incrementAndGet();
        return Optional.of("existing snap-1");
      }).build();

      assertThatThrownBy(() -> gate.submit(change)).isInstanceOf(ResourceNotFoundException.class);
      assertThat(lookups).hasValue(0);
    }

    @Test
    void anSdkFailureOfTheLookupIsMappedNeverLeaked() {
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "snap-1", request(), r -> {
        throw awsError("DBSnapshotAlreadyExists", 400, "exists", 2);
      }).ifAlreadyExists(attempts -> {
        throw awsError("AccessDenied", 403, "not allowed to describe tok-123456");
      }).build();

      assertThatThrownBy(() -> gate.submit(change))
          .isInstanceOf(dev.opskit.core.AccessDeniedException.class)
          .hasMessageStartingWith("rds:CreateDBSnapshot on snap-1: access denied (AccessDenied: not allowed to describe "
              + AuditEvent.REDACTED + ")")
          .satisfies(e -> assertThat(stackText(e)).doesNotContain("tok-123456"));
      assertThat(audit.events()).singleElement().satisfies(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.detail()).contains("access denied").doesNotContain("tok-123456");
      });
    }

    @Test
    void withoutALookupAlreadyExistsIsAnError() {
      Change<String> change = Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", "snap-1", request(), r -> {
        throw awsError("DBSnapshotAlreadyExists", 400, "exists");
      }).build();

      assertThatThrownBy(() -> gate.submit(change))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("DBSnapshotAlreadyExists");
    }
  }

  @Nested
  class Validation {
    @Test
    void operationMustBeServiceColonAction() {
      assertThatThrownBy(() -> Change.<CreateQueueRequest, String>of("CreateDBSnapshot", "x", request(), r -> "x"))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid change.operation: 'CreateDBSnapshot'. Allowed: service:Action, such as rds:CreateDBSnapshot");
    }

    @Test
    void targetMustNotBeBlank() {
      assertThatThrownBy(() -> Change.<CreateQueueRequest, String>of("rds:CreateDBSnapshot", " ", request(), r -> "x"))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("change.target");
    }
  }

  @Test
  void aFailingAuditSinkNeverHidesTheOutcome() {
    Gate g = new GateImpl(false, clock, clock.sleeper(), e -> { throw new IllegalStateException("disk full"); }, retry);
    assertThat(g.submit(Change.<CreateQueueRequest, String>of("sqs:CreateQueue", "q", request(), r -> "ok").build()).value()).contains("ok");
  }

  private static String stackText(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }
}
