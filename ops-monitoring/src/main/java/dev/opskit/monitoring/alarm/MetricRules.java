package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.Checks;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The metric rules CloudWatch applies to alarms and metric queries. */
final class MetricRules {
  static final int MAX_DIMENSIONS = 30;
  private static final Pattern EXTENDED = Pattern.compile(
      "IQM|(p|tm|wm|tc|ts)(100|\\d{1,2}(\\.\\d{1,10})?)|(TM|WM|TC|TS|PR)\\([^()]{1,40}\\)");

  private MetricRules() {}

  static boolean isExtendedStatistic(String stat) {
    return EXTENDED.matcher(stat).matches();
  }

  static void requireMetric(String prefix, @Nullable String namespace, @Nullable String metricName,
      @Nullable Map<String, String> dimensions) {
    if (isMetric(namespace, metricName, dimensions)) {
      return;
    }
    // Only a metric that breaks a rule gets here: the field names are made for the message alone.
    String checkedNamespace = Checks.length(prefix + ".Namespace", namespace, 1, 255);
    Checks.require(!checkedNamespace.startsWith(":"), prefix + ".Namespace", namespace, "not starting with ':'");
    Checks.length(prefix + ".MetricName", metricName, 1, 255);
    Checks.require(dimensions != null, prefix + ".Dimensions", null, "a map of dimension names to values (may be empty)");
    Checks.require(dimensions.size() <= MAX_DIMENSIONS, prefix + ".Dimensions", dimensions.keySet(),
        "at most " + MAX_DIMENSIONS + " dimensions");
    dimensions.forEach((name, value) -> {
      Checks.length(prefix + ".Dimensions.Name", name, 1, 255);
      Checks.length(prefix + ".Dimensions." + name, value, 1, 1024);
    });
  }

  /** The rules of {@link #requireMetric}, without naming a field: true when every one holds. */
  private static boolean isMetric(@Nullable String namespace, @Nullable String metricName,
      @Nullable Map<String, String> dimensions) {
    if (!Checks.hasLength(namespace, 1, 255) || namespace.startsWith(":") || !Checks.hasLength(metricName, 1, 255)
        || dimensions == null || dimensions.size() > MAX_DIMENSIONS) {
      return false;
    }
    for (Map.Entry<String, String> d : dimensions.entrySet()) {
      if (!Checks.hasLength(d.getKey(), 1, 255) || !Checks.hasLength(d.getValue(), 1, 1024)) {
        return false;
      }
    }
    return true;
  }
}
