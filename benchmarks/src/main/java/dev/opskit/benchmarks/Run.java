package dev.opskit.benchmarks;

/**
 * How thoroughly to run: {@link #SMOKE} checks in seconds that every benchmark still runs (inside
 * {@code mvn verify}); {@link #FULL} is the real measurement.
 *
 * @param smoke whether this is the smoke pass
 */
public record Run(boolean smoke) {
  /** The smoke pass. */
  public static final Run SMOKE = new Run(true);
  /** The full run. */
  public static final Run FULL = new Run(false);

  /**
   * One size for the smoke pass, another for the full run.
   *
   * @param smokeValue in the smoke pass
   * @param fullValue in the full run
   * @return the one that applies
   */
  public int pick(int smokeValue, int fullValue) {
    return smoke ? smokeValue : fullValue;
  }
}
