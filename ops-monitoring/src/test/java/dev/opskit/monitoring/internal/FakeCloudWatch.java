package dev.opskit.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
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
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * The in-memory CloudWatch of the fakes, counting calls and failing on request, for the unit tests of
 * {@link AlarmsImpl}: what it answers is {@link InMemoryCloudWatch}'s, so these tests and the published
 * fakes rest on one emulation.
 */
final class FakeCloudWatch extends InMemoryCloudWatch {
  static final String ARN_PREFIX = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";

  private final Map<String, AtomicInteger> calls = new TreeMap<>();
  private @Nullable String failPutOf;
  private @Nullable String failDeleteOf;

  FakeCloudWatch() {
    super(Region.US_EAST_1, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
  }

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

  /** Makes PutMetricAlarm of this alarm fail as AWS would on an internal error (null: never). */
  void failPutOf(@Nullable String alarmName) {
    this.failPutOf = alarmName;
  }

  /** Makes a DeleteAlarms naming this alarm fail as AWS would on an internal error (null: never). */
  void failDeleteOf(@Nullable String alarmName) {
    this.failDeleteOf = alarmName;
  }

  /** The live metric alarms by name, read without counting. */
  Map<String, MetricAlarm> metricAlarms() {
    DescribeAlarmsResponse all = super.describeAlarms(DescribeAlarmsRequest.builder().maxRecords(100)
        .alarmTypes(AlarmType.METRIC_ALARM).build());
    Map<String, MetricAlarm> out = new TreeMap<>();
    all.metricAlarms().forEach(a -> out.put(a.alarmName(), a));
    String token = all.nextToken();
    while (token != null) {
      DescribeAlarmsResponse page = super.describeAlarms(DescribeAlarmsRequest.builder().maxRecords(100)
          .alarmTypes(AlarmType.METRIC_ALARM).nextToken(token).build());
      page.metricAlarms().forEach(a -> out.put(a.alarmName(), a));
      token = page.nextToken();
    }
    return out;
  }

  /** The tags of an alarm, read without counting. */
  Map<String, String> tagsOf(String alarmName) {
    return super.listTagsForResource(ListTagsForResourceRequest.builder().resourceARN(ARN_PREFIX + alarmName).build())
        .tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private static CloudWatchException internalError() {
    return (CloudWatchException) CloudWatchException.builder().statusCode(500)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServiceError").errorMessage("internal error").build())
        .build();
  }

  @Override
  public synchronized PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest r) {
    count("PutMetricAlarm");
    if (r.alarmName().equals(failPutOf)) {
      throw internalError();
    }
    return super.putMetricAlarm(r);
  }

  @Override
  public synchronized PutCompositeAlarmResponse putCompositeAlarm(PutCompositeAlarmRequest r) {
    count("PutCompositeAlarm");
    return super.putCompositeAlarm(r);
  }

  @Override
  public synchronized DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest r) {
    count("DeleteAlarms");
    if (failDeleteOf != null && r.alarmNames().contains(failDeleteOf)) {
      throw internalError();
    }
    return super.deleteAlarms(r);
  }

  @Override
  public synchronized DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest r) {
    count("DescribeAlarms");
    return super.describeAlarms(r);
  }

  @Override
  public synchronized ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    count("ListTagsForResource");
    return super.listTagsForResource(r);
  }

  @Override
  public synchronized SetAlarmStateResponse setAlarmState(SetAlarmStateRequest r) {
    count("SetAlarmState");
    return super.setAlarmState(r);
  }

  @Override
  public synchronized DisableAlarmActionsResponse disableAlarmActions(DisableAlarmActionsRequest r) {
    count("DisableAlarmActions");
    return super.disableAlarmActions(r);
  }

  @Override
  public synchronized EnableAlarmActionsResponse enableAlarmActions(EnableAlarmActionsRequest r) {
    count("EnableAlarmActions");
    return super.enableAlarmActions(r);
  }
}
