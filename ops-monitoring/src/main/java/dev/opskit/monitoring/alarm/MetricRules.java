package dev.opskit.monitoring.alarm;

import dev.opskit.monitoring.internal.Check;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The metric rules CloudWatch applies to alarms and metric queries. */
final class MetricRules {
  static final int MAX_DIMENSIONS = 30;
  private static final Pattern STAT = Pattern.compile(
      "SampleCount|Average|Sum|Minimum|Maximum|IQM"
          + "|(p|tm|wm|tc|ts)(100|\\d{1,2}(\\.\\d{1,10})?)"
          + "|(TM|WM|TC|TS|PR)\\([^()]{1,40}\\)");
  private static final Pattern EXTENDED = Pattern.compile(
      "IQM|(p|tm|wm|tc|ts)(100|\\d{1,2}(\\.\\d{1,10})?)|(TM|WM|TC|TS|PR)\\([^()]{1,40}\\)");

  private MetricRules() {}

  static boolean isStat(String stat) {
    return STAT.matcher(stat).matches();
  }

  static boolean isExtendedStatistic(String stat) {
    return EXTENDED.matcher(stat).matches();
  }

  static void requireMetric(String prefix, @Nullable String namespace, @Nullable String metricName,
      @Nullable Map<String, String> dimensions) {
    Check.length(prefix + ".Namespace", namespace, 1, 255);
    Check.require(!namespace.startsWith(":"), prefix + ".Namespace", namespace, "not starting with ':'");
    Check.length(prefix + ".MetricName", metricName, 1, 255);
    Check.require(dimensions != null, prefix + ".Dimensions", null, "a map of dimension names to values (may be empty)");
    Check.require(dimensions.size() <= MAX_DIMENSIONS, prefix + ".Dimensions", dimensions.keySet(),
        "at most " + MAX_DIMENSIONS + " dimensions");
    dimensions.forEach((name, value) -> {
      Check.length(prefix + ".Dimensions.Name", name, 1, 255);
      Check.length(prefix + ".Dimensions." + name, value, 1, 1024);
    });
  }
}
