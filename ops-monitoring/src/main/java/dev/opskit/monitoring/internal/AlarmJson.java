package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.internal.JsonFields;
import dev.opskit.core.value.Arn;
import dev.opskit.monitoring.alarm.AlarmBuilder;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmRule;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.MetricQuery;
import dev.opskit.monitoring.alarm.MetricStatistic;
import dev.opskit.monitoring.alarm.TreatMissingData;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The JSON form of alarms, with the field names of PutMetricAlarm and PutCompositeAlarm, so the guide's
 * alarm blocks load as they are.
 */
public final class AlarmJson {
  private static final Set<String> COMMON = Set.of("AlarmName", "AlarmDescription", "ActionsEnabled", "OKActions",
      "AlarmActions", "InsufficientDataActions", "Tags");
  private static final Set<String> METRIC_FIELDS = union(COMMON, Set.of("MetricName", "Namespace", "Statistic",
      "ExtendedStatistic", "Dimensions", "Period", "Unit", "EvaluationPeriods", "DatapointsToAlarm", "Threshold",
      "ComparisonOperator", "TreatMissingData", "EvaluateLowSampleCountPercentile", "Metrics", "ThresholdMetricId"));
  private static final Set<String> COMPOSITE_FIELDS = union(COMMON, Set.of("AlarmRule"));
  private static final Set<String> QUERY_FIELDS =
      Set.of("Id", "MetricStat", "Expression", "Label", "ReturnData", "Period", "AccountId");

  private AlarmJson() {}

  /**
   * Reads a metric or composite alarm.
   *
   * @param json the JSON object
   * @return the definition
   */
  public static AlarmSpec read(String json) {
    return read(JsonFields.parse(json, "alarm JSON").node());
  }

  /**
   * Reads a metric or composite alarm from a JSON tree.
   *
   * @param node the JSON object
   * @return the definition
   */
  static AlarmSpec read(JsonNode node) {
    JsonFields f = JsonFields.of(node, "alarm JSON", "");
    if (f.has("AlarmRule")) {
      f.onlyKnown(COMPOSITE_FIELDS);
      CompositeAlarmDefinition.Builder b = CompositeAlarmDefinition.builder(f.requiredText("AlarmName"));
      readCommon(f, b);
      return b.rule(AlarmRule.of(f.requiredText("AlarmRule"))).build();
    }
    f.onlyKnown(METRIC_FIELDS);
    AlarmDefinition.Builder b = AlarmDefinition.builder(f.requiredText("AlarmName"));
    readCommon(f, b);
    if (f.has("Namespace") || f.has("MetricName")) {
      b.metric(f.requiredText("Namespace"), f.requiredText("MetricName"));
    }
    b.dimensions(f.pairs("Dimensions", "Name", "Value"));
    String statistic = f.text("Statistic");
    if (statistic != null) {
      b.statistic(enumValue("Statistic", statistic, Statistic.fromValue(statistic)));
    }
    String extended = f.text("ExtendedStatistic");
    if (extended != null) {
      if (statistic != null) {
        throw ValidationException.of("Statistic", statistic + "/" + extended,
            "exactly one of Statistic and ExtendedStatistic (a percentile such as p99)");
      }
      b.extendedStatistic(extended);
    }
    Integer period = f.integer("Period");
    if (period != null) {
      b.period(Duration.ofSeconds(period));
    }
    String unit = f.text("Unit");
    if (unit != null) {
      b.unit(enumValue("Unit", unit, StandardUnit.fromValue(unit)));
    }
    Integer evaluationPeriods = f.integer("EvaluationPeriods");
    if (evaluationPeriods == null) {
      throw ValidationException.of("EvaluationPeriods", null, "a whole number of at least 1 (required)");
    }
    b.evaluationPeriods(evaluationPeriods);
    b.datapointsToAlarm(f.integer("DatapointsToAlarm"));
    Double threshold = f.number("Threshold");
    if (threshold != null) {
      b.threshold(threshold);
    }
    String operator = f.text("ComparisonOperator");
    if (operator != null) {
      b.comparisonOperator(enumValue("ComparisonOperator", operator, ComparisonOperator.fromValue(operator)));
    }
    String treat = f.text("TreatMissingData");
    if (treat != null) {
      b.treatMissingData(TreatMissingData.of(treat));
    }
    b.evaluateLowSampleCountPercentile(f.text("EvaluateLowSampleCountPercentile"));
    for (JsonNode q : f.array("Metrics")) {
      b.metricQuery(readQuery(JsonFields.of(q, "Metrics", "Metrics.")));
    }
    String thresholdMetricId = f.text("ThresholdMetricId");
    if (thresholdMetricId != null) {
      if (threshold != null) {
        throw ValidationException.of("Threshold", threshold, "no Threshold together with ThresholdMetricId");
      }
      b.thresholdMetricId(thresholdMetricId);
    }
    return b.build();
  }

  private static void readCommon(JsonFields f, AlarmBuilder<?> b) {
    b.description(f.text("AlarmDescription"));
    Boolean enabled = f.bool("ActionsEnabled");
    b.actionsEnabled(enabled == null || enabled);
    b.okActions(arns(f, "OKActions"));
    b.alarmActions(arns(f, "AlarmActions"));
    b.insufficientDataActions(arns(f, "InsufficientDataActions"));
    b.tags(f.pairs("Tags", "Key", "Value"));
  }

  private static Arn[] arns(JsonFields f, String field) {
    return f.texts(field).stream().map(text -> {
      try {
        return Arn.parse(text);
      } catch (ValidationException e) {
        throw ValidationException.of(field, text, "ARNs, such as arn:aws:sns:us-east-1:123456789012:critical-alerts");
      }
    }).toArray(Arn[]::new);
  }

  private static MetricQuery readQuery(JsonFields q) {
    q.onlyKnown(QUERY_FIELDS);
    MetricStatistic stat = null;
    if (q.has("MetricStat")) {
      JsonFields s = JsonFields.of(q.node().get("MetricStat"), "MetricStat", "Metrics.MetricStat.");
      s.onlyKnown(Set.of("Metric", "Period", "Stat", "Unit"));
      JsonFields m = JsonFields.of(s.node().get("Metric"), "Metric", "Metrics.MetricStat.Metric.");
      m.onlyKnown(Set.of("Namespace", "MetricName", "Dimensions"));
      Integer period = s.integer("Period");
      String unit = s.text("Unit");
      stat = MetricStatistic.ofStat(m.requiredText("Namespace"), m.requiredText("MetricName"),
          m.pairs("Dimensions", "Name", "Value"), period == null ? null : Duration.ofSeconds(period),
          s.requiredText("Stat"), unit == null ? null : enumValue("Unit", unit, StandardUnit.fromValue(unit)));
    }
    Integer period = q.integer("Period");
    Boolean returnData = q.bool("ReturnData");
    return new MetricQuery(q.requiredText("Id"), stat, q.text("Expression"), q.text("Label"),
        returnData == null || returnData, period == null ? null : Duration.ofSeconds(period), q.text("AccountId"));
  }

  private static <E extends Enum<E>> E enumValue(String field, String text, E value) {
    if (value == null || "UNKNOWN_TO_SDK_VERSION".equals(value.name())) {
      throw ValidationException.of(field, text, "one of " + allowed(value));
    }
    return value;
  }

  private static String allowed(@Nullable Enum<?> value) {
    Class<?> type = value != null ? value.getDeclaringClass() : null;
    if (type == null) {
      return "the values AWS documents";
    }
    StringBuilder sb = new StringBuilder();
    for (Object c : type.getEnumConstants()) {
      if (!"UNKNOWN_TO_SDK_VERSION".equals(((Enum<?>) c).name())) {
        sb.append(sb.length() == 0 ? "" : ", ").append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The JSON tree of a definition.
   *
   * @param spec the definition
   * @return a new JSON object
   */
  static ObjectNode tree(AlarmSpec spec) {
    ObjectNode n = Json.object();
    n.put("AlarmName", spec.name());
    putIfPresent(n, "AlarmDescription", spec.description());
    n.put("ActionsEnabled", spec.actionsEnabled());
    putArns(n, "OKActions", spec.okActions());
    putArns(n, "AlarmActions", spec.alarmActions());
    putArns(n, "InsufficientDataActions", spec.insufficientDataActions());
    if (spec instanceof CompositeAlarmDefinition c) {
      n.put("AlarmRule", c.alarmRule().expression());
    } else if (spec instanceof AlarmDefinition d) {
      metricFields(n, d);
    }
    if (!spec.tags().isEmpty()) {
      n.set("Tags", JsonFields.pairsNode(spec.tags(), "Key", "Value"));
    }
    return n;
  }

  private static void metricFields(ObjectNode n, AlarmDefinition d) {
    putIfPresent(n, "MetricName", d.metricName());
    putIfPresent(n, "Namespace", d.namespace());
    putIfPresent(n, "Statistic", d.statistic() == null ? null : d.statistic().toString());
    putIfPresent(n, "ExtendedStatistic", d.extendedStatistic());
    if (!d.dimensions().isEmpty()) {
      n.set("Dimensions", JsonFields.pairsNode(d.dimensions(), "Name", "Value"));
    }
    if (d.period() != null) {
      n.put("Period", d.period().toSeconds());
    }
    putIfPresent(n, "Unit", d.unit() == null ? null : d.unit().toString());
    n.put("EvaluationPeriods", d.evaluationPeriods());
    if (d.datapointsToAlarm() != null) {
      n.put("DatapointsToAlarm", d.datapointsToAlarm());
    }
    if (d.threshold() != null) {
      n.put("Threshold", d.threshold());
    }
    n.put("ComparisonOperator", d.comparisonOperator().toString());
    putIfPresent(n, "TreatMissingData", d.treatMissingData() == null ? null : d.treatMissingData().value());
    putIfPresent(n, "EvaluateLowSampleCountPercentile", d.evaluateLowSampleCountPercentile());
    if (!d.metrics().isEmpty()) {
      ArrayNode metrics = n.putArray("Metrics");
      d.metrics().forEach(q -> metrics.add(queryNode(q)));
    }
    putIfPresent(n, "ThresholdMetricId", d.thresholdMetricId());
  }

  private static ObjectNode queryNode(MetricQuery q) {
    ObjectNode n = Json.object();
    n.put("Id", q.id());
    MetricStatistic s = q.metricStat();
    if (s != null) {
      ObjectNode stat = n.putObject("MetricStat");
      ObjectNode metric = stat.putObject("Metric");
      metric.put("Namespace", s.namespace());
      metric.put("MetricName", s.metricName());
      if (!s.dimensions().isEmpty()) {
        metric.set("Dimensions", JsonFields.pairsNode(s.dimensions(), "Name", "Value"));
      }
      stat.put("Period", s.period().toSeconds());
      stat.put("Stat", s.stat());
      putIfPresent(stat, "Unit", s.unit() == null ? null : s.unit().toString());
    }
    putIfPresent(n, "Expression", q.expression());
    putIfPresent(n, "Label", q.label());
    n.put("ReturnData", q.returnData());
    if (q.period() != null) {
      n.put("Period", q.period().toSeconds());
    }
    putIfPresent(n, "AccountId", q.accountId());
    return n;
  }

  /**
   * Pretty-printed JSON of a definition.
   *
   * @param spec the definition
   * @return the JSON
   */
  public static String write(AlarmSpec spec) {
    return Json.writePretty(tree(spec));
  }

  /**
   * One-line JSON of a definition.
   *
   * @param spec the definition
   * @return the JSON
   */
  public static String writeCompact(AlarmSpec spec) {
    return tree(spec).toString();
  }

  private static void putIfPresent(ObjectNode n, String field, @Nullable String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static void putArns(ObjectNode n, String field, Collection<Arn> arns) {
    if (!arns.isEmpty()) {
      ArrayNode array = n.putArray(field);
      arns.forEach(a -> array.add(a.toString()));
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> out = new java.util.TreeSet<>(a);
    out.addAll(b);
    return java.util.Collections.unmodifiableSet(out);
  }
}
