package dev.opskit.backup;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which manual snapshots {@link RdsBackups#prune(PrunePolicy)} deletes. A snapshot goes only when every
 * rule given lets it go: it is older than {@code maxAge} (when given) and not among the newest
 * {@code keepLast} (when given). Only available snapshots are counted and deleted (one still being created
 * is kept and does not count), and the newest available manual snapshot is always kept, whatever the policy.
 *
 * <pre>{@code
 * PrunePolicy.olderThan(Duration.ofDays(30)).keepingLast(5)   // older than 30 days and not among the newest 5
 * }</pre>
 *
 * @param maxAge snapshots older than this may go; null for no age rule
 * @param keepLast this many newest snapshots are kept; null for no count rule
 */
public record PrunePolicy(@Nullable Duration maxAge, @Nullable Integer keepLast) {

  /**
   * Validates: at least one rule; a positive age; a count of at least 1.
   *
   * @param maxAge snapshots older than this may go; null for no age rule
   * @param keepLast this many newest snapshots are kept; null for no count rule
   */
  public PrunePolicy {
    if (maxAge == null && keepLast == null) {
      throw ValidationException.of("prunePolicy", null, "a maximum age, a number of snapshots to keep, or both");
    }
    if (maxAge != null) {
      Checks.duration("maxAge", maxAge, Duration.ofNanos(1), ChronoUnit.FOREVER.getDuration(), "a positive duration");
    }
    if (keepLast != null && keepLast < 1) {
      throw ValidationException.of("keepLast", keepLast, "1 or more (the newest snapshot is always kept)");
    }
  }

  /**
   * Deletes manual snapshots older than {@code maxAge}.
   *
   * @param maxAge a positive duration
   * @return the policy
   */
  public static PrunePolicy olderThan(Duration maxAge) {
    return new PrunePolicy(maxAge, null);
  }

  /**
   * Keeps the newest {@code count} manual snapshots and deletes the rest.
   *
   * @param count 1 or more
   * @return the policy
   */
  public static PrunePolicy keepLast(int count) {
    return new PrunePolicy(null, count);
  }

  /**
   * This policy, also keeping the newest {@code count} snapshots.
   *
   * @param count 1 or more
   * @return the combined policy
   */
  public PrunePolicy keepingLast(int count) {
    return new PrunePolicy(maxAge, count);
  }

  /** {@return the age rule, if any} */
  public Optional<Duration> maxAgeRule() {
    return Optional.ofNullable(maxAge);
  }

  /** {@return the count rule, if any} */
  public Optional<Integer> keepLastRule() {
    return Optional.ofNullable(keepLast);
  }
}
