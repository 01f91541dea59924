package dev.opskit.kubernetes.health.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Ages as kubectl's AGE column: from the creation time to now, never negative (clock skew). */
final class Ages {
  private Ages() {}

  static Duration since(@Nullable Instant created, Instant now) {
    if (created == null || created.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(created, now);
  }
}
