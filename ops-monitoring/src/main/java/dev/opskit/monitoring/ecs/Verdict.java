package dev.opskit.monitoring.ecs;

/**
 * Whether a task's CPU or memory fits what its service used.
 *
 * <ul>
 *   <li>{@link #OVER_SIZED}: the peak stayed below {@value #OVER_BELOW_PEAK} % of what the task reserves;
 *   <li>{@link #UNDER_SIZED}: the average was above {@value #UNDER_ABOVE_AVERAGE} % or the peak reached
 *       {@value #UNDER_FROM_PEAK} %;
 *   <li>{@link #RIGHT_SIZED}: in between;
 *   <li>{@link #NO_DATA}: CloudWatch had no data points for the range.
 * </ul>
 */
public enum Verdict {
  /** More reserved than used. */
  OVER_SIZED,
  /** Reserved about what is used. */
  RIGHT_SIZED,
  /** Less reserved than needed. */
  UNDER_SIZED,
  /** Nothing to judge by. */
  NO_DATA;

  /** A peak below this percentage is over-sized. */
  public static final double OVER_BELOW_PEAK = 40;
  /** An average above this percentage is under-sized. */
  public static final double UNDER_ABOVE_AVERAGE = 80;
  /** A peak from this percentage on is under-sized. */
  public static final double UNDER_FROM_PEAK = 95;

  /**
   * The verdict of a utilisation.
   *
   * @param averagePercent the average, percent of what is reserved
   * @param peakPercent the peak, percent of what is reserved
   * @return the verdict
   */
  public static Verdict of(double averagePercent, double peakPercent) {
    if (averagePercent > UNDER_ABOVE_AVERAGE || peakPercent >= UNDER_FROM_PEAK) {
      return UNDER_SIZED;
    }
    return peakPercent < OVER_BELOW_PEAK ? OVER_SIZED : RIGHT_SIZED;
  }

  /** {@return {@code over-sized}, {@code right-sized}, {@code under-sized} or {@code no data}} */
  public String words() {
    return switch (this) {
      case OVER_SIZED -> "over-sized";
      case RIGHT_SIZED -> "right-sized";
      case UNDER_SIZED -> "under-sized";
      case NO_DATA -> "no data";
    };
  }
}
