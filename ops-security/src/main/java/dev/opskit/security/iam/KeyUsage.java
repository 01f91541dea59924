package dev.opskit.security.iam;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What step 5 of a rotation knows about the old key's use, at one poll.
 *
 * @param keyId the old key's id
 * @param lastUsed its last use as {@code GetAccessKeyLastUsed} reports it, or null when never used
 * @param lastUsedService the service of that use, or null
 * @param quietFor how long the last use has not advanced (watched from the start of step 5)
 * @param quietPeriod how long it must not advance for the key to count as unused
 */
public record KeyUsage(String keyId, @Nullable Instant lastUsed, @Nullable String lastUsedService,
    Duration quietFor, Duration quietPeriod) {

  /**
   * Validates.
   *
   * @param keyId the old key's id
   * @param lastUsed its last use, or null
   * @param lastUsedService the service of that use, or null
   * @param quietFor how long the last use has not advanced
   * @param quietPeriod how long it must not advance
   */
  public KeyUsage {
    Checks.present("keyId", keyId, "the key id");
    Checks.present("quietFor", quietFor, "a duration");
    Checks.present("quietPeriod", quietPeriod, "a duration");
  }

  /** {@return the last use, if any} */
  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsed);
  }
}
