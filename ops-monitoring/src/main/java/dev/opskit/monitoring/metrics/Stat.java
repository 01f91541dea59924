package dev.opskit.monitoring.metrics;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The statistic of a metric series: one of CloudWatch's five standard statistics ({@code SampleCount},
 * {@code Average}, {@code Sum}, {@code Minimum}, {@code Maximum}) or a percentile {@code p0} to {@code p100}
 * (up to two decimals, such as {@code p99.9}).
 *
 * @param value the statistic as CloudWatch names it
 */
public record Stat(String value) {
  private static final List<String> STANDARD = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
  private static final Pattern PERCENTILE = Pattern.compile("p\\d{1,3}(\\.\\d{1,2})?");
  private static final String ALLOWED =
      "SampleCount, Average, Sum, Minimum, Maximum, or a percentile p0 to p100 with up to two decimals (p99.9)";

  /** The average. */
  public static final Stat AVERAGE = new Stat("Average");
  /** The sum. */
  public static final Stat SUM = new Stat("Sum");
  /** The least value. */
  public static final Stat MINIMUM = new Stat("Minimum");
  /** The greatest value. */
  public static final Stat MAXIMUM = new Stat("Maximum");
  /** The number of samples. */
  public static final Stat SAMPLE_COUNT = new Stat("SampleCount");


  /**
   * Validates; throws {@link ValidationException} for an unknown statistic or a percentile outside 0 to 100.
   *
   * @param value the statistic
   */
  public Stat {
    Checks.length("statistic", value, 1, 11);
    if (!STANDARD.contains(value)) {
      Checks.matches(PERCENTILE, "statistic", value, ALLOWED);
      BigDecimal p = new BigDecimal(value.substring(1));
      if (p.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw ValidationException.of("statistic", value, "a percentile from p0 to p100");
      }
    }
  }

  /**
   * Parses a statistic.
   *
   * @param value such as {@code Average} or {@code p99}
   * @return the statistic
   * @throws ValidationException for anything else
   */
  public static Stat of(String value) {
    return new Stat(value);
  }

  /**
   * A percentile.
   *
   * @param percent 0 to 100, at most two decimals are kept
   * @return the statistic, such as {@code p99}
   * @throws ValidationException when {@code percent} is outside 0 to 100 or not a number
   */
  public static Stat percentile(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw ValidationException.of("percentile", percent, "0 to 100");
    }
    BigDecimal p = BigDecimal.valueOf(percent).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return new Stat("p" + p.toPlainString());
  }

  /** {@return whether this is a percentile (GetMetricStatistics sends it as an extended statistic)} */
  public boolean isPercentile() {
    return !STANDARD.contains(value);
  }

  /** {@return the statistic as CloudWatch names it} */
  @Override
  public String toString() {
    return value;
  }
}
