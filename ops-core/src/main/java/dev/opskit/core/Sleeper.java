package dev.opskit.core;

import java.time.Duration;

/**
 * Pauses the current thread. Injected through {@link OpsContext} so that waits and backoff can be tested
 * without real sleeping (a test sleeper advances a test clock instead).
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Sleeps for the given duration.
   *
   * @param duration how long; zero or negative returns at once
   * @throws OperationTimeoutException if the thread is interrupted (the interrupt flag is restored)
   */
  void sleep(Duration duration);

  /** {@return the real sleeper, backed by {@link Thread#sleep(long)}} */
  static Sleeper system() {
    return duration -> {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OperationTimeoutException("interrupted while waiting", null, null, e);
      }
    };
  }
}
