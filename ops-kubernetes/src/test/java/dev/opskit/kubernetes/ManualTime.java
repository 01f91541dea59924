package dev.opskit.kubernetes;

import dev.opskit.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when a test advances it or the code under test sleeps on it: tests never sleep. */
public final class ManualTime extends Clock implements Sleeper {
  /** Every sleep asked for, in order. */
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Instant now;

  /** A clock at 2026-12-01T12:00:00Z. */
  public ManualTime() {
    this(Instant.parse("2026-12-01T12:00:00Z"));
  }

  /**
   * A clock at a given instant.
   *
   * @param start the instant
   */
  public ManualTime(Instant start) {
    this.now = start;
  }

  /**
   * Moves the clock.
   *
   * @param by how far
   */
  public void advance(Duration by) {
    now = now.plus(by);
  }

  /** Records the sleep and moves the clock by it. */
  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    advance(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
