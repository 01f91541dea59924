package dev.opskit.monitoring;

import dev.opskit.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the code under test sleeps, and records every pause. */
public final class TestTime extends Clock {
  private Instant now;
  private final List<Duration> pauses = new ArrayList<>();

  /**
   * Starts at an instant.
   *
   * @param start the first instant
   */
  public TestTime(Instant start) {
    this.now = start;
  }

  /** {@return a sleeper that advances this clock} */
  public Sleeper sleeper() {
    return d -> {
      synchronized (this) {
        pauses.add(d);
        now = now.plus(d);
      }
    };
  }

  /** {@return the pauses so far} */
  public synchronized List<Duration> pauses() {
    return List.copyOf(pauses);
  }

  @Override
  public synchronized Instant instant() {
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
