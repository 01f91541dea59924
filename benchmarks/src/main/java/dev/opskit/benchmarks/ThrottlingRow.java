package dev.opskit.benchmarks;

import dev.opskit.core.OpsContext;
import dev.opskit.core.OpsException;
import dev.opskit.core.Reads;
import dev.opskit.core.ThrottledException;
import dev.opskit.core.internal.ApiQuotas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;

/**
 * Target 3: against a stub that admits R requests per second per action (a token bucket of one second) and
 * throttles the rest the way Lambda does (429, {@code TooManyRequestsException}), 8 threads make 2,000 GetFunction
 * calls each; R is AWS's documented quota of that action (100/s), the figure OpsKit's quota table paces it at.
 * (Not GetMetricData: its documented 500/s is more than a loaded 2-core machine can drive through any client —
 * both sides then run at the machine's speed, unthrottled, and the row would measure CPU, not pacing.) OpsKit with its default pacing must sustain at least 90 % of R with no
 * {@link ThrottledException}; the raw SDK (standard retry) is run beside it and its throttled requests and
 * failures reported.
 */
final class ThrottlingRow {
  static final String TARGET = "Throttling: default pacing sustains ≥ 90 % of the quota R, zero ThrottledException"
      + " (8 threads × 2,000 calls)";
  private static final String SERVICE = "lambda";
  private static final String ACTION = "GetFunction";
  private static final String FUNCTION = "data-processor";
  private static final int THREADS = 8;

  private ThrottlingRow() {}

  static Row run(Run run) throws Exception {
    double quota = ApiQuotas.of(SERVICE, ACTION).orElseThrow().requestsPerSecond();
    int calls = run.pick(10, 2_000);
    TokenBucketStub stub = new TokenBucketStub(quota);
    try (StubServer server = new StubServer(stub::answer)) {
      Side opskit;
      try (OpsContext ctx = OpsContext.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint())
          .credentialsProvider(credentials()).build()) {
        LambdaClient lambda = ctx.client(LambdaClient.class, LambdaClient::builder);
        opskit = side(stub, calls, r -> Reads.read(SERVICE + ":" + ACTION, FUNCTION, () -> lambda.getFunction(r)));
      }
      stub.reset();
      Side raw;
      try (ApacheHttpClient http = (ApacheHttpClient) ApacheHttpClient.builder().maxConnections(64).build();
          LambdaClient lambda = LambdaClient.builder().region(Region.US_EAST_1).endpointOverride(server.endpoint())
              .credentialsProvider(credentials()).httpClient(http).build()) {
        raw = side(stub, calls, lambda::getFunction);
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

  private static Side side(TokenBucketStub stub, int calls, Consumer<GetFunctionRequest> call) throws Exception {
    GetFunctionRequest request = GetFunctionRequest.builder().functionName(FUNCTION).build();
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

    /** Lambda's REST-JSON: GetFunction answered, or throttled as Lambda throttles (429, TooManyRequestsException). */
    StubServer.Response answer(StubServer.Request request) {
      if (!request.method().equals("GET") || !request.path().equals("/2015-03-31/functions/" + FUNCTION)) {
        return new StubServer.Response(404, "application/json", "{\"Type\":\"User\",\"message\":\"Function not found\"}",
            Map.of("x-amzn-ErrorType", "ResourceNotFoundException"));
      }
      if (!admit()) {
        return new StubServer.Response(429, "application/json",
            "{\"Reason\":\"CallerRateLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate exceeded\"}",
            Map.of("x-amzn-ErrorType", "TooManyRequestsException"));
      }
      return new StubServer.Response(200, "application/json", "{\"Configuration\":{\"FunctionName\":\"" + FUNCTION + "\","
          + "\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION + "\",\"Runtime\":\"python3.12\","
          + "\"State\":\"Active\",\"LastUpdateStatus\":\"Successful\"},\"Code\":{\"RepositoryType\":\"S3\"}}");
    }
  }
}
