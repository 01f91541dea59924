package dev.opskit.core.internal;

import dev.opskit.core.OpsException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.Sleeper;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.AuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Gate;
import dev.opskit.core.change.PlannedCall;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

  /**
   * Creates a gate.
   *
   * @param dryRun plan only
   * @param clock the clock for audit times and durations
   * @param sleeper pauses between operation-level attempts
   * @param audit the audit sink
   * @param retryPolicy the retry budget
   */
  public GateImpl(boolean dryRun, Clock clock, Sleeper sleeper, AuditSink audit, RetryPolicy retryPolicy) {
    this.dryRun = dryRun;
    this.clock = clock;
    this.sleeper = sleeper;
    this.audit = audit;
    this.retryPolicy = retryPolicy;
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
      Attempt<R> attempt = retry(change).executeSupplier(() -> attemptOnce(change, params.redaction()));
      String requestId = requestIdOf(attempt.answer);
      record(change, params, start, Outcome.SUCCEEDED, requestId,
          attempt.alreadyExisted ? "already existed: a retried create found the resource it asked for" : null);
      return new ChangeResult.Applied<>(attempt.answer, requestId, attempt.alreadyExisted, planned);
    } catch (OpsException e) {
      record(change, params, start, Outcome.FAILED, e.requestId(), params.redaction().scrub(e.getMessage()));
      throw e;
    } catch (RuntimeException e) {
      // A bug or an unexpected failure in caller-supplied code: audit it, never leak secrets in the log.
      record(change, params, start, Outcome.FAILED, null, params.redaction().scrub(String.valueOf(e)));
      throw e;
    }
  }

  private <R> Attempt<R> attemptOnce(Change<R> change, Redaction redaction) {
    try {
      return new Attempt<>(change.call().get(), false);
    } catch (SdkException e) {
      OpsException mapped = AwsErrors.map(e, change.operation(), change.target(), redaction);
      if (AwsErrors.isAlreadyExists(e) && change.existing().isPresent()) {
        Optional<R> existing = findExisting(change, redaction);
        if (existing.isPresent()) {
          return new Attempt<>(existing.get(), true);
        }
        throw new ResourceStateException(
            "AWS says the resource already exists, but the existing one is not the one this change asked for;"
                + " choose another name or remove the other resource.",
            change.operation(), change.target(), mapped.awsErrorCode(), mapped.requestId(), mapped);
      }
      throw mapped;
    }
  }

  /** The change's own lookup; a read, so an SDK failure in it is mapped like any other. */
  private static <R> Optional<R> findExisting(Change<R> change, Redaction redaction) {
    try {
      return change.existing().orElseThrow().get();
    } catch (SdkException e) {
      throw AwsErrors.map(e, change.operation(), change.target(), redaction);
    }
  }

  /**
   * Resilience4j decides whether and how often to retry; the pause itself is taken with the context's
   * sleeper (Resilience4j's own sleep is a JVM-wide static), so tests with a manual clock never wait.
   */
  private Retry retry(Change<?> change) {
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(retryPolicy.operationAttempts())
            .intervalFunction(attempt -> 0L)
            .retryOnException(t -> t instanceof OpsException ops && change.retryWhen().test(ops))
            .failAfterMaxAttempts(false)
            .build();
    Retry retry = Retry.of(change.operation(), config);
    retry.getEventPublisher().onRetry(event -> sleeper.sleep(backoff(event.getNumberOfRetryAttempts())));
    return retry;
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

  private static @Nullable String requestIdOf(Object answer) {
    if (answer instanceof AwsResponse response && response.responseMetadata() != null) {
      String id = response.responseMetadata().requestId();
      return id == null || "UNKNOWN".equals(id) ? null : id;
    }
    return null;
  }

  private record Attempt<R>(R answer, boolean alreadyExisted) {}

}
