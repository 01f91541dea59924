package dev.opskit.cost.waste.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.Prices;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/** The scans read every page (the SDK paginators over stubbed clients) and batch CPU queries 500 to a request. */
class ScanPagingTest {
  private static final Estimator NO_PRICES = new Estimator(Prices.none(), Region.US_EAST_1);

  @Test
  void volumesOnEveryPageAreScanned() {
    Ec2Client ec2 = mock(Ec2Client.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    doAnswer(call -> {
      DescribeVolumesRequest r = call.getArgument(0);
      return r.nextToken() == null
          ? DescribeVolumesResponse.builder().volumes(volume("vol-1", VolumeState.AVAILABLE)).nextToken("p2").build()
          : r.nextToken().equals("p2")
              ? DescribeVolumesResponse.builder().volumes(volume("vol-2", VolumeState.IN_USE)).nextToken("p3").build()
              : DescribeVolumesResponse.builder().volumes(volume("vol-3", VolumeState.AVAILABLE)).build();
    }).when(ec2).describeVolumes(any(DescribeVolumesRequest.class));

    List<Scanned> scanned = new VolumeScan(ec2).scan(WasteCriteria.defaults(), NO_PRICES);

    assertThat(scanned).extracting(Scanned::id).containsExactly("vol-1", "vol-2", "vol-3");
    assertThat(scanned).map(Scanned::finding).filteredOn(Objects::nonNull).extracting(Finding::resourceId)
        .containsExactly("vol-1", "vol-3");
  }

  @Test
  void cpuOfMoreThanFiveHundredInstancesIsAskedInBatchesAndEveryPageOfEachIsRead() {
    Ec2Client ec2 = mock(Ec2Client.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    List<Instance> instances = IntStream.range(0, 501).mapToObj(i -> Instance.builder().instanceId("i-" + i)
        .instanceType("t3.micro").state(s -> s.name(InstanceStateName.RUNNING)).build()).toList();
    doAnswer(call -> {
      DescribeInstancesRequest r = call.getArgument(0);
      return r.nextToken() == null
          ? DescribeInstancesResponse.builder().reservations(Reservation.builder().instances(instances.subList(0, 300)).build())
              .nextToken("p2").build()
          : DescribeInstancesResponse.builder().reservations(Reservation.builder().instances(instances.subList(300, 501))
              .build()).build();
    }).when(ec2).describeInstances(any(DescribeInstancesRequest.class));
    CloudWatchClient cloudWatch = mock(CloudWatchClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    List<Integer> batchSizes = new ArrayList<>();
    doAnswer(call -> {
      GetMetricDataRequest r = call.getArgument(0);
      List<MetricDataQuery> queries = r.metricDataQueries();
      // Each request answers in two pages: the first half of its queries, then the rest.
      int half = queries.size() / 2;
      if (r.nextToken() == null) {
        batchSizes.add(queries.size());
        return GetMetricDataResponse.builder().metricDataResults(results(queries.subList(0, half))).nextToken("more").build();
      }
      return GetMetricDataResponse.builder().metricDataResults(results(queries.subList(half, queries.size()))).build();
    }).when(cloudWatch).getMetricData(any(GetMetricDataRequest.class));

    List<Scanned> scanned = new IdleInstanceScan(ec2, cloudWatch, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
        ZoneOffset.UTC)).scan(WasteCriteria.defaults(), NO_PRICES);

    assertThat(batchSizes).containsExactly(500, 1);
    assertThat(scanned).hasSize(501);
    assertThat(scanned).map(Scanned::finding).filteredOn(Objects::nonNull).hasSize(501)
        .allSatisfy(f -> assertThat(f.kind()).isEqualTo(WasteKind.IDLE_INSTANCE));
  }

  /** Every query answers two daily averages, 3 % and 7 %: idle under thrifty's 20 %. */
  private static List<MetricDataResult> results(List<MetricDataQuery> queries) {
    return queries.stream().map(q -> MetricDataResult.builder().id(q.id()).values(3.0, 7.0).build()).toList();
  }

  private static Volume volume(String id, VolumeState state) {
    return Volume.builder().volumeId(id).state(state).size(10).volumeType("gp3").build();
  }
}
