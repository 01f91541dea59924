package dev.opskit.core;

import java.time.Duration;

/**
 * The one retry budget of OpsKit.
 *
 * <p>Two layers, never stacked blindly:
 *
 * <ol>
 *   <li><b>HTTP attempts</b>: the AWS SDK's standard retry strategy retries throttling, 5xx and
 *       transport errors of each AWS call. At most {@link #maxAttempts()} HTTP requests are sent per
 *       AWS call (the first plus {@code maxAttempts - 1} retries), with exponential backoff between
 *       {@link #baseDelay()} and {@link #maxBackoff()}. When the budget is spent on throttling the call
 *       fails with {@link ThrottledException}.
 *   <li><b>Operation attempts</b>: a change sent through the gate is repeated only for the conditions
 *       that change declares retryable (for example an RDS instance that is still {@code modifying}),
 *       never for throttling or transport errors, at most {@link #operationAttempts()} times, waiting
 *       {@link #operationBackoff()} between attempts.
 * </ol>
 *
 * <p>So a read sends at most {@code maxAttempts} requests, and a change at most
 * {@code maxAttempts × operationAttempts}.
 *
 * @param maxAttempts HTTP requests per AWS call, 1 to 20 (default 5)
 * @param baseDelay first backoff delay of the SDK retry (default 100 ms)
 * @param maxBackoff largest backoff delay of the SDK retry (default 20 s)
 * @param operationAttempts attempts of a change for its declared retryable conditions, 1 to 20 (default 3)
 * @param operationBackoff wait between those attempts (default 5 s)
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxBackoff, int operationAttempts, Duration operationBackoff) {

  /** The longest delay accepted for {@link #baseDelay()}, {@link #maxBackoff()} and {@link #operationBackoff()}: one day. */
  public static final Duration MAX_DELAY = Duration.ofDays(1);

  /** The default budget: 5 HTTP attempts, 3 operation attempts. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(20), 3, Duration.ofSeconds(5));

  /** Validates the budget. */
  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 20) {
      throw ValidationException.of("retryPolicy.maxAttempts", maxAttempts, "1 to 20");
    }
    if (operationAttempts < 1 || operationAttempts > 20) {
      throw ValidationException.of("retryPolicy.operationAttempts", operationAttempts, "1 to 20");
    }
    requirePositive("retryPolicy.baseDelay", baseDelay);
    requirePositive("retryPolicy.maxBackoff", maxBackoff);
    requirePositive("retryPolicy.operationBackoff", operationBackoff);
    if (maxBackoff.compareTo(baseDelay) < 0) {
      throw ValidationException.of("retryPolicy.maxBackoff", maxBackoff, "at least baseDelay (" + baseDelay + ")");
    }
  }

  /**
   * Returns a copy with another HTTP attempt budget.
   *
   * @param attempts HTTP requests per AWS call, 1 to 20
   * @return the copy
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxBackoff, operationAttempts, operationBackoff);
  }

  /**
   * Returns a copy with other SDK backoff bounds.
   *
   * @param base first delay
   * @param max largest delay
   * @return the copy
   */
  public RetryPolicy withBackoff(Duration base, Duration max) {
    return new RetryPolicy(maxAttempts, base, max, operationAttempts, operationBackoff);
  }

  /**
   * Returns a copy with another operation-level budget.
   *
   * @param attempts attempts of a change for its retryable conditions, 1 to 20
   * @param backoff wait between them
   * @return the copy
   */
  public RetryPolicy withOperationAttempts(int attempts, Duration backoff) {
    return new RetryPolicy(maxAttempts, baseDelay, maxBackoff, attempts, backoff);
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_DELAY) > 0) {
      throw ValidationException.of(field, value, "a positive duration of at most " + MAX_DELAY);
    }
  }
}
