package dev.opskit.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and spreads of interleaved rounds. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** {@code min–max} of the values, formatted like the median. */
  static String range(List<Double> values, String format) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, format, sorted[0]) + "–" + String.format(Locale.ROOT, format, sorted[sorted.length - 1])
        + " (" + sorted.length + " rounds)";
  }

  static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** {@code text} split at each match of {@code regex} (trailing empty strings dropped, as String.split). */
  static String[] split(String text, String regex) {
    return java.util.regex.Pattern.compile(regex).split(text);
  }

  static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static String join(double[] values) {
    return Arrays.toString(values);
  }
}
