package dev.opskit.security.guardduty;

/**
 * GuardDuty's severity levels and the number ranges they cover (GuardDuty's "Severity levels for findings").
 */
public enum SeverityLevel {
  /** 1.0 to 3.9. */
  LOW(1, 4),
  /** 4.0 to 6.9. */
  MEDIUM(4, 7),
  /** 7.0 to 8.9. */
  HIGH(7, 9),
  /** 9.0 to 10.0. */
  CRITICAL(9, 11);

  private final int lowest;
  private final int above;

  SeverityLevel(int lowest, int above) {
    this.lowest = lowest;
    this.above = above;
  }

  /** {@return the lowest severity number above this level (11 for {@link #CRITICAL}, above GuardDuty's 10)} */
  public int above() {
    return above;
  }

  /** {@return the lowest severity number of this level} */
  public int lowest() {
    return lowest;
  }

  /**
   * The level of a severity number.
   *
   * @param severity the number GuardDuty reports
   * @return its level ({@link #LOW} below 4, including numbers below 1)
   */
  public static SeverityLevel of(double severity) {
    if (severity >= CRITICAL.lowest) {
      return CRITICAL;
    }
    if (severity >= HIGH.lowest) {
      return HIGH;
    }
    if (severity >= MEDIUM.lowest) {
      return MEDIUM;
    }
    return LOW;
  }
}
