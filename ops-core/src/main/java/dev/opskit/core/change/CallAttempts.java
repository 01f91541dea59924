package dev.opskit.core.change;

import dev.opskit.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the gate knows about the HTTP attempts of one change's call: how many the SDK sent, how many of
 * them may have acted without OpsKit learning their answer, and when they ran.
 *
 * <p>An attempt <em>may have acted</em> when no answer reached the client (the connection was reset, the
 * response was lost or timed out) or the answer was a 5xx server error: AWS may have made the change
 * before failing to say so. A throttling or other 4xx answer says that nothing was done, and an attempt
 * that a client-side rate limit refused was never sent. This is what lets the gate tell a create that its
 * own earlier attempt made (a retry after a lost response) from someone else's resource of the same name.
 *
 * <p>The times are wall-clock times (not the context's clock), since they are compared with the creation
 * times AWS reports. {@link #covers(Instant)} allows {@link #CLOCK_SKEW} either side.
 *
 * @param attempts the HTTP attempts sent, at least 1
 * @param unanswered how many of them may have acted without OpsKit learning their answer
 * @param started when the first attempt was about to be sent
 * @param lastStarted when the last attempt was about to be sent
 * @param ended when the last attempt ended
 */
public record CallAttempts(int attempts, int unanswered, Instant started, Instant lastStarted, Instant ended) {
  /** The clock difference between this machine and AWS that {@link #covers(Instant)} allows for. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  /**
   * Validates.
   *
   * @param attempts the HTTP attempts sent, at least 1
   * @param unanswered how many of them may have acted without OpsKit learning their answer
   * @param started when the first attempt was about to be sent
   * @param lastStarted when the last attempt was about to be sent
   * @param ended when the last attempt ended
   */
  public CallAttempts {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(lastStarted, "lastStarted");
    Objects.requireNonNull(ended, "ended");
    if (attempts < 1) {
      throw ValidationException.of("attempts", attempts, "at least 1");
    }
    if (unanswered < 0 || unanswered > attempts) {
      throw ValidationException.of("unanswered", unanswered, "0 to attempts (" + attempts + ")");
    }
    if (lastStarted.isBefore(started) || ended.isBefore(lastStarted)) {
      throw ValidationException.of("lastStarted", lastStarted, "between started (" + started + ") and ended (" + ended + ")");
    }
  }

  /**
   * Attempts with the default timing: all at one instant (for tests and clients without tracing).
   *
   * @param attempts the attempts sent
   * @param unanswered how many may have acted unseen
   * @param at when
   * @return the attempts
   */
  public static CallAttempts at(int attempts, int unanswered, Instant at) {
    return new CallAttempts(attempts, unanswered, at, at, at);
  }

  /**
   * Whether a resource AWS dates {@code createdAt} falls inside the call's attempts, on this machine's
   * clock (no skew allowance): for calls without an answer to align AWS's clock on.
   *
   * @param createdAt when AWS says it was made
   * @return true when inside [started, ended]
   */
  public boolean strictlyCovers(Instant createdAt) {
    return createdAt != null && !createdAt.isBefore(started) && !createdAt.isAfter(ended);
  }

  /** {@return whether the SDK sent the request more than once} */
  public boolean retried() {
    return attempts > 1;
  }

  /**
   * Whether an attempt of this call may have made a resource that the call's final answer does not
   * mention: some attempt got no answer (or a 5xx).
   *
   * @return true when one may have
   */
  public boolean mayHaveActedUnseen() {
    return unanswered > 0;
  }

  /**
   * Whether a resource created at this time (as AWS reports it) may have been made by this call: inside
   * its attempts, allowing {@link #CLOCK_SKEW} either side.
   *
   * @param createdAt the creation time AWS reports; null is never covered
   * @return true when inside the call
   */
  public boolean covers(Instant createdAt) {
    return createdAt != null
        && !createdAt.isBefore(started.minus(CLOCK_SKEW))
        && !createdAt.isAfter(ended.plus(CLOCK_SKEW));
  }
}
