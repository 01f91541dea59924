package dev.opskit.monitoring.internal;

import dev.opskit.core.Reads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Reads live alarms: every page of DescribeAlarms (metric and composite), and tags where needed. */
final class LiveAlarms {
  static final int PAGE_SIZE = 100;
  private static final String DESCRIBE = "cloudwatch:DescribeAlarms";

  private final CloudWatchClient cloudWatch;

  LiveAlarms(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** Every live alarm, metric and composite, read page by page as the stream is consumed. */
  Stream<LiveAlarm> all() {
    return describe(DescribeAlarmsRequest.builder(), null);
  }

  /**
   * The named live alarms (DescribeAlarms takes at most 100 names per call). Read eagerly, every page, with
   * plain calls rather than a paginator's stream: a few names are the per-call path of {@code get}.
   */
  List<LiveAlarm> named(Collection<String> names) {
    List<LiveAlarm> out = new ArrayList<>();
    for (List<String> batch : Batches.of(List.copyOf(names), PAGE_SIZE)) {
      DescribeAlarmsRequest first = request(DescribeAlarmsRequest.builder().alarmNames(batch));
      Reads.read(DESCRIBE, String.join(",", batch), () -> {
        DescribeAlarmsRequest r = first;
        while (true) {
          DescribeAlarmsResponse page = cloudWatch.describeAlarms(r);
          page.metricAlarms().forEach(a -> out.add(LiveAlarm.of(a)));
          page.compositeAlarms().forEach(a -> out.add(LiveAlarm.of(a)));
          String next = page.nextToken();
          if (next == null || next.isEmpty()) {
            return out;
          }
          r = r.toBuilder().nextToken(next).build();
        }
      });
    }
    return out;
  }

  private Stream<LiveAlarm> describe(DescribeAlarmsRequest.Builder request, @Nullable String target) {
    DescribeAlarmsRequest r = request(request);
    return Reads.stream(DESCRIBE, target, () -> cloudWatch.describeAlarmsPaginator(r).stream()
        .flatMap(page -> Stream.concat(page.metricAlarms().stream().map(LiveAlarm::of),
            page.compositeAlarms().stream().map(LiveAlarm::of))));
  }

  private static DescribeAlarmsRequest request(DescribeAlarmsRequest.Builder request) {
    return request.alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).maxRecords(PAGE_SIZE).build();
  }

  /** The tags of one alarm. */
  Map<String, String> tags(String arn) {
    return Reads.read("cloudwatch:ListTagsForResource", arn, () ->
        cloudWatch.listTagsForResource(ListTagsForResourceRequest.builder().resourceARN(arn).build()).tags().stream()
            .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b)));
  }
}
