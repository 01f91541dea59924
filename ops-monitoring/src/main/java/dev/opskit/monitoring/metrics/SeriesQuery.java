package dev.opskit.monitoring.metrics;

import dev.opskit.core.value.Checks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One metric series to read: either a metric (namespace, name, dimensions, statistic, period) or a
 * metric-math expression over other queries' ids, such as {@code errors / invocations * 100}.
 *
 * <pre>{@code
 * SeriesQuery errors = SeriesQuery.metric("AWS/Lambda", "Errors", Stat.SUM, Duration.ofMinutes(5),
 *     Map.of("FunctionName", "api-handler")).withId("errors");
 * SeriesQuery calls = SeriesQuery.metric("AWS/Lambda", "Invocations", Stat.SUM, Duration.ofMinutes(5),
 *     Map.of("FunctionName", "api-handler")).withId("calls");
 * SeriesQuery rate = SeriesQuery.expression("rate", "100 * errors / calls", Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>An id is optional for a metric (one is generated, matching {@code ^[a-z][a-zA-Z0-9_]*$}); give one to
 * refer to the series from an expression. A value: records compare by content.
 *
 * @param id the query id, or null to have one generated
 * @param namespace the metric namespace, such as {@code AWS/Lambda} (null for an expression)
 * @param metricName the metric name (null for an expression)
 * @param dimensions the dimensions, name to value, in order (empty for an expression)
 * @param stat the statistic (null for an expression)
 * @param period the period: 1, 5, 10, 30 seconds or a multiple of 60 seconds
 * @param unit the unit to ask for, such as {@code Milliseconds}, or null for any
 * @param expression the metric-math expression (null for a metric)
 * @param label a label for the series, or null for CloudWatch's
 * @param returnData whether the series is returned (false for an expression's helper metric)
 */
public record SeriesQuery(
    @Nullable String id,
    @Nullable String namespace,
    @Nullable String metricName,
    Map<String, String> dimensions,
    @Nullable Stat stat,
    Duration period,
    @Nullable String unit,
    @Nullable String expression,
    @Nullable String label,
    boolean returnData) {

  /** The rule an id must follow (GetMetricData's). */
  public static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

  private static final Pattern NAMESPACE = Pattern.compile("[^:].*", Pattern.DOTALL);

  /**
   * Validates every part; throws {@link dev.opskit.core.ValidationException} naming the part.
   *
   * @param id the query id
   * @param namespace the namespace
   * @param metricName the metric name
   * @param dimensions the dimensions
   * @param stat the statistic
   * @param period the period
   * @param unit the unit
   * @param expression the expression
   * @param label the label
   * @param returnData whether returned
   */
  public SeriesQuery {
    if (id != null) {
      Checks.matches(ID, "id", Checks.length("id", id, 1, 255),
          "a lowercase letter then letters, digits or '_' (^[a-z][a-zA-Z0-9_]*$)");
    }
    Checks.present("period", period, "a period");
    long seconds = period.toSeconds();
    Checks.require(seconds > 0 && period.equals(Duration.ofSeconds(seconds)) && seconds <= 86_400 * 365
        && (seconds % 60 == 0 || seconds == 1 || seconds == 5 || seconds == 10 || seconds == 30),
        "period", period, "1, 5, 10 or 30 seconds, or a multiple of 60 seconds");
    if (expression != null) {
      Checks.length("expression", expression, 1, 2048);
      Checks.require(expression.strip().length() > 0, "expression", expression, "a non-blank expression");
      Checks.require(namespace == null && metricName == null && stat == null, "expression", expression,
          "either an expression or a metric, not both");
      dimensions = Map.of();
    } else {
      Checks.matches(NAMESPACE, "namespace", Checks.length("namespace", namespace, 1, 255),
          "1 to 255 characters, not starting with ':'");
      Checks.length("metricName", metricName, 1, 255);
      Checks.present("stat", stat, "a statistic");
      Map<String, String> dims = Checks.map("dimensions", dimensions == null ? Map.of() : dimensions,
          "dimension names and values");
      Checks.require(dims.size() <= 30, "dimensions", dims.size(), "at most 30 dimensions");
      dims.forEach((k, v) -> {
        Checks.length("dimensions.name", k, 1, 255);
        Checks.length("dimensions." + k, v, 1, 1024);
      });
      dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dims));
    }
    if (unit != null) {
      Checks.length("unit", unit, 1, 32);
    }
    if (label != null) {
      Checks.length("label", label, 1, 1024);
    }
  }

  /**
   * A metric series.
   *
   * @param namespace such as {@code AWS/Lambda}
   * @param metricName such as {@code Duration}
   * @param stat the statistic
   * @param period the period
   * @param dimensions name to value, such as {@code FunctionName=api-handler}
   * @return the query, with a generated id
   * @throws dev.opskit.core.ValidationException for a bad part
   */
  public static SeriesQuery metric(
      String namespace, String metricName, Stat stat, Duration period, Map<String, String> dimensions) {
    return new SeriesQuery(null, namespace, metricName, dimensions, stat, period, null, null, null, true);
  }

  /**
   * A metric-math expression.
   *
   * @param id the id of the expression's series
   * @param expression such as {@code 100 * errors / calls}, referring to other queries by id
   * @param period the period
   * @return the query
   * @throws dev.opskit.core.ValidationException for a bad id, expression or period
   */
  public static SeriesQuery expression(String id, String expression, Duration period) {
    return new SeriesQuery(Checks.present("id", id, "an id for the expression"), null, null, Map.of(), null, period,
        null, expression, null, true);
  }

  /** {@return whether this is a metric-math expression} */
  public boolean isExpression() {
    return expression != null;
  }

  /**
   * This query with an id.
   *
   * @param value the id, matching {@code ^[a-z][a-zA-Z0-9_]*$}
   * @return the new query
   */
  public SeriesQuery withId(String value) {
    return new SeriesQuery(Checks.present("id", value, "an id"), namespace, metricName, dimensions, stat, period, unit,
        expression, label, returnData);
  }

  /**
   * This query with a label.
   *
   * @param value the label
   * @return the new query
   */
  public SeriesQuery withLabel(String value) {
    return new SeriesQuery(id, namespace, metricName, dimensions, stat, period, unit, expression,
        Checks.present("label", value, "a label"), returnData);
  }

  /**
   * This query asking for a unit.
   *
   * @param value the unit, such as {@code Milliseconds}
   * @return the new query
   */
  public SeriesQuery withUnit(String value) {
    return new SeriesQuery(id, namespace, metricName, dimensions, stat, period, Checks.present("unit", value, "a unit"),
        expression, label, returnData);
  }

  /**
   * This query, returned or not.
   *
   * @param value false for a series only an expression uses
   * @return the new query
   */
  public SeriesQuery withReturnData(boolean value) {
    return new SeriesQuery(id, namespace, metricName, dimensions, stat, period, unit, expression, label, value);
  }

  /** {@code AWS/Lambda Duration FunctionName=api-handler Average 3600s}, or the expression. */
  @Override
  public String toString() {
    String body = expression != null ? expression
        : namespace + " " + metricName + (dimensions.isEmpty() ? "" : " " + dimensions) + " " + stat;
    return (id == null ? "" : id + ": ") + body + " " + period.toSeconds() + "s";
  }

  /**
   * The text used to tell two queries apart in messages.
   *
   * @return the id, or the description
   */
  public String describe() {
    return Objects.requireNonNullElse(id, toString());
  }
}
