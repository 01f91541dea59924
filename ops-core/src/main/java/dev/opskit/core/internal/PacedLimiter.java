package dev.opskit.core.internal;

import java.util.function.LongSupplier;

/**
 * A token bucket whose rate adapts to throttling: additive increase, multiplicative decrease (AIMD).
 *
 * <p>It starts at its ceiling (AWS's documented quota, or the flat limit the user set) and holds at most one
 * second of permits. A throttling answer halves the rate, at most once per second (one burst of throttled
 * answers is one signal), never below the floor; every second without one adds a tenth of the ceiling back,
 * up to the ceiling. A flat limiter keeps its rate whatever AWS answers.
 *
 * <p>Time is read from an injected nanosecond clock; {@link #reserve} only computes how long the caller must
 * wait, so the logic is tested without sleeping.
 */
final class PacedLimiter {
  static final double DECREASE = 0.5;
  static final double INCREASE_PER_SECOND = 0.1;
  static final double FLOOR = 0.1;
  private static final long SECOND = 1_000_000_000L;

  private final String name;
  private final double ceiling;
  private final double floor;
  private final boolean adaptive;
  private final LongSupplier nanos;

  // Guarded by this.
  private double rate;
  private double tokens;
  private long refilledAt;
  private long adjustedAt;
  private long decreasedAt;

  /**
   * Creates a limiter.
   *
   * @param name for messages: {@code account/region/service/bucket}
   * @param ceiling requests per second at most, positive
   * @param adaptive whether throttling answers lower the rate
   * @param nanos a monotonic nanosecond clock
   */
  PacedLimiter(String name, double ceiling, boolean adaptive, LongSupplier nanos) {
    this.name = name;
    this.ceiling = ceiling;
    this.floor = Math.min(ceiling, Math.max(ceiling * FLOOR, 1.0 / 60));
    this.adaptive = adaptive;
    this.nanos = nanos;
    this.rate = ceiling;
    this.tokens = capacity();
    long now = nanos.getAsLong();
    this.refilledAt = now;
    this.adjustedAt = now;
    this.decreasedAt = now - SECOND;
  }

  String name() {
    return name;
  }

  /** {@return the current rate, requests per second} */
  synchronized double rate() {
    return rate;
  }

  /**
   * Takes a permit, waiting for it if need be.
   *
   * @param maxWaitNanos how long the caller may wait
   * @return how many nanoseconds the caller must wait before sending, or -1 when that is longer than
   *     {@code maxWaitNanos} (no permit was taken)
   */
  synchronized long reserve(long maxWaitNanos) {
    long now = nanos.getAsLong();
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    long wait = (long) Math.ceil((1 - tokens) / rate * SECOND);
    if (wait > maxWaitNanos) {
      return -1;
    }
    tokens -= 1;
    return wait;
  }

  /** AWS throttled a request: halve the rate (at most once per second), never below the floor. */
  synchronized void throttled() {
    if (!adaptive) {
      return;
    }
    long now = nanos.getAsLong();
    refill(now);
    if (now - decreasedAt < SECOND) {
      return;
    }
    rate = Math.max(floor, rate * DECREASE);
    tokens = Math.min(tokens, 0);
    decreasedAt = now;
    adjustedAt = now;
  }

  /** AWS answered without throttling: give back a tenth of the ceiling per second since the last change. */
  synchronized void answered() {
    if (!adaptive || rate >= ceiling) {
      return;
    }
    long now = nanos.getAsLong();
    refill(now);
    if (now - decreasedAt < SECOND) {
      return;
    }
    double seconds = (now - adjustedAt) / (double) SECOND;
    rate = Math.min(ceiling, rate + ceiling * INCREASE_PER_SECOND * seconds);
    adjustedAt = now;
  }

  private double capacity() {
    return Math.max(1, rate);
  }

  private void refill(long now) {
    long elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(capacity(), tokens + rate * elapsed / SECOND);
      refilledAt = now;
    }
  }
}
