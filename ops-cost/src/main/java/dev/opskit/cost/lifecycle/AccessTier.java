package dev.opskit.cost.lifecycle;

/**
 * The optional archive tiers of S3 Intelligent-Tiering, each with the days of no access AWS accepts before an object
 * moves there.
 */
public enum AccessTier {
  /** The Archive Access tier: after 90 to 730 days without access. */
  ARCHIVE_ACCESS(90, 730),
  /** The Deep Archive Access tier: after 180 to 730 days without access. */
  DEEP_ARCHIVE_ACCESS(180, 730);

  private final int minDays;
  private final int maxDays;

  AccessTier(int minDays, int maxDays) {
    this.minDays = minDays;
    this.maxDays = maxDays;
  }

  /** {@return the fewest days AWS accepts} */
  public int minDays() {
    return minDays;
  }

  /** {@return the most days AWS accepts} */
  public int maxDays() {
    return maxDays;
  }
}
