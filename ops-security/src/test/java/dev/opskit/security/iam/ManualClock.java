package dev.opskit.security.iam;

import dev.opskit.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when slept on: waits of days take no time. */
final class ManualClock extends Clock {
  private Instant now;
  private Duration slept = Duration.ZERO;

  ManualClock(Instant start) {
    this.now = start;
  }

  Sleeper sleeper() {
    return d -> {
      synchronized (this) {
        now = now.plus(d);
        slept = slept.plus(d);
      }
    };
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  synchronized Duration slept() {
    return slept;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }
}
