package dev.opskit.monitoring.internal;

import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Arn;
import dev.opskit.monitoring.alarm.AlarmDefinition;
import dev.opskit.monitoring.alarm.AlarmSpec;
import dev.opskit.monitoring.alarm.CompositeAlarmDefinition;
import dev.opskit.monitoring.alarm.MetricQuery;
import dev.opskit.monitoring.alarm.MetricStatistic;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Maps definitions to SDK requests, and live SDK alarms to the definitions' JSON form. */
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

  /** The live alarm as a definition, or null when OpsKit's rules reject it. */
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
