package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * Maps definitions to SDK requests, and live SDK alarms to definitions: directly, field by field, on the read
 * path ({@link #definition(MetricAlarm)}), and to the definitions' JSON form where a diff needs it
 * ({@link #tree(MetricAlarm)}).
 */
final class SdkAlarms {
  private SdkAlarms() {}

  static PutMetricAlarmRequest putRequest(AlarmDefinition d, Map<String, String> tags) {
    PutMetricAlarmRequest.Builder b = PutMetricAlarmRequest.builder()
        .alarmName(d.name())
        .alarmDescription(d.description())
        .actionsEnabled(d.actionsEnabled())
        .okActions(texts(d.okActions()))
        .alarmActions(texts(d.alarmActions()))
        .insufficientDataActions(texts(d.insufficientDataActions()))
        .metricName(d.metricName())
        .namespace(d.namespace())
        .statistic(d.statistic())
        .extendedStatistic(d.extendedStatistic())
        .period(d.period() == null ? null : (int) d.period().toSeconds())
        .unit(d.unit())
        .evaluationPeriods(d.evaluationPeriods())
        .datapointsToAlarm(d.datapointsToAlarm())
        .threshold(d.threshold())
        .comparisonOperator(d.comparisonOperator())
        .treatMissingData(d.treatMissingData() == null ? null : d.treatMissingData().value())
        .evaluateLowSampleCountPercentile(d.evaluateLowSampleCountPercentile())
        .thresholdMetricId(d.thresholdMetricId());
    if (!d.dimensions().isEmpty()) {
      b.dimensions(dimensions(d.dimensions()));
    }
    if (!d.metrics().isEmpty()) {
      b.metrics(d.metrics().stream().map(SdkAlarms::query).collect(Collectors.toList()));
    }
    if (!tags.isEmpty()) {
      b.tags(tags(tags));
    }
    return b.build();
  }

  static PutCompositeAlarmRequest putRequest(CompositeAlarmDefinition c, Map<String, String> tags) {
    PutCompositeAlarmRequest.Builder b = PutCompositeAlarmRequest.builder()
        .alarmName(c.name())
        .alarmDescription(c.description())
        .actionsEnabled(c.actionsEnabled())
        .okActions(texts(c.okActions()))
        .alarmActions(texts(c.alarmActions()))
        .insufficientDataActions(texts(c.insufficientDataActions()))
        .alarmRule(c.alarmRule().expression());
    if (!tags.isEmpty()) {
      b.tags(tags(tags));
    }
    return b.build();
  }

  private static MetricDataQuery query(MetricQuery q) {
    MetricDataQuery.Builder b = MetricDataQuery.builder()
        .id(q.id())
        .expression(q.expression())
        .label(q.label())
        .returnData(q.returnData())
        .period(q.period() == null ? null : (int) q.period().toSeconds())
        .accountId(q.accountId());
    MetricStatistic s = q.metricStat();
    if (s != null) {
      b.metricStat(MetricStat.builder()
          .metric(Metric.builder().namespace(s.namespace()).metricName(s.metricName())
              .dimensions(dimensions(s.dimensions())).build())
          .period((int) s.period().toSeconds())
          .stat(s.stat())
          .unit(s.unit())
          .build());
    }
    return b.build();
  }

  private static List<Dimension> dimensions(Map<String, String> dims) {
    return dims.entrySet().stream().map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
        .collect(Collectors.toList());
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .collect(Collectors.toList());
  }

  private static List<String> texts(Collection<Arn> arns) {
    return arns.stream().map(Arn::toString).collect(Collectors.toList());
  }

  /** The live metric alarm in PutMetricAlarm's JSON shape. */
  static ObjectNode tree(MetricAlarm a) {
    ObjectNode n = common(a.alarmName(), a.alarmDescription(), a.actionsEnabled(), a.okActions(), a.alarmActions(),
        a.insufficientDataActions());
    put(n, "MetricName", a.metricName());
    put(n, "Namespace", a.namespace());
    put(n, "Statistic", a.statisticAsString());
    put(n, "ExtendedStatistic", a.extendedStatistic());
    if (!a.dimensions().isEmpty()) {
      n.set("Dimensions", dimensionsNode(a.dimensions()));
    }
    if (a.period() != null) {
      n.put("Period", a.period());
    }
    put(n, "Unit", a.unitAsString());
    if (a.evaluationPeriods() != null) {
      n.put("EvaluationPeriods", a.evaluationPeriods());
    }
    if (a.datapointsToAlarm() != null) {
      n.put("DatapointsToAlarm", a.datapointsToAlarm());
    }
    if (a.threshold() != null && a.thresholdMetricId() == null) {
      n.put("Threshold", a.threshold());
    }
    put(n, "ComparisonOperator", a.comparisonOperatorAsString());
    put(n, "TreatMissingData", a.treatMissingData());
    put(n, "EvaluateLowSampleCountPercentile", a.evaluateLowSampleCountPercentile());
    if (!a.metrics().isEmpty()) {
      ArrayNode metrics = n.putArray("Metrics");
      a.metrics().forEach(q -> metrics.add(queryNode(q)));
    }
    put(n, "ThresholdMetricId", a.thresholdMetricId());
    return n;
  }

  /** The live composite alarm in PutCompositeAlarm's JSON shape. */
  static ObjectNode tree(CompositeAlarm a) {
    ObjectNode n = common(a.alarmName(), a.alarmDescription(), a.actionsEnabled(), a.okActions(), a.alarmActions(),
        a.insufficientDataActions());
    put(n, "AlarmRule", a.alarmRule());
    return n;
  }

  /**
   * The live metric alarm as a definition, mapped without a JSON tree, or null when OpsKit's rules reject
   * it: the same definition as {@code definition(tree(a))}, and null exactly where that is null. So each
   * field is read as {@link #tree(MetricAlarm)} writes it and {@link AlarmJson#read} reads it back: empty
   * texts are absent, an unknown enum value or an action that is not an ARN rejects the alarm, the
   * threshold is left out beside a ThresholdMetricId.
   */
  static @Nullable AlarmSpec definition(MetricAlarm a) {
    try {
      return metricDefinition(a);
    } catch (ValidationException e) {
      return null;
    }
  }

  /** The live composite alarm as a definition, or null: the same as {@code definition(tree(a))}. */
  static @Nullable AlarmSpec definition(CompositeAlarm a) {
    try {
      String rule = text(a.alarmRule());
      // Without a rule, the JSON form reads as a metric alarm without EvaluationPeriods: rejected.
      if (a.alarmName() == null || rule == null) {
        return null;
      }
      CompositeAlarmDefinition.Builder b = CompositeAlarmDefinition.builder(a.alarmName());
      if (!common(b, a.alarmDescription(), a.actionsEnabled(), a.okActions(), a.alarmActions(),
          a.insufficientDataActions())) {
        return null;
      }
      return b.rule(AlarmRule.of(rule)).build();
    } catch (ValidationException e) {
      return null;
    }
  }

  private static @Nullable AlarmDefinition metricDefinition(MetricAlarm a) {
    Integer evaluationPeriods = a.evaluationPeriods();
    if (a.alarmName() == null || evaluationPeriods == null) {
      return null;
    }
    AlarmDefinition.Builder b = AlarmDefinition.builder(a.alarmName());
    if (!common(b, a.alarmDescription(), a.actionsEnabled(), a.okActions(), a.alarmActions(),
        a.insufficientDataActions())) {
      return null;
    }
    String namespace = text(a.namespace());
    String metricName = text(a.metricName());
    if (namespace != null || metricName != null) {
      if (namespace == null || metricName == null) {
        return null;
      }
      b.metric(namespace, metricName);
    }
    Map<String, String> dimensions = pairs(a.dimensions());
    if (dimensions == null) {
      return null;
    }
    b.dimensions(dimensions);
    String statistic = text(a.statisticAsString());
    if (statistic != null) {
      Statistic value = known(Statistic.fromValue(statistic));
      if (value == null) {
        return null;
      }
      b.statistic(value);
    }
    String extended = text(a.extendedStatistic());
    if (extended != null) {
      if (statistic != null) {
        return null;
      }
      b.extendedStatistic(extended);
    }
    if (a.period() != null) {
      b.period(Duration.ofSeconds(a.period()));
    }
    String unit = text(a.unitAsString());
    if (unit != null) {
      StandardUnit value = known(StandardUnit.fromValue(unit));
      if (value == null) {
        return null;
      }
      b.unit(value);
    }
    b.evaluationPeriods(evaluationPeriods);
    b.datapointsToAlarm(a.datapointsToAlarm());
    Double threshold = a.thresholdMetricId() == null ? a.threshold() : null;
    if (threshold != null) {
      if (!Double.isFinite(threshold)) {
        return null;
      }
      b.threshold(threshold);
    }
    String operator = text(a.comparisonOperatorAsString());
    if (operator != null) {
      ComparisonOperator value = known(ComparisonOperator.fromValue(operator));
      if (value == null) {
        return null;
      }
      b.comparisonOperator(value);
    }
    String treat = text(a.treatMissingData());
    if (treat != null) {
      b.treatMissingData(TreatMissingData.of(treat));
    }
    b.evaluateLowSampleCountPercentile(text(a.evaluateLowSampleCountPercentile()));
    for (MetricDataQuery q : a.metrics()) {
      MetricQuery query = query(q);
      if (query == null) {
        return null;
      }
      b.metricQuery(query);
    }
    String thresholdMetricId = text(a.thresholdMetricId());
    if (thresholdMetricId != null) {
      b.thresholdMetricId(thresholdMetricId);
    }
    return b.build();
  }

  private static @Nullable MetricQuery query(@Nullable MetricDataQuery q) {
    if (q == null || q.id() == null) {
      return null;
    }
    MetricStatistic stat = null;
    MetricStat s = q.metricStat();
    if (s != null) {
      Metric m = s.metric();
      if (m == null) {
        return null;
      }
      String namespace = text(m.namespace());
      String metricName = text(m.metricName());
      Map<String, String> dimensions = pairs(m.dimensions());
      String statText = text(s.stat());
      String unitText = text(s.unitAsString());
      StandardUnit unit = unitText == null ? null : known(StandardUnit.fromValue(unitText));
      if (namespace == null || metricName == null || dimensions == null || statText == null
          || (unitText != null && unit == null)) {
        return null;
      }
      stat = MetricStatistic.ofStat(namespace, metricName, dimensions,
          s.period() == null ? null : Duration.ofSeconds(s.period()), statText, unit);
    }
    return new MetricQuery(q.id(), stat, text(q.expression()), text(q.label()),
        q.returnData() == null || q.returnData(), q.period() == null ? null : Duration.ofSeconds(q.period()),
        text(q.accountId()));
  }

  /** The common fields; false when an action is not an ARN (the JSON form rejects it). */
  private static boolean common(AlarmBuilder<?> b, @Nullable String description, @Nullable Boolean actionsEnabled,
      List<String> ok, List<String> alarm, List<String> insufficient) {
    b.description(text(description));
    b.actionsEnabled(actionsEnabled == null || actionsEnabled);
    Arn[] okArns = arns(ok);
    Arn[] alarmArns = arns(alarm);
    Arn[] insufficientArns = arns(insufficient);
    if (okArns == null || alarmArns == null || insufficientArns == null) {
      return false;
    }
    b.okActions(okArns);
    b.alarmActions(alarmArns);
    b.insufficientDataActions(insufficientArns);
    return true;
  }

  /** The ARNs, or null when one is missing; an action that is not an ARN throws. */
  private static Arn @Nullable [] arns(@Nullable List<String> texts) {
    if (texts == null) {
      return new Arn[0];
    }
    Arn[] out = new Arn[texts.size()];
    for (int i = 0; i < out.length; i++) {
      String text = texts.get(i);
      if (text == null) {
        return null;
      }
      out[i] = Arn.parse(text);
    }
    return out;
  }

  /** Name/value pairs in order, a later name replacing an earlier one; null when a name or value is missing. */
  private static @Nullable Map<String, String> pairs(@Nullable List<Dimension> dimensions) {
    if (dimensions == null || dimensions.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Dimension d : dimensions) {
      if (d == null || d.name() == null || d.value() == null) {
        return null;
      }
      out.put(d.name(), d.value());
    }
    return out;
  }

  private static <E extends Enum<E>> @Nullable E known(@Nullable E value) {
    return value == null || "UNKNOWN_TO_SDK_VERSION".equals(value.name()) ? null : value;
  }

  /** A text as the JSON form keeps it: null when absent or empty. */
  private static @Nullable String text(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The live alarm (in its JSON form) as a definition, or null when OpsKit's rules reject it. */
  static @Nullable AlarmSpec definition(ObjectNode tree) {
    try {
      return AlarmJson.read(tree);
    } catch (ValidationException e) {
      return null;
    }
  }

  private static ObjectNode common(String name, @Nullable String description, @Nullable Boolean actionsEnabled,
      List<String> ok, List<String> alarm, List<String> insufficient) {
    ObjectNode n = Json.object();
    n.put("AlarmName", name);
    put(n, "AlarmDescription", description);
    n.put("ActionsEnabled", actionsEnabled == null || actionsEnabled);
    putTexts(n, "OKActions", ok);
    putTexts(n, "AlarmActions", alarm);
    putTexts(n, "InsufficientDataActions", insufficient);
    return n;
  }

  private static ObjectNode queryNode(MetricDataQuery q) {
    ObjectNode n = Json.object();
    n.put("Id", q.id());
    if (q.metricStat() != null) {
      ObjectNode stat = n.putObject("MetricStat");
      ObjectNode metric = stat.putObject("Metric");
      Metric m = q.metricStat().metric();
      put(metric, "Namespace", m.namespace());
      put(metric, "MetricName", m.metricName());
      if (!m.dimensions().isEmpty()) {
        metric.set("Dimensions", dimensionsNode(m.dimensions()));
      }
      if (q.metricStat().period() != null) {
        stat.put("Period", q.metricStat().period());
      }
      put(stat, "Stat", q.metricStat().stat());
      put(stat, "Unit", q.metricStat().unitAsString());
    }
    put(n, "Expression", q.expression());
    put(n, "Label", q.label());
    n.put("ReturnData", q.returnData() == null || q.returnData());
    if (q.period() != null) {
      n.put("Period", q.period());
    }
    put(n, "AccountId", q.accountId());
    return n;
  }

  private static ArrayNode dimensionsNode(List<Dimension> dims) {
    ArrayNode array = Json.array();
    dims.forEach(d -> array.addObject().put("Name", d.name()).put("Value", d.value()));
    return array;
  }

  private static void putTexts(ObjectNode n, String field, List<String> values) {
    if (values != null && !values.isEmpty()) {
      ArrayNode array = n.putArray(field);
      values.forEach(array::add);
    }
  }

  private static void put(ObjectNode n, String field, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      n.put(field, value);
    }
  }
}
