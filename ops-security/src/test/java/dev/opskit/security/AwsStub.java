package dev.opskit.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.audit.InMemoryAuditSink;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A WireMock server answering like AWS, and a context bound to it whose clock moves only when the context
 * sleeps (so waits take no real time and budgets are exact).
 */
public final class AwsStub implements AutoCloseable {
  /** The time the stub's clock starts at. */
  public static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

  private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final MovingClock clock = new MovingClock(START);
  private final List<Duration> sleeps = new ArrayList<>();
  private final OpsContext ctx;

  /** Starts the server and makes the context. */
  public AwsStub() {
    server.start();
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .auditSink(audit).clock(clock).sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
        }).build();
  }

  /** {@return the context} */
  public OpsContext ctx() {
    return ctx;
  }

  /** {@return the audit sink of the context} */
  public InMemoryAuditSink audit() {
    return audit;
  }

  /** {@return the server} */
  public WireMockServer server() {
    return server;
  }

  /** {@return the pauses the context made, in order} */
  public List<Duration> sleeps() {
    return sleeps;
  }

  /** {@return the context's clock} */
  public Instant now() {
    return clock.instant();
  }

  /**
   * A JSON 1.1 answer ({@code X-Amz-Target}) to a POST on {@code /}.
   *
   * @param target such as {@code StarlingDoveService.GetComplianceSummaryByConfigRule}
   * @return the mapping, to narrow and answer
   */
  public static MappingBuilder json11(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
  }

  /**
   * A 200 answer with a JSON body.
   *
   * @param body the JSON
   * @return the answer
   */
  public static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
  }

  /**
   * The JSON 1.1 requests received for a target.
   *
   * @param target the target
   * @return their bodies, in order
   */
  public List<String> bodies(String target) {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))).stream()
        .map(LoggedRequest::getBodyAsString).toList();
  }

  @Override
  public void close() {
    ctx.close();
    server.stop();
  }

  /** A clock that moves only when told. */
  static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }
  }
}
