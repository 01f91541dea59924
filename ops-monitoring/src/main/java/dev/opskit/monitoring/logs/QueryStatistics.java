package dev.opskit.monitoring.logs;

/**
 * What a Logs Insights query read (summed over the windows of a split query).
 *
 * @param recordsMatched events that matched
 * @param recordsScanned events scanned
 * @param bytesScanned bytes scanned
 */
public record QueryStatistics(double recordsMatched, double recordsScanned, double bytesScanned) {
  /** Nothing read. */
  public static final QueryStatistics NONE = new QueryStatistics(0, 0, 0);

  /**
   * The sum of two.
   *
   * @param other the other statistics
   * @return the sum
   */
  public QueryStatistics plus(QueryStatistics other) {
    return new QueryStatistics(recordsMatched + other.recordsMatched, recordsScanned + other.recordsScanned,
        bytesScanned + other.bytesScanned);
  }
}
