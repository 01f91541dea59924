package dev.opskit.core;

import java.util.function.Supplier;

/**
 * A circuit breaker for remediation loops: after too many failures in a row it refuses calls for a while
 * instead of hammering a broken dependency. Obtain one with {@link OpsContext#breaker(String)}.
 *
 * <p>Opens when at least half of the last 10 calls failed (after at least 5 calls), stays open for 60
 * seconds, then lets a few trial calls through.
 */
public interface Breaker {

  /**
   * Runs an action through the breaker.
   *
   * @param action the action
   * @param <T> its result type
   * @return its result
   * @throws ResourceStateException when the breaker is open and the action was not run
   */
  <T> T call(Supplier<T> action);

  /** {@return whether the breaker currently refuses calls} */
  boolean isOpen();

  /** {@return the breaker's name} */
  String name();
}
