package dev.opskit.core.internal;

import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.Sleeper;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.AuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Gate;
import dev.opskit.core.change.PlannedCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;

/** The gate: dry-run, audit, operation-level retry, idempotent creates, error mapping. */
public final class GateImpl implements Gate {
  private static final Logger LOG = LoggerFactory.getLogger(GateImpl.class);
  private static final Duration MAX_OPERATION_BACKOFF = Duration.ofMinutes(1);

  private final boolean dryRun;
  private final Clock clock;
  private final AuditSink audit;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final BooleanSupplier closed;

  /**
   * Creates a gate.
   *
   * @param dryRun plan only
   * @param clock the clock for audit times and durations
   * @param sleeper pauses between operation-level attempts
   * @param audit the audit sink
   * @param retryPolicy the retry budget
   * @param closed whether the context the gate belongs to is closed
   */
  public GateImpl(
      boolean dryRun, Clock clock, Sleeper sleeper, AuditSink audit, RetryPolicy retryPolicy, BooleanSupplier closed) {
    this.closed = closed;
    this.dryRun = dryRun;
    this.clock = clock;
    this.sleeper = sleeper;
    this.audit = audit;
    this.retryPolicy = retryPolicy;
  }

  /**
   * Creates a gate that is never closed (for tests).
   *
   * @param dryRun plan only
   * @param clock the clock
   * @param sleeper pauses between operation-level attempts
   * @param audit the audit sink
   * @param retryPolicy the retry budget
   */
  public GateImpl(boolean dryRun, Clock clock, Sleeper sleeper, AuditSink audit, RetryPolicy retryPolicy) {
    this(dryRun, clock, sleeper, audit, retryPolicy, () -> false);
  }

  @Override
  public boolean isDryRun() {
    return dryRun;
  }

  @Override
  public <R> ChangeResult<R> submit(Change<R> change) {
    RequestParameters params = RequestParameters.of(change.request(), change.secretNames());
    Instant start = clock.instant();
    PlannedCall planned = new PlannedCall(change.operation(), change.target(), params.parameters());
    if (dryRun) {
      record(change, params, start, Outcome.PLANNED, null, null);
      LOG.debug("planned operation={} target={}", change.operation(), change.target());
      return new ChangeResult.Planned<>(planned);
    }
    try {
      Attempt<R> attempt = withRetries(change, params.redaction());
      String requestId = requestIdOf(attempt.answer);
      String note = attempt.note == null ? null : params.redaction().scrub(attempt.note);
      record(change, params, start, Outcome.SUCCEEDED, requestId, note);
      return new ChangeResult.Applied<>(attempt.answer, requestId, attempt.alreadyExisted, planned, note);
    } catch (Final f) {
      OpsException e = f.error;
      record(change, params, start, Outcome.FAILED, e.requestId(), params.redaction().scrub(e.getMessage()));
      throw e;
    } catch (OpsException e) {
      record(change, params, start, Outcome.FAILED, e.requestId(), params.redaction().scrub(e.getMessage()));
      throw e;
    } catch (RuntimeException e) {
      if (AwsErrors.isClosedClient(e) || (closed.getAsBoolean()
          && (e instanceof IllegalStateException || e instanceof java.util.concurrent.RejectedExecutionException))) {
        // The context (or its HTTP client) was closed while the call ran: say so in OpsKit's terms.
        OpsException mapped = AwsErrors.closedDuringCall(e, change.operation(), change.target(), params.redaction());
        record(change, params, start, Outcome.FAILED, null, mapped.getMessage());
        throw mapped;
      }
      // A bug or an unexpected failure in caller-supplied code: audit it, never leak secrets in the log.
      record(change, params, start, Outcome.FAILED, null, params.redaction().scrub(String.valueOf(e)));
      throw e;
    }
  }

  private <R> Attempt<R> attemptOnce(Change<R> change, Redaction redaction) {
    // A create without idempotency token: what exists before the first attempt is someone else's.
    java.util.Set<String> before = change.duplicates().isPresent()
        ? RetriedCreates.baseline(change, change.duplicates().orElseThrow(), redaction) : java.util.Set.of();
    AttemptTrace trace = AttemptTrace.begin();
    R answer;
    try {
      answer = change.call().get();
    } catch (SdkException e) {
      CallAttempts attempts = trace.finish(e);
      OpsException mapped = AwsErrors.map(e, change.operation(), change.target(), redaction);
      if (AwsErrors.isAlreadyExists(e) && change.existing().isPresent()) {
        return decisive(() -> alreadyExists(change, attempts, mapped, redaction));
      }
      if (change.goneIsDone() && mapped instanceof ResourceNotFoundException && attempts.mayHaveActedUnseen()) {
        return new Attempt<>(null, false, "already gone: attempt " + attempts.attempts() + " found nothing to delete,"
            + " so an earlier attempt of this call whose answer was lost deleted it");
      }
      if (change.duplicates().isPresent() && attempts.mayHaveActedUnseen()) {
        return decisive(() -> RetriedCreates.adopt(this, change, change.duplicates().orElseThrow(), attempts, mapped, before));
      }
      throw mapped;
    } catch (RuntimeException e) {
      trace.finish(null);
      throw e;
    }
    CallAttempts attempts = trace.finish(null);
    if (change.duplicates().isPresent() && attempts.mayHaveActedUnseen()) {
      R made = answer;
      return decisive(() -> new Attempt<>(made, false,
          RetriedCreates.removeExtras(this, change, change.duplicates().orElseThrow(), attempts, made, before)));
    }
    return new Attempt<>(answer, false, null);
  }

  /**
   * "Already exists": success only when an earlier attempt of this call may have made the resource and the
   * change's lookup proves it is the one asked for; otherwise the existing resource is someone else's.
   */
  private static <R> Attempt<R> alreadyExists(
      Change<R> change, CallAttempts attempts, OpsException mapped, Redaction redaction) {
    if (!attempts.mayHaveActedUnseen()) {
      throw new ResourceStateException(
          change.target() + " already exists, and this call did not make it: "
              + (attempts.retried() ? "no earlier attempt of it can have acted" : "its first attempt met it")
              + ". Choose another name, or delete the existing resource if it is no longer needed.",
          change.operation(), change.target(), mapped.awsErrorCode(), mapped.requestId(), mapped);
    }
    Optional<R> existing = findExisting(change, attempts, redaction);
    if (existing.isPresent()) {
      return new Attempt<>(existing.get(), true,
          "already existed: attempt " + attempts.attempts() + " found the resource an earlier attempt of this call made"
              + " (its answer was lost)");
    }
    throw new ResourceStateException(
        change.target() + " already exists, but it is not the one this change asked for (other inputs, or made"
            + " before this call); choose another name or remove the other resource.",
        change.operation(), change.target(), mapped.awsErrorCode(), mapped.requestId(), mapped);
  }

  /** The change's own lookup; a read, so an SDK failure in it is mapped like any other. */
  private static <R> Optional<R> findExisting(Change<R> change, CallAttempts attempts, Redaction redaction) {
    try {
      return change.existing().orElseThrow().apply(attempts);
    } catch (SdkException e) {
      throw AwsErrors.map(e, change.operation(), change.target(), redaction);
    }
  }

  /**
   * Operation-level retry: repeats the whole change, at most {@link RetryPolicy#operationAttempts()} times in
   * all, only for the conditions the change declares ({@link Change#retryWhen()}), pausing with the context's
   * sleeper (so tests with a manual clock never wait). A plain loop, as Resilience4j's {@code Retry} with
   * {@code failAfterMaxAttempts(false)} behaved here, without building one per submit.
   */
  private <R> Attempt<R> withRetries(Change<R> change, Redaction redaction) {
    int max = retryPolicy.operationAttempts();
    for (int attempt = 1; ; attempt++) {
      try {
        return attemptOnce(change, redaction);
      } catch (OpsException e) {
        if (attempt >= max || !change.retryWhen().test(e)) {
          throw e;
        }
        sleeper.sleep(backoff(attempt));
      }
    }
  }

  /** Exponential: operationBackoff, then twice that, and so on, at most one minute. */
  Duration backoff(int retryNumber) {
    Duration base = retryPolicy.operationBackoff();
    long factor = 1L << Math.min(Math.max(retryNumber - 1, 0), 20);
    Duration wait = base.multipliedBy(factor);
    return wait.compareTo(MAX_OPERATION_BACKOFF) > 0 ? MAX_OPERATION_BACKOFF : wait;
  }

  private void record(
      Change<?> change,
      RequestParameters params,
      Instant start,
      Outcome outcome,
      @Nullable String requestId,
      @Nullable String detail) {
    Duration duration = outcome == Outcome.PLANNED ? Duration.ZERO : Duration.between(start, clock.instant());
    AuditEvent event =
        new AuditEvent(start, change.operation(), change.target(), params.parameters(), outcome,
            duration.isNegative() ? Duration.ZERO : duration, requestId, dryRun, detail);
    try {
      audit.record(event);
    } catch (RuntimeException e) {
      LOG.warn("audit sink failed for operation={} target={}: {}", change.operation(), change.target(), e.toString());
    }
  }

  private static @Nullable String requestIdOf(@Nullable Object answer) {
    if (answer instanceof AwsResponse response && response.responseMetadata() != null) {
      String id = response.responseMetadata().requestId();
      return id == null || "UNKNOWN".equals(id) ? null : id;
    }
    return null;
  }

  /**
   * Runs a step whose failure must end the change at once: what it decided (an existing resource is not
   * this call's, duplicates could not be removed) would only get worse if the whole change were repeated.
   */
  private static <R> Attempt<R> decisive(java.util.function.Supplier<Attempt<R>> step) {
    try {
      return step.get();
    } catch (OpsException e) {
      throw new Final(e);
    }
  }

  /** Carries an OpsException past the operation-level retry, which only repeats OpsExceptions. */
  private static final class Final extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient OpsException error;

    Final(OpsException error) {
      super(null, null, false, false);
      this.error = error;
    }
  }

  record Attempt<R>(@Nullable R answer, boolean alreadyExisted, @Nullable String note) {}

}
