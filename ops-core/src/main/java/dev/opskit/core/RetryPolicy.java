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
 * <p>Two timeouts bound the time, so a hung endpoint cannot hold a call for minutes: each HTTP attempt
 * ends after {@link #apiCallAttemptTimeout()} (default 30 s) and is retried like a lost answer, and one AWS
 * call with all its attempts ends after {@link #apiCallTimeout()} (default 2 min). Either ends in
 * {@link OperationTimeoutException}. A change repeated at the operation level gets a fresh call timeout per
 * repetition.
 *
 * @param maxAttempts HTTP requests per AWS call, 1 to 20 (default 5)
 * @param baseDelay first backoff delay of the SDK retry (default 100 ms)
 * @param maxBackoff largest backoff delay of the SDK retry (default 20 s)
 * @param operationAttempts attempts of a change for its declared retryable conditions, 1 to 20 (default 3)
 * @param operationBackoff wait between those attempts (default 5 s)
 * @param apiCallTimeout the longest one AWS call may take, all its HTTP attempts included (default 2 min)
 * @param apiCallAttemptTimeout the longest one HTTP attempt may take (default 30 s)
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxBackoff,
    int operationAttempts,
    Duration operationBackoff,
    Duration apiCallTimeout,
    Duration apiCallAttemptTimeout) {

  /** Default overall time of one AWS call. */
  public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofMinutes(2);
  /** Default time of one HTTP attempt. */
  public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
  /** The longest delay or timeout accepted (delays, backoffs and timeouts): one day. */
  public static final Duration MAX_DELAY = Duration.ofDays(1);

  /** The default budget: 5 HTTP attempts, 3 operation attempts, 30 s per attempt, 2 min per call. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(20), 3, Duration.ofSeconds(5));

  /**
   * A budget with the default timeouts.
   *
   * @param maxAttempts HTTP requests per AWS call, 1 to 20
   * @param baseDelay first backoff delay of the SDK retry
   * @param maxBackoff largest backoff delay of the SDK retry
   * @param operationAttempts attempts of a change for its declared retryable conditions, 1 to 20
   * @param operationBackoff wait between those attempts
   */
  public RetryPolicy(
      int maxAttempts, Duration baseDelay, Duration maxBackoff, int operationAttempts, Duration operationBackoff) {
    this(maxAttempts, baseDelay, maxBackoff, operationAttempts, operationBackoff, DEFAULT_API_CALL_TIMEOUT,
        DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
  }

  /**
   * Validates the budget.
   *
   * @param maxAttempts HTTP requests per AWS call, 1 to 20 (default 5)
   * @param baseDelay first backoff delay of the SDK retry (default 100 ms)
   * @param maxBackoff largest backoff delay of the SDK retry (default 20 s)
   * @param operationAttempts attempts of a change for its declared retryable conditions, 1 to 20 (default 3)
   * @param operationBackoff wait between those attempts (default 5 s)
   * @param apiCallTimeout the longest one AWS call may take, all its HTTP attempts included (default 2 min)
   * @param apiCallAttemptTimeout the longest one HTTP attempt may take (default 30 s)
   */
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
    requirePositive("retryPolicy.apiCallTimeout", apiCallTimeout);
    requirePositive("retryPolicy.apiCallAttemptTimeout", apiCallAttemptTimeout);
    if (apiCallTimeout.compareTo(apiCallAttemptTimeout) < 0) {
      throw ValidationException.of("retryPolicy.apiCallTimeout", apiCallTimeout,
          "at least apiCallAttemptTimeout (" + apiCallAttemptTimeout + ")");
    }
  }

  /**
   * Returns a copy with other timeouts.
   *
   * @param call the longest one AWS call may take, all attempts included
   * @param attempt the longest one HTTP attempt may take
   * @return the copy
   */
  public RetryPolicy withTimeouts(Duration call, Duration attempt) {
    return new RetryPolicy(maxAttempts, baseDelay, maxBackoff, operationAttempts, operationBackoff, call, attempt);
  }

  /**
   * Returns a copy with another HTTP attempt budget.
   *
   * @param attempts HTTP requests per AWS call, 1 to 20
   * @return the copy
   */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxBackoff, operationAttempts, operationBackoff, apiCallTimeout,
        apiCallAttemptTimeout);
  }

  /**
   * Returns a copy with other SDK backoff bounds.
   *
   * @param base first delay
   * @param max largest delay
   * @return the copy
   */
  public RetryPolicy withBackoff(Duration base, Duration max) {
    return new RetryPolicy(maxAttempts, base, max, operationAttempts, operationBackoff, apiCallTimeout,
        apiCallAttemptTimeout);
  }

  /**
   * Returns a copy with another operation-level budget.
   *
   * @param attempts attempts of a change for its retryable conditions, 1 to 20
   * @param backoff wait between them
   * @return the copy
   */
  public RetryPolicy withOperationAttempts(int attempts, Duration backoff) {
    return new RetryPolicy(maxAttempts, baseDelay, maxBackoff, attempts, backoff, apiCallTimeout, apiCallAttemptTimeout);
  }

  private static void requirePositive(String field, @org.jspecify.annotations.Nullable Duration value) {
    if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_DELAY) > 0) {
      throw ValidationException.of(field, value, "a positive duration of at most " + MAX_DELAY);
    }
  }
}
