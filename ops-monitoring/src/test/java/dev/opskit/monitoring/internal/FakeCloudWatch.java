package dev.opskit.monitoring.internal;

import dev.opskit.monitoring.alarm.AlarmRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.paginators.DescribeAlarmsIterable;

/**
 * A stateful in-memory CloudWatch implementing the calls OpsKit's alarms make, answering as AWS does:
 * DescribeAlarms pages by {@code MaxRecords} with a NextToken, echoes {@code TreatMissingData=missing}
 * when none was set, ignores tags on update, and keeps tags only from the create.
 */
final class FakeCloudWatch implements CloudWatchClient {
  static final String ARN_PREFIX = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";

  final Map<String, MetricAlarm> metricAlarms = new TreeMap<>();
  final Map<String, CompositeAlarm> compositeAlarms = new TreeMap<>();
  final Map<String, List<Tag>> tags = new HashMap<>();
  final Map<String, AtomicInteger> calls = new TreeMap<>();

  private void count(String operation) {
    calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
  }

  int calls(String operation) {
    AtomicInteger n = calls.get(operation);
    return n == null ? 0 : n.get();
  }

  int mutations() {
    return calls("PutMetricAlarm") + calls("PutCompositeAlarm") + calls("DeleteAlarms") + calls("SetAlarmState")
        + calls("EnableAlarmActions") + calls("DisableAlarmActions");
  }

  private String failPutOf;

  /** Makes PutMetricAlarm of this alarm fail as AWS would on an internal error (null: never). */
  void failPutOf(String alarmName) {
    this.failPutOf = alarmName;
  }

  @Override
  public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest r) {
    count("PutMetricAlarm");
    if (r.alarmName().equals(failPutOf)) {
      throw software.amazon.awssdk.services.cloudwatch.model.CloudWatchException.builder().statusCode(500)
          .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
              .errorCode("InternalServiceError").errorMessage("internal error").build())
          .build();
    }
    MetricAlarm existing = metricAlarms.get(r.alarmName());
    metricAlarms.put(r.alarmName(), MetricAlarm.builder()
        .alarmName(r.alarmName()).alarmArn(ARN_PREFIX + r.alarmName())
        .alarmDescription(r.alarmDescription()).actionsEnabled(r.actionsEnabled() == null || r.actionsEnabled())
        .okActions(r.okActions()).alarmActions(r.alarmActions()).insufficientDataActions(r.insufficientDataActions())
        .metricName(r.metricName()).namespace(r.namespace()).statistic(r.statistic())
        .extendedStatistic(r.extendedStatistic()).dimensions(r.dimensions()).period(r.period()).unit(r.unit())
        .evaluationPeriods(r.evaluationPeriods()).datapointsToAlarm(r.datapointsToAlarm()).threshold(r.threshold())
        .comparisonOperator(r.comparisonOperator())
        .treatMissingData(r.treatMissingData() == null ? "missing" : r.treatMissingData())
        .evaluateLowSampleCountPercentile(r.evaluateLowSampleCountPercentile()).metrics(r.metrics())
        .thresholdMetricId(r.thresholdMetricId())
        .stateValue(existing == null ? StateValue.INSUFFICIENT_DATA : existing.stateValue())
        .stateReason(existing == null ? "Unchecked: Initial alarm creation" : existing.stateReason())
        .build());
    if (existing == null) {
      tags.put(ARN_PREFIX + r.alarmName(), r.tags());
    }
    return PutMetricAlarmResponse.builder().build();
  }

  @Override
  public PutCompositeAlarmResponse putCompositeAlarm(PutCompositeAlarmRequest r) {
    count("PutCompositeAlarm");
    List<String> missing = AlarmRule.of(r.alarmRule()).alarmNames().stream()
        .filter(n -> !metricAlarms.containsKey(n) && !compositeAlarms.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw validationError("Could not save the composite alarm as alarms " + missing + " in the alarm rule do not exist");
    }
    boolean created = !compositeAlarms.containsKey(r.alarmName());
    compositeAlarms.put(r.alarmName(), CompositeAlarm.builder()
        .alarmName(r.alarmName()).alarmArn(ARN_PREFIX + r.alarmName()).alarmDescription(r.alarmDescription())
        .actionsEnabled(r.actionsEnabled() == null || r.actionsEnabled()).okActions(r.okActions())
        .alarmActions(r.alarmActions()).insufficientDataActions(r.insufficientDataActions()).alarmRule(r.alarmRule())
        .stateValue(StateValue.INSUFFICIENT_DATA).build());
    if (created) {
      tags.put(ARN_PREFIX + r.alarmName(), r.tags());
    }
    return PutCompositeAlarmResponse.builder().build();
  }

  private static CloudWatchException validationError(String message) {
    return (CloudWatchException) CloudWatchException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationError").errorMessage(message).build())
        .build();
  }

  @Override
  public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest r) {
    count("DeleteAlarms");
    if (r.alarmNames().size() > 100) {
      throw new IllegalArgumentException("AWS takes at most 100 names, got " + r.alarmNames().size());
    }
    List<String> needed = r.alarmNames().stream().filter(n -> compositeAlarms.entrySet().stream()
        .anyMatch(c -> !r.alarmNames().contains(c.getKey())
            && AlarmRule.of(c.getValue().alarmRule()).alarmNames().contains(n))).toList();
    if (!needed.isEmpty()) {
      throw validationError("Cannot delete " + String.join(",", needed)
          + " as there are composite alarm(s) depending on them.");
    }
    r.alarmNames().forEach(n -> {
      metricAlarms.remove(n);
      compositeAlarms.remove(n);
      tags.remove(ARN_PREFIX + n);
    });
    return DeleteAlarmsResponse.builder().build();
  }

  @Override
  public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest r) {
    count("DescribeAlarms");
    List<Object> all = new ArrayList<>();
    boolean metric = r.alarmTypes().isEmpty() || r.alarmTypes().contains(AlarmType.METRIC_ALARM);
    boolean composite = r.alarmTypes().contains(AlarmType.COMPOSITE_ALARM);
    if (metric) {
      metricAlarms.values().stream().filter(a -> r.alarmNames().isEmpty() || r.alarmNames().contains(a.alarmName()))
          .forEach(all::add);
    }
    if (composite) {
      compositeAlarms.values().stream().filter(a -> r.alarmNames().isEmpty() || r.alarmNames().contains(a.alarmName()))
          .forEach(all::add);
    }
    int size = r.maxRecords() == null ? 50 : r.maxRecords();
    int start = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
    List<Object> page = all.subList(start, Math.min(all.size(), start + size));
    DescribeAlarmsResponse.Builder b = DescribeAlarmsResponse.builder()
        .metricAlarms(page.stream().filter(MetricAlarm.class::isInstance).map(MetricAlarm.class::cast).toList())
        .compositeAlarms(page.stream().filter(CompositeAlarm.class::isInstance).map(CompositeAlarm.class::cast).toList());
    if (start + size < all.size()) {
      b.nextToken(String.valueOf(start + size));
    }
    return b.build();
  }

  @Override
  public DescribeAlarmsIterable describeAlarmsPaginator(DescribeAlarmsRequest r) {
    return new DescribeAlarmsIterable(this, r);
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    count("ListTagsForResource");
    return ListTagsForResourceResponse.builder().tags(tags.getOrDefault(r.resourceARN(), List.of())).build();
  }

  @Override
  public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest r) {
    count("SetAlarmState");
    MetricAlarm a = metricAlarms.get(r.alarmName());
    if (a == null) {
      throw ResourceNotFoundException.builder().message("Alarm " + r.alarmName() + " not found").statusCode(404)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFound")
              .errorMessage("Alarm " + r.alarmName() + " not found").build())
          .build();
    }
    metricAlarms.put(r.alarmName(), a.toBuilder().stateValue(r.stateValue()).stateReason(r.stateReason()).build());
    return SetAlarmStateResponse.builder().build();
  }

  @Override
  public DisableAlarmActionsResponse disableAlarmActions(DisableAlarmActionsRequest r) {
    count("DisableAlarmActions");
    r.alarmNames().forEach(n -> metricAlarms.computeIfPresent(n, (k, a) -> a.toBuilder().actionsEnabled(false).build()));
    return DisableAlarmActionsResponse.builder().build();
  }

  @Override
  public EnableAlarmActionsResponse enableAlarmActions(EnableAlarmActionsRequest r) {
    count("EnableAlarmActions");
    r.alarmNames().forEach(n -> metricAlarms.computeIfPresent(n, (k, a) -> a.toBuilder().actionsEnabled(true).build()));
    return EnableAlarmActionsResponse.builder().build();
  }

  @Override
  public String serviceName() {
    return "cloudwatch";
  }

  @Override
  public void close() {}
}
