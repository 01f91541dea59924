package dev.opskit.monitoring.internal;

import dev.opskit.monitoring.alarm.AlarmRule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * CloudWatch in memory: the calls OpsKit's alarms and dashboards make, answered as AWS answers them, so that
 * the real {@link AlarmsImpl} and {@link DashboardsImpl} run on it unchanged (the fakes of
 * {@code dev.opskit.monitoring.testing}). What it keeps to, because OpsKit relies on it:
 *
 * <ul>
 *   <li>a new alarm is {@code INSUFFICIENT_DATA} ("Unchecked: Initial alarm creation"); an update keeps the
 *       state; {@code TreatMissingData} is echoed as {@code missing} when none was set;
 *   <li>tags are taken when an alarm is created and ignored when it is updated (AWS's documented rule);
 *   <li>DescribeAlarms returns metric alarms only unless {@code AlarmTypes} asks for more, in name order,
 *       in pages of {@code MaxRecords} (default 50, at most 100) with a {@code NextToken};
 *   <li>PutCompositeAlarm fails when its rule names an alarm that does not exist; DeleteAlarms takes at most
 *       100 names and at most one composite alarm, fails when a remaining composite alarm's rule names an
 *       alarm it deletes, and skips names that do not exist;
 *   <li>SetAlarmState of a missing alarm is {@code ResourceNotFound}; state changes, creates and updates are
 *       in the alarm history (DescribeAlarmHistory, newest first unless asked otherwise);
 *   <li>GetDashboard of a missing dashboard is {@code ResourceNotFound}; DeleteDashboards deletes none of
 *       its names when one does not exist.
 * </ul>
 *
 * <p>Thread-safe. Not API: subclassed by OpsKit's own tests to count calls and inject failures.
 */
public class InMemoryCloudWatch implements CloudWatchClient {
  /** The account of every ARN it makes. */
  public static final String ACCOUNT = "123456789012";
  private static final int MAX_NAMES = 100;

  private final String region;
  private final Clock clock;
  private final Map<String, MetricAlarm> metricAlarms = new TreeMap<>();
  private final Map<String, CompositeAlarm> compositeAlarms = new TreeMap<>();
  private final Map<String, List<Tag>> tags = new HashMap<>();
  private final List<AlarmHistoryItem> history = new ArrayList<>();
  private final Map<String, DashboardEntry> dashboards = new TreeMap<>();
  private final Map<String, String> bodies = new HashMap<>();

  /**
   * An empty CloudWatch.
   *
   * @param region the region its ARNs name
   * @param clock the clock of state changes, history and dashboards' last modification
   */
  public InMemoryCloudWatch(Region region, Clock clock) {
    this.region = region.id();
    this.clock = clock;
  }

  /**
   * The ARN of an alarm, as AWS makes it.
   *
   * @param name the alarm name
   * @return {@code arn:aws:cloudwatch:<region>:123456789012:alarm:<name>}
   */
  public String alarmArn(String name) {
    return "arn:aws:cloudwatch:" + region + ":" + ACCOUNT + ":alarm:" + name;
  }

  @Override
  public synchronized PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest r) {
    MetricAlarm existing = metricAlarms.get(r.alarmName());
    if (existing == null && compositeAlarms.containsKey(r.alarmName())) {
      throw error(400, "ValidationError", "An alarm named " + r.alarmName() + " already exists as a composite alarm.");
    }
    Instant now = clock.instant();
    metricAlarms.put(r.alarmName(), MetricAlarm.builder()
        .alarmName(r.alarmName()).alarmArn(alarmArn(r.alarmName()))
        .alarmDescription(r.alarmDescription()).actionsEnabled(r.actionsEnabled() == null || r.actionsEnabled())
        .okActions(r.okActions()).alarmActions(r.alarmActions()).insufficientDataActions(r.insufficientDataActions())
        .metricName(r.metricName()).namespace(r.namespace()).statistic(r.statisticAsString())
        .extendedStatistic(r.extendedStatistic()).dimensions(r.dimensions()).period(r.period()).unit(r.unitAsString())
        .evaluationPeriods(r.evaluationPeriods()).datapointsToAlarm(r.datapointsToAlarm()).threshold(r.threshold())
        .comparisonOperator(r.comparisonOperatorAsString())
        .treatMissingData(r.treatMissingData() == null ? "missing" : r.treatMissingData())
        .evaluateLowSampleCountPercentile(r.evaluateLowSampleCountPercentile()).metrics(r.metrics())
        .thresholdMetricId(r.thresholdMetricId())
        .alarmConfigurationUpdatedTimestamp(now)
        .stateValue(existing == null ? StateValue.INSUFFICIENT_DATA.toString() : existing.stateValueAsString())
        .stateReason(existing == null ? "Unchecked: Initial alarm creation" : existing.stateReason())
        .stateUpdatedTimestamp(existing == null ? now : existing.stateUpdatedTimestamp())
        .build());
    created(r.alarmName(), AlarmType.METRIC_ALARM, existing == null, r.tags());
    return PutMetricAlarmResponse.builder().build();
  }

  @Override
  public synchronized PutCompositeAlarmResponse putCompositeAlarm(PutCompositeAlarmRequest r) {
    List<String> missing = AlarmRule.of(r.alarmRule()).alarmNames().stream()
        .filter(n -> !metricAlarms.containsKey(n) && !compositeAlarms.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw error(400, "ValidationError",
          "Could not save the composite alarm as alarms " + missing + " in the alarm rule do not exist");
    }
    if (metricAlarms.containsKey(r.alarmName())) {
      throw error(400, "ValidationError", "An alarm named " + r.alarmName() + " already exists as a metric alarm.");
    }
    CompositeAlarm existing = compositeAlarms.get(r.alarmName());
    Instant now = clock.instant();
    compositeAlarms.put(r.alarmName(), CompositeAlarm.builder()
        .alarmName(r.alarmName()).alarmArn(alarmArn(r.alarmName())).alarmDescription(r.alarmDescription())
        .actionsEnabled(r.actionsEnabled() == null || r.actionsEnabled()).okActions(r.okActions())
        .alarmActions(r.alarmActions()).insufficientDataActions(r.insufficientDataActions()).alarmRule(r.alarmRule())
        .alarmConfigurationUpdatedTimestamp(now)
        .stateValue(existing == null ? StateValue.INSUFFICIENT_DATA.toString() : existing.stateValueAsString())
        .stateReason(existing == null ? "Unchecked: Initial alarm creation" : existing.stateReason())
        .stateUpdatedTimestamp(existing == null ? now : existing.stateUpdatedTimestamp())
        .build());
    created(r.alarmName(), AlarmType.COMPOSITE_ALARM, existing == null, r.tags());
    return PutCompositeAlarmResponse.builder().build();
  }

  private void created(String name, AlarmType type, boolean isNew, List<Tag> requestTags) {
    if (isNew) {
      tags.put(alarmArn(name), List.copyOf(requestTags));
    }
    record(name, type, HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"" + name + "\" " + (isNew ? "created" : "updated"));
  }

  @Override
  public synchronized DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest r) {
    if (r.alarmNames().size() > MAX_NAMES) {
      throw error(400, "ValidationError", "The collection AlarmNames must not have more than " + MAX_NAMES
          + " elements, got " + r.alarmNames().size());
    }
    long composites = r.alarmNames().stream().distinct().filter(compositeAlarms::containsKey).count();
    if (composites > 1) {
      throw error(400, "ValidationError", "You can delete at most one composite alarm in one operation.");
    }
    List<String> needed = r.alarmNames().stream().filter(n -> compositeAlarms.entrySet().stream()
        .anyMatch(c -> !r.alarmNames().contains(c.getKey())
            && AlarmRule.of(c.getValue().alarmRule()).alarmNames().contains(n))).toList();
    if (!needed.isEmpty()) {
      throw error(400, "ValidationError", "Cannot delete " + String.join(",", needed)
          + " as there are composite alarm(s) depending on them.");
    }
    for (String n : r.alarmNames()) {
      metricAlarms.remove(n);
      compositeAlarms.remove(n);
      tags.remove(alarmArn(n));
    }
    return DeleteAlarmsResponse.builder().build();
  }

  @Override
  public synchronized DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest r) {
    boolean metric = r.alarmTypes().isEmpty() || r.alarmTypes().contains(AlarmType.METRIC_ALARM);
    boolean composite = r.alarmTypes().contains(AlarmType.COMPOSITE_ALARM);
    List<Object> all = new ArrayList<>();
    if (metric) {
      metricAlarms.values().stream()
          .filter(a -> matches(r, a.alarmName(), a.stateValueAsString())).forEach(all::add);
    }
    if (composite) {
      compositeAlarms.values().stream()
          .filter(a -> matches(r, a.alarmName(), a.stateValueAsString())).forEach(all::add);
    }
    int size = r.maxRecords() == null ? 50 : Math.min(r.maxRecords(), MAX_NAMES);
    int start = start(r.nextToken());
    List<Object> page = all.subList(Math.min(start, all.size()), Math.min(all.size(), start + size));
    DescribeAlarmsResponse.Builder b = DescribeAlarmsResponse.builder()
        .metricAlarms(page.stream().filter(MetricAlarm.class::isInstance).map(MetricAlarm.class::cast).toList())
        .compositeAlarms(page.stream().filter(CompositeAlarm.class::isInstance).map(CompositeAlarm.class::cast).toList());
    if (start + size < all.size()) {
      b.nextToken(String.valueOf(start + size));
    }
    return b.build();
  }

  private static boolean matches(DescribeAlarmsRequest r, String name, String state) {
    return (r.alarmNames().isEmpty() || r.alarmNames().contains(name))
        && (r.alarmNamePrefix() == null || name.startsWith(r.alarmNamePrefix()))
        && (r.stateValue() == null || r.stateValueAsString().equals(state));
  }

  private static int start(@Nullable String token) {
    if (token == null) {
      return 0;
    }
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw InvalidNextTokenException.builder().statusCode(400).message("Invalid NextToken")
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidNextToken").errorMessage("Invalid NextToken")
              .build())
          .build();
    }
  }

  @Override
  public synchronized ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
    List<Tag> found = tags.get(r.resourceARN());
    if (found == null) {
      throw notFound("The specified resource " + r.resourceARN() + " does not exist.");
    }
    return ListTagsForResourceResponse.builder().tags(found).build();
  }

  @Override
  public synchronized SetAlarmStateResponse setAlarmState(SetAlarmStateRequest r) {
    String name = r.alarmName();
    Instant now = clock.instant();
    MetricAlarm m = metricAlarms.get(name);
    CompositeAlarm c = compositeAlarms.get(name);
    String old;
    if (m != null) {
      old = m.stateValueAsString();
      metricAlarms.put(name, m.toBuilder().stateValue(r.stateValueAsString()).stateReason(r.stateReason())
          .stateUpdatedTimestamp(now).build());
    } else if (c != null) {
      old = c.stateValueAsString();
      compositeAlarms.put(name, c.toBuilder().stateValue(r.stateValueAsString()).stateReason(r.stateReason())
          .stateUpdatedTimestamp(now).build());
    } else {
      throw notFound("Alarm " + name + " not found");
    }
    if (!old.equals(r.stateValueAsString())) {
      record(name, m != null ? AlarmType.METRIC_ALARM : AlarmType.COMPOSITE_ALARM, HistoryItemType.STATE_UPDATE,
          "Alarm updated from " + old + " to " + r.stateValueAsString());
    }
    return SetAlarmStateResponse.builder().build();
  }

  @Override
  public synchronized DisableAlarmActionsResponse disableAlarmActions(DisableAlarmActionsRequest r) {
    actions(r.alarmNames(), false);
    return DisableAlarmActionsResponse.builder().build();
  }

  @Override
  public synchronized EnableAlarmActionsResponse enableAlarmActions(EnableAlarmActionsRequest r) {
    actions(r.alarmNames(), true);
    return EnableAlarmActionsResponse.builder().build();
  }

  private void actions(List<String> names, boolean enabled) {
    for (String n : names) {
      metricAlarms.computeIfPresent(n, (k, a) -> a.toBuilder().actionsEnabled(enabled).build());
      compositeAlarms.computeIfPresent(n, (k, a) -> a.toBuilder().actionsEnabled(enabled).build());
    }
  }

  private void record(String name, AlarmType type, HistoryItemType kind, String summary) {
    history.add(AlarmHistoryItem.builder().alarmName(name).alarmType(type).timestamp(clock.instant())
        .historyItemType(kind).historySummary(summary).historyData("{\"version\":\"1.0\"}").build());
  }

  @Override
  public synchronized DescribeAlarmHistoryResponse describeAlarmHistory(DescribeAlarmHistoryRequest r) {
    List<AlarmHistoryItem> found = new ArrayList<>(history.stream()
        .filter(i -> r.alarmName() == null || r.alarmName().equals(i.alarmName()))
        .filter(i -> r.alarmTypes().isEmpty() || r.alarmTypes().contains(i.alarmType()))
        .filter(i -> r.historyItemType() == null || r.historyItemType() == i.historyItemType())
        .filter(i -> r.startDate() == null || !i.timestamp().isBefore(r.startDate()))
        .filter(i -> r.endDate() == null || !i.timestamp().isAfter(r.endDate()))
        .toList());
    if (r.scanBy() != ScanBy.TIMESTAMP_ASCENDING) {
      java.util.Collections.reverse(found);
    }
    int size = r.maxRecords() == null ? 100 : r.maxRecords();
    int start = start(r.nextToken());
    DescribeAlarmHistoryResponse.Builder b = DescribeAlarmHistoryResponse.builder()
        .alarmHistoryItems(found.subList(Math.min(start, found.size()), Math.min(found.size(), start + size)));
    if (start + size < found.size()) {
      b.nextToken(String.valueOf(start + size));
    }
    return b.build();
  }

  @Override
  public synchronized PutDashboardResponse putDashboard(PutDashboardRequest r) {
    String body = r.dashboardBody();
    if (body == null || !body.strip().startsWith("{")) {
      throw error(400, "InvalidParameterInput", "The field DashboardBody must be a valid JSON object");
    }
    dashboards.put(r.dashboardName(), DashboardEntry.builder().dashboardName(r.dashboardName())
        .dashboardArn("arn:aws:cloudwatch::" + ACCOUNT + ":dashboard/" + r.dashboardName())
        .lastModified(clock.instant()).size((long) body.getBytes(StandardCharsets.UTF_8).length).build());
    bodies.put(r.dashboardName(), body);
    return PutDashboardResponse.builder().build();
  }

  @Override
  public synchronized GetDashboardResponse getDashboard(GetDashboardRequest r) {
    DashboardEntry entry = dashboards.get(r.dashboardName());
    if (entry == null) {
      throw notFound("Dashboard " + r.dashboardName() + " does not exist");
    }
    return GetDashboardResponse.builder().dashboardName(entry.dashboardName()).dashboardArn(entry.dashboardArn())
        .dashboardBody(bodies.get(r.dashboardName())).build();
  }

  @Override
  public synchronized ListDashboardsResponse listDashboards(ListDashboardsRequest r) {
    List<DashboardEntry> all = dashboards.values().stream()
        .filter(e -> r.dashboardNamePrefix() == null || e.dashboardName().startsWith(r.dashboardNamePrefix()))
        .toList();
    int size = 1000;
    int start = start(r.nextToken());
    ListDashboardsResponse.Builder b = ListDashboardsResponse.builder()
        .dashboardEntries(all.subList(Math.min(start, all.size()), Math.min(all.size(), start + size)));
    if (start + size < all.size()) {
      b.nextToken(String.valueOf(start + size));
    }
    return b.build();
  }

  @Override
  public synchronized DeleteDashboardsResponse deleteDashboards(DeleteDashboardsRequest r) {
    List<String> missing = r.dashboardNames().stream().filter(n -> !dashboards.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      throw DashboardNotFoundErrorException.builder().statusCode(404)
          .message("The specified dashboard does not exist. " + missing)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFound")
              .errorMessage("The specified dashboard does not exist. " + missing).build())
          .build();
    }
    r.dashboardNames().forEach(n -> {
      dashboards.remove(n);
      bodies.remove(n);
    });
    return DeleteDashboardsResponse.builder().build();
  }

  private static AwsServiceException notFound(String message) {
    return ResourceNotFoundException.builder().statusCode(404).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFound").errorMessage(message).build())
        .build();
  }

  private static AwsServiceException error(int status, String code, String message) {
    return CloudWatchException.builder().statusCode(status).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }

  @Override
  public String serviceName() {
    return "cloudwatch";
  }

  @Override
  public void close() {}
}
