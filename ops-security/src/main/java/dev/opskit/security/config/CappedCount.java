package dev.opskit.security.config;

import dev.opskit.core.value.Checks;
import software.amazon.awssdk.services.config.model.ComplianceContributorCount;
import org.jspecify.annotations.Nullable;

/**
 * A count AWS Config caps (at 25): when {@link #capped()} the true number is larger than {@link #count()}
 * and must never be shown as exact ({@link #toString()} says {@code 25+}).
 *
 * @param count the count AWS reported (the cap when capped)
 * @param capped whether AWS said the true count exceeds it ({@code CapExceeded})
 */
public record CappedCount(int count, boolean capped) {
  /** AWS Config's cap. */
  public static final int CAP = 25;

  /**
   * Validates.
   *
   * @param count the count AWS reported (the cap when capped)
   * @param capped whether AWS said the true count exceeds it ({@code CapExceeded})
   */
  public CappedCount {
    Checks.range("count", count, 0, Integer.MAX_VALUE, "zero or more");
  }

  /**
   * An exact count.
   *
   * @param count the count
   * @return the count
   */
  public static CappedCount exactly(int count) {
    return new CappedCount(count, false);
  }

  static CappedCount of(@Nullable ComplianceContributorCount count) {
    if (count == null) {
      return exactly(0);
    }
    int value = count.cappedCount() == null ? 0 : Math.max(0, count.cappedCount());
    return new CappedCount(value, Boolean.TRUE.equals(count.capExceeded()));
  }

  /** {@return whether the count is the true number} */
  public boolean isExact() {
    return !capped;
  }

  /** {@return the least the true number can be; the count itself when exact} */
  public int atLeast() {
    return count;
  }

  /** {@code 3}, or {@code 25+} when capped. */
  @Override
  public String toString() {
    return capped ? count + "+" : Integer.toString(count);
  }
}
