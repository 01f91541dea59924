package dev.opskit.benchmarks;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.internal.ApiQuotas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * Target 3: against a stub that admits R requests per second per action (a token bucket of one second) and
 * throttles the rest the way CloudWatch does, 8 threads make 2,000 GetMetricData calls each; R is AWS's
 * documented quota of that action. OpsKit with its default pacing must sustain at least 90 % of R with no
 * {@link ThrottledException}; the raw SDK (standard retry) is run beside it and its throttled requests and
 * failures reported.
 */
final class ThrottlingRow {
  static final String TARGET = "Throttling: default pacing sustains ≥ 90 % of the quota R, zero ThrottledException"
      + " (8 threads × 2,000 calls)";
  private static final String ACTION = "GetMetricData";
  private static final int THREADS = 8;

  private ThrottlingRow() {}

  static Row run(Run run) throws Exception {
    double quota = ApiQuotas.of("cloudwatch", ACTION).orElseThrow().requestsPerSecond();
    int calls = run.pick(10, 2_000);
    TokenBucketStub stub = new TokenBucketStub(quota);
    try (StubServer server = new StubServer(stub::answer)) {
      Side opskit;
      try (OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint())
          .credentialsProvider(credentials()).build()) {
        CloudWatchClient cw = ctx.client(CloudWatchClient.class, CloudWatchClient::builder);
        opskit = side(stub, calls, r -> Reads.read("cloudwatch:" + ACTION, "CPUUtilization", () -> cw.getMetricData(r)));
      }
      stub.reset();
      Side raw;
      try (ApacheHttpClient http = (ApacheHttpClient) ApacheHttpClient.builder().maxConnections(64).build();
          CloudWatchClient cw = CloudWatchClient.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint())
              .credentialsProvider(credentials()).httpClient(http).build()) {
        raw = side(stub, calls, cw::getMetricData);
      }
      double share = opskit.rate / quota;
      boolean pass = share >= 0.9 && opskit.failures == 0 && opskit.throttledExceptions == 0;
      String measured = Stats.format("OpsKit %.0f/s = %.2f× R (R = %.0f/s), %d ThrottledException, %d failures,"
              + " %d requests throttled by the stub; raw SDK %.0f/s = %.2f× R, %d requests throttled, %d calls failed",
          opskit.rate, share, quota, opskit.throttledExceptions, opskit.failures, opskit.throttledByStub,
          raw.rate, raw.rate / quota, raw.throttledByStub, raw.failures);
      String spread = Stats.format("%d × %d calls per side, %.1f s OpsKit, %.1f s raw", THREADS, calls,
          opskit.seconds, raw.seconds);
      return new Row(3, TARGET, measured, spread, pass);
    }
  }

  private record Side(double rate, double seconds, int failures, int throttledExceptions, int throttledByStub) {}

  private static Side side(TokenBucketStub stub, int calls, Consumer<GetMetricDataRequest> call) throws Exception {
    GetMetricDataRequest request = GetMetricDataRequest.builder()
        .startTime(Instant.parse("2026-01-01T00:00:00Z")).endTime(Instant.parse("2026-01-01T01:00:00Z"))
        .metricDataQueries(MetricDataQuery.builder().id("cpu").metricStat(MetricStat.builder().period(300).stat("Average")
            .metric(Metric.builder().namespace("AWS/RDS").metricName("CPUUtilization").build()).build()).build())
        .build();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < calls; i++) {
            try {
              call.accept(request);
            } catch (ThrottledException e) {
              throttled.incrementAndGet();
              failures.incrementAndGet();
            } catch (OpsException | software.amazon.awssdk.core.exception.SdkException e) {
              failures.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int ok = THREADS * calls - failures.get();
    return new Side(ok / seconds, seconds, failures.get(), throttled.get(), stub.throttled());
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCHMARK", "benchmark-secret"));
  }

  /** Admits {@code rate} requests per second per action, one second of burst, and throttles the rest. */
  static final class TokenBucketStub {
    private final double rate;
    private double tokens;
    private long last = System.nanoTime();
    private int throttled;

    TokenBucketStub(double rate) {
      this.rate = rate;
      this.tokens = rate;
    }

    synchronized void reset() {
      tokens = rate;
      last = System.nanoTime();
      throttled = 0;
    }

    synchronized int throttled() {
      return throttled;
    }

    private synchronized boolean admit() {
      long now = System.nanoTime();
      tokens = Math.min(rate, tokens + rate * (now - last) / 1e9);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      throttled++;
      return false;
    }

    StubServer.Response answer(StubServer.Request request) {
      if (!admit()) {
        return new StubServer.Response(400, "text/xml", "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
            + "<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
            + "<RequestId>stub-throttled</RequestId></ErrorResponse>");
      }
      return new StubServer.Response(200, "text/xml", "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
          + "<GetMetricDataResult><MetricDataResults><member><Id>cpu</Id><Label>CPUUtilization</Label>"
          + "<StatusCode>Complete</StatusCode><Timestamps/><Values/></member></MetricDataResults><Messages/></GetMetricDataResult>"
          + "<ResponseMetadata><RequestId>stub-ok</RequestId></ResponseMetadata></GetMetricDataResponse>");
    }
  }
}
