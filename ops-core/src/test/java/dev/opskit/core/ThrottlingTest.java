package dev.opskit.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;

/**
 * Throttling against a local HTTP server that answers like AWS: the documented budget of HTTP attempts
 * ({@link RetryPolicy#maxAttempts()}) is what decides success, and the request count shows that no
 * layer retries on top of the SDK.
 */
class ThrottlingTest {
  private static final int BUDGET = 4;

  private WireMockServer server;
  private final InMemoryAuditSink audit = new InMemoryAuditSink();

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private OpsContext context(RateLimitPolicy limits) {
    return OpsContext.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(server.baseUrl()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-key-value")))
        .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(BUDGET).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .rateLimitPolicy(limits)
        .auditSink(audit)
        .build();
  }

  private static ResponseDefinitionBuilder throttled(String kind) {
    if (kind.equals("429")) {
      return aResponse().withStatus(429)
          .withHeader("Content-Type", "application/x-amz-json-1.0")
          .withBody("{\"__type\":\"com.amazonaws.sqs#RequestThrottled\",\"message\":\"Too many requests\"}");
    }
    return aResponse().withStatus(400)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withHeader("x-amzn-query-error", "ThrottlingException;Sender")
        .withBody("{\"__type\":\"com.amazonaws.sqs#ThrottlingException\",\"message\":\"Rate exceeded\"}");
  }

  /** The first {@code k} requests are throttled, later ones succeed. */
  private void throttleFirst(int k, String kind) {
    for (int i = 0; i < k; i++) {
      server.stubFor(post(anyUrl()).inScenario("throttle")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after-" + i)
          .willReturn(throttled(kind))
          .willSetStateTo("after-" + (i + 1)));
    }
    server.stubFor(post(anyUrl()).inScenario("throttle")
        .whenScenarioStateIs(k == 0 ? Scenario.STARTED : "after-" + k)
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/x-amz-json-1.0")
            .withHeader("x-amzn-RequestId", "req-ok")
            .withBody("{\"QueueUrl\":\"http://127.0.0.1/000000000000/orders\",\"QueueUrls\":[]}")));
  }

  private static Change<CreateQueueResponse> createQueue(SqsClient sqs) {
    return Change.of("sqs:CreateQueue", "orders", CreateQueueRequest.builder().queueName("orders").build(),
        sqs::createQueue).build();
  }

  @ParameterizedTest(name = "{0} throttles ({1}) within a budget of 4 attempts")
  @CsvSource({"0, 400", "1, 400", "3, 400", "3, 429"})
  void succeedsWhenThrottlesStayBelowTheBudget(int k, String kind) {
    throttleFirst(k, kind);
    try (OpsContext ctx = context(RateLimitPolicy.DEFAULT)) {
      SqsClient sqs = ctx.client(SqsClient.class, SqsClient::builder);

      ChangeResult<CreateQueueResponse> result = ctx.gate().submit(createQueue(sqs));

      assertThat(result.value()).hasValueSatisfying(r -> assertThat(r.queueUrl()).endsWith("/orders"));
      assertThat(((ChangeResult.Applied<CreateQueueResponse>) result).requestId()).isEqualTo("req-ok");
    }
    server.verify(k + 1, postRequestedFor(anyUrl()));
    assertThat(audit.events()).singleElement().extracting(e -> e.outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @ParameterizedTest(name = "{0} throttles ({1}) exhaust a budget of 4 attempts")
  @CsvSource({"4, 400", "9, 400", "9, 429"})
  void failsWithThrottledExceptionNamingTheOperationWhenAboveTheBudget(int k, String kind) {
    throttleFirst(k, kind);
    try (OpsContext ctx = context(RateLimitPolicy.DEFAULT)) {
      SqsClient sqs = ctx.client(SqsClient.class, SqsClient::builder);

      assertThatThrownBy(() -> ctx.gate().submit(createQueue(sqs)))
          .isInstanceOf(ThrottledException.class)
          .hasMessageStartingWith("sqs:CreateQueue on orders: AWS throttled the call after 4 attempts")
          .hasMessageContaining("RetryPolicy.maxAttempts")
          .satisfies(e -> assertThat(((ThrottledException) e).operation()).isEqualTo("sqs:CreateQueue"));
    }
    // Exactly the budget: the gate did not retry on top of the SDK.
    server.verify(BUDGET, postRequestedFor(anyUrl()));
    assertThat(audit.events()).singleElement().extracting(e -> e.outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void readsShareTheSameBudget() {
    throttleFirst(10, "400");
    try (OpsContext ctx = context(RateLimitPolicy.DEFAULT)) {
      SqsClient sqs = ctx.client(SqsClient.class, SqsClient::builder);
      assertThatThrownBy(() -> sqs.listQueues(ListQueuesRequest.builder().build()))
          .isInstanceOf(software.amazon.awssdk.core.exception.SdkException.class);
    }
    server.verify(BUDGET, postRequestedFor(anyUrl()));
  }

  @Test
  void everyHttpAttemptRetriesIncludedTakesARateLimitPermit() {
    // Warm the server and the SDK up first, through another context (its own limiters): the three attempts
    // below must fall inside one one-second limiter period, which a cold first request on a busy machine can
    // stretch past.
    try (OpsContext warm = context(RateLimitPolicy.perSecond(100))) {
      Reads.read("sqs:ListQueues", null, () -> {
        try {
          return warm.client(SqsClient.class, SqsClient::builder).listQueues(ListQueuesRequest.builder().build());
        } catch (RuntimeException e) {
          return null;
        }
      });
    }
    server.resetAll();
    throttleFirst(2, "400");
    // Two permits: enough for one call, not for the third attempt of a call throttled twice.
    RateLimitPolicy twoPerSecond = RateLimitPolicy.perSecond(2).withMaxWait(Duration.ZERO);
    try (OpsContext ctx = context(twoPerSecond)) {
      SqsClient sqs = ctx.client(SqsClient.class, SqsClient::builder);

      assertThatThrownBy(() -> ctx.gate().submit(createQueue(sqs)))
          .isInstanceOf(ThrottledException.class)
          .hasMessageContaining("client-side rate limit")
          .hasMessageContaining("(its retry, attempt 3) was not sent");
    }
    server.verify(2, postRequestedFor(anyUrl()));
  }

  @Test
  void theBudgetIsTheSameForEveryCallHoweverManyFailedBefore() {
    // No retry-token bucket: a run of failures never shrinks the budget of later calls to one attempt.
    server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withBody("{\"__type\":\"com.amazonaws.sqs#InternalError\",\"message\":\"try again\"}")));
    int calls = 40;
    try (OpsContext ctx = context(RateLimitPolicy.perSecond(10_000))) {
      SqsClient sqs = ctx.client(SqsClient.class, SqsClient::builder);
      for (int i = 0; i < calls; i++) {
        assertThatThrownBy(() -> ctx.gate().submit(createQueue(sqs)))
            .isInstanceOf(ServiceException.class)
            .hasMessageContaining("after " + BUDGET + " attempts");
      }
    }
    server.verify(calls * BUDGET, postRequestedFor(anyUrl()));
  }

  @Test
  void clientSideRateLimitRefusesBeforeSendingWhenNoPermitComesInTime() {
    throttleFirst(0, "400");
    RateLimitPolicy onePerSecond = RateLimitPolicy.perSecond(1).withMaxWait(Duration.ZERO);
    try (OpsContext ctx = context(onePerSecond)) {
      SqsClient sqs = ctx.client(SqsClient.class, SqsClient::builder);
      ctx.gate().submit(createQueue(sqs));

      assertThatThrownBy(() -> ctx.gate().submit(createQueue(sqs)))
          .isInstanceOf(ThrottledException.class)
          .hasMessageContaining("sqs:CreateQueue on orders")
          .hasMessageContaining("client-side rate limit");
    }
    server.verify(1, postRequestedFor(anyUrl()));
  }
}
