package dev.opskit.core.internal;

import dev.opskit.core.change.CallAttempts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the HTTP attempts of the SDK calls a change makes, and which of them may have acted unseen (no
 * answer, or a 5xx). The gate opens a trace on its thread around the change's call; the interceptor,
 * installed on every client a context makes after the rate-limiting one (so a refused permit is not an
 * attempt), records into it. Sync clients run the whole call on the caller's thread. Traces nest: a
 * change submitted while another runs (a removal of a duplicate) has its own.
 */
public final class AttemptTrace {
  private static final ThreadLocal<Deque<AttemptTrace>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
  private static final Clock WALL = Clock.systemUTC();

  private int attempts;
  private int unanswered;
  private boolean inFlight;
  private @Nullable Instant started;
  private @Nullable Instant lastStarted;

  private AttemptTrace() {}

  /**
   * Opens a trace on this thread; close it with {@link #finish}.
   *
   * @return the trace
   */
  public static AttemptTrace begin() {
    AttemptTrace trace = new AttemptTrace();
    OPEN.get().push(trace);
    return trace;
  }

  /**
   * Closes the trace and says what it saw.
   *
   * @param failure the SDK exception the call ended with, or null when it succeeded; its attempt count
   *     fills in attempts the trace did not see (a client not made by a context has no interceptor)
   * @return the attempts, at least one
   */
  public CallAttempts finish(@Nullable SdkException failure) {
    Deque<AttemptTrace> open = OPEN.get();
    open.remove(this);
    if (open.isEmpty()) {
      OPEN.remove();
    }
    Instant end = WALL.instant();
    int sent = attempts;
    int unseen = unanswered + (inFlight ? 1 : 0);
    Integer reported = failure == null ? null : failure.numAttempts();
    if (reported != null && reported > sent) {
      // Attempts the trace did not see: the earlier ones may have acted (their outcome is unknown); the
      // last one is the failure in hand, which acted unseen only if it got no answer or a 5xx.
      unseen += reported - sent - 1 + (answered(failure) ? 0 : 1);
      sent = reported;
    }
    sent = Math.max(sent, 1);
    Instant start = started == null ? end : started;
    Instant last = lastStarted == null ? start : lastStarted;
    return new CallAttempts(sent, Math.min(unseen, sent), start, last, end);
  }

  private static boolean answered(@Nullable SdkException failure) {
    return failure instanceof SdkServiceException service && service.statusCode() > 0 && service.statusCode() < 500;
  }

  private void attemptStarted() {
    if (inFlight) {
      unanswered++;
    }
    Instant now = WALL.instant();
    if (started == null) {
      started = now;
    }
    lastStarted = now;
    attempts++;
    inFlight = true;
  }

  private void answered(int status) {
    if (inFlight && status >= 500) {
      unanswered++;
    }
    inFlight = false;
  }

  private static @Nullable AttemptTrace current() {
    return OPEN.get().peek();
  }

  /** The interceptor that feeds the open trace of the calling thread. */
  public static final class Interceptor implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      AttemptTrace trace = current();
      if (trace != null) {
        trace.attemptStarted();
      }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
      AttemptTrace trace = current();
      if (trace != null) {
        trace.answered(context.httpResponse().statusCode());
      }
    }
  }
}
