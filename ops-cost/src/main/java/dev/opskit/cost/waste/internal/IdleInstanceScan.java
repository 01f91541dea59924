package dev.opskit.cost.waste.internal;

import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;

/**
 * Running EC2 instances: idle when the highest of their daily {@code CPUUtilization} averages over the window
 * stayed under the threshold (thrifty's rule: the 30-day maximum of the daily average). An instance with no
 * datapoints is not judged. CPU is read with GetMetricData, up to 500 instances a request, every page. Removing an
 * idle instance stops it (its volumes stay; it can be started again) and removes the mark; OpsKit never
 * terminates an instance.
 */
final class IdleInstanceScan implements KindScan {
  private static final int QUERIES_PER_CALL = 500;
  private final Ec2Client ec2;
  private final CloudWatchClient cloudWatch;
  private final Clock clock;

  IdleInstanceScan(Ec2Client ec2, CloudWatchClient cloudWatch, Clock clock) {
    this.ec2 = ec2;
    this.cloudWatch = cloudWatch;
    this.clock = clock;
  }

  @Override
  public WasteKind kind() {
    return WasteKind.IDLE_INSTANCE;
  }

  @Override
  public List<Scanned> scan(WasteCriteria criteria, Estimator estimator) {
    List<Instance> all;
    try (var reservations = Reads.stream("ec2:DescribeInstances", null, () -> ec2.describeInstancesPaginator(
        DescribeInstancesRequest.builder().build()).reservations().stream())) {
      all = reservations.flatMap(r -> r.instances().stream()).toList();
    }
    List<Instance> running = all.stream()
        .filter(i -> i.state() != null && i.state().name() == InstanceStateName.RUNNING).toList();
    Map<String, BigDecimal> peaks = peaks(running, criteria);
    List<Scanned> scanned = new ArrayList<>();
    for (Instance i : all) {
      Map<String, String> tags = Ec2Tags.map(i.tags());
      BigDecimal peak = peaks.get(i.instanceId());
      if (peak == null || peak.compareTo(criteria.idleCpuPercent()) >= 0) {
        scanned.add(new Scanned(i.instanceId(), tags, null));
        continue;
      }
      String type = i.instanceTypeAsString();
      scanned.add(new Scanned(i.instanceId(), tags, new Finding(WasteKind.IDLE_INSTANCE, i.instanceId(),
          type + " whose highest daily average CPU over " + criteria.cpuWindow().toDays() + " days was "
              + peak.setScale(2, RoundingMode.HALF_UP).toPlainString() + " %, under "
              + criteria.idleCpuPercent().toPlainString() + " %",
          estimator.estimate(PriceKey.instance(type), BigDecimal.ONE, type + " on demand (Linux)"), tags)));
    }
    return scanned;
  }

  /** {@return the highest daily average CPU of each instance that has datapoints} */
  private Map<String, BigDecimal> peaks(List<Instance> instances, WasteCriteria criteria) {
    Instant end = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    Instant start = end.minus(criteria.cpuWindow());
    Map<String, BigDecimal> peaks = new HashMap<>();
    for (int from = 0; from < instances.size(); from += QUERIES_PER_CALL) {
      List<Instance> batch = instances.subList(from, Math.min(instances.size(), from + QUERIES_PER_CALL));
      Map<String, String> byQuery = new HashMap<>();
      List<MetricDataQuery> queries = new ArrayList<>();
      for (int n = 0; n < batch.size(); n++) {
        String id = "cpu" + n;
        byQuery.put(id, batch.get(n).instanceId());
        queries.add(MetricDataQuery.builder().id(id).returnData(true).metricStat(MetricStat.builder()
            .metric(Metric.builder().namespace("AWS/EC2").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("InstanceId").value(batch.get(n).instanceId()).build()).build())
            .period(86_400).stat("Average").build()).build());
      }
      GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(start).endTime(end)
          .metricDataQueries(queries).build();
      try (var results = Reads.stream("cloudwatch:GetMetricData", null,
          () -> cloudWatch.getMetricDataPaginator(request).metricDataResults().stream())) {
        results.forEach(r -> {
          String instance = byQuery.get(r.id());
          if (instance != null) {
            peak(r).ifPresent(p -> peaks.merge(instance, p, BigDecimal::max));
          }
        });
      }
    }
    return peaks;
  }

  private static Optional<BigDecimal> peak(MetricDataResult result) {
    return result.values().stream().filter(v -> v != null && Double.isFinite(v)).map(BigDecimal::valueOf)
        .reduce(BigDecimal::max);
  }

  @Override
  public Change<?> tag(String id, String key, String value) {
    return Ec2Tags.tag(ec2, id, key, value);
  }

  @Override
  public Change<?> untag(String id, String key, String value) {
    return Ec2Tags.untag(ec2, id, key, value);
  }

  @Override
  public List<Change<?>> remove(String id, String markValue) {
    StopInstancesRequest request = StopInstancesRequest.builder().instanceIds(id).build();
    return List.of(Change.of("ec2:StopInstances", id, request, ec2::stopInstances).build(), untag(id,
        dev.opskit.cost.waste.Cleanup.MARK_TAG, markValue));
  }
}
