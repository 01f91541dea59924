package dev.opskit.benchmarks;

/**
 * One row of the table: a target, what was measured against it, and whether it holds.
 *
 * @param number the target's number in issue 11 (1 to 8)
 * @param target what must hold
 * @param measured the figure: a ratio or count, with what it compares
 * @param spread how much it varied between interleaved rounds (or {@code -} when it is a count)
 * @param pass whether the target holds
 */
public record Row(int number, String target, String measured, String spread, boolean pass) {

  /**
   * A row for a target that could not be measured in this run: it fails, with why.
   *
   * @param number the target's number
   * @param target what must hold
   * @param why what went wrong
   * @return the row
   */
  public static Row failed(int number, String target, String why) {
    return new Row(number, target, "not measured: " + why, "-", false);
  }
}
