package dev.opskit.security.iam;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.opskit.core.OpsContext;
import dev.opskit.core.RateLimitPolicy;
import dev.opskit.core.RetryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Acceptance item 4: a simulation of 200 action × resource pairs stays under IAM's rate limit against a throttling stub. */
class PolicySimulationIT {
  /** The stub throttles past this many requests in any sliding second. */
  private static final int IAM_LIMIT = 25;
  /** The context's IAM limit: sequential requests paced at 10 per second land at most 21 in any sliding second. */
  private static final int CONTEXT_IAM_LIMIT = 10;

  private final IamSimulationStub stub = new IamSimulationStub(IAM_LIMIT);
  private final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(stub));
  private OpsContext ctx;

  private OpsContext context(RateLimitPolicy limits) {
    return context(limits, RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));
  }

  private OpsContext context(RateLimitPolicy limits, RetryPolicy retries) {
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    ctx = OpsContext.builder().region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example")))
        .endpointOverride(URI.create(server.baseUrl()))
        .retryPolicy(retries)
        .rateLimitPolicy(limits)
        .build();
    return ctx;
  }

  @AfterEach
  void stop() {
    if (ctx != null) {
      ctx.close();
    }
    server.stop();
  }

  /** 10 roles × 10 actions × 2 resources: 200 (principal, action, resource) decisions. */
  private static Simulation simulation(int pageSize) {
    Simulation.Builder b = Simulation.builder().actionsPerCall(5).pageSize(pageSize)
        .actions("s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectTagging",
            "s3:DeleteBucket", "kms:Decrypt", "s3:ListAllMyBuckets", "s3:PutBucketPolicy", "s3:GetBucketPolicy")
        .resources("arn:aws:s3:::app-data", "arn:aws:s3:::app-data/*");
    IntStream.rangeClosed(1, 10).forEach(i -> b.principal("arn:aws:iam::123456789012:role/app-role-" + i));
    return b.build();
  }

  @Test
  void twoHundredActionResourcePairsAreBatchedPagedAndHeldUnderTheIamRateLimit() {
    PolicySimulator simulator = PolicySimulator.using(context(RateLimitPolicy.DEFAULT.withService("iam", CONTEXT_IAM_LIMIT)));
    Simulation simulation = simulation(3);

    List<Evaluation> decisions = simulator.simulate(simulation);

    assertThat(stub.throttled()).as("throttled answers").isZero();
    assertThat(stub.busiestSecond()).isLessThanOrEqualTo(2 * CONTEXT_IAM_LIMIT + 1);
    // 10 principals × 2 batches of 5 actions; each batch's 5 results in pages of 3: 2 pages
    assertThat(stub.requests()).isEqualTo(40);
    assertThat(decisions).hasSize(200);
    assertThat(simulation.size()).isEqualTo(200);
    for (Evaluation e : decisions) {
      assertThat(e.decision().value()).as(e.toString()).isEqualTo(IamSimulationStub.decision(e.action()));
    }
    Evaluation first = decisions.get(0);
    assertThat(first.principal().toString()).isEqualTo("arn:aws:iam::123456789012:role/app-role-1");
    assertThat(first.action()).isEqualTo("s3:GetObject");
    assertThat(first.resource()).isEqualTo("arn:aws:s3:::app-data");
    assertThat(first.decision()).isEqualTo(EvalDecision.ALLOWED);
    assertThat(first.matchedStatements()).containsExactly(new MatchedStatement("app-read", "role", 3, 16, 7, 4));
    assertThat(decisions).filteredOn(e -> e.action().equals("s3:DeleteObject"))
        .hasSize(20).allSatisfy(e -> {
          assertThat(e.decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
          assertThat(e.matchedStatements()).extracting(MatchedStatement::sourcePolicyId).containsExactly("deny-deletes");
        });
    assertThat(decisions).filteredOn(e -> e.decision().equals(EvalDecision.IMPLICIT_DENY))
        .allSatisfy(e -> assertThat(e.matchedStatements()).isEmpty());
    // every pair of every principal, in order: principal, action, resource
    assertThat(decisions.subList(0, 4)).extracting(e -> e.action() + " " + e.resource()).containsExactly(
        "s3:GetObject arn:aws:s3:::app-data", "s3:GetObject arn:aws:s3:::app-data/*",
        "s3:ListBucket arn:aws:s3:::app-data", "s3:ListBucket arn:aws:s3:::app-data/*");
    String body = URLDecoder.decode(server.getAllServeEvents().get(0).getRequest().getBodyAsString(), StandardCharsets.UTF_8);
    assertThat(body).contains("Action=SimulatePrincipalPolicy", "MaxItems=3", "ResourceArns.member.2=arn:aws:s3:::app-data/*");
  }

  @Test
  void withoutTheLimitTheSameSimulationIsThrottled() {
    // one attempt per call, so the first Throttling ends it (the SDK's throttling backoff would take seconds)
    PolicySimulator simulator = PolicySimulator.using(context(RateLimitPolicy.DEFAULT.withService("iam", 1000),
        RetryPolicy.DEFAULT.withMaxAttempts(1)));

    Throwable outcome = catchThrowable(() -> simulator.simulate(simulation(1)));

    assertThat(outcome).isInstanceOf(dev.opskit.core.ThrottledException.class)
        .hasMessageContaining("iam:SimulatePrincipalPolicy");
    assertThat(stub.throttled()).as("the stub throttles a burst: the limiter is what keeps the other test under it")
        .isPositive();
  }

  @Test
  void aSimulationWithoutResourcesSendsNoneAndReadsTheTopLevelDecision() {
    PolicySimulator simulator = PolicySimulator.using(context(RateLimitPolicy.DEFAULT));

    List<Evaluation> decisions = simulator.simulate(s -> s.principal("arn:aws:iam::123456789012:role/app-role")
        .actions("s3:GetObject", "iam:CreateUser").context(ContextEntry.of("aws:username", "alice")));

    assertThat(decisions).extracting(Evaluation::toString).containsExactly(
        "arn:aws:iam::123456789012:role/app-role s3:GetObject * allowed by [app-read (role) 3:16-7:4]",
        "arn:aws:iam::123456789012:role/app-role iam:CreateUser * implicitDeny");
    String body = URLDecoder.decode(server.getAllServeEvents().get(0).getRequest().getBodyAsString(), StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("ResourceArns")
        .contains("ContextEntries.member.1.ContextKeyName=aws:username", "ContextEntries.member.1.ContextKeyType=string");
  }
}
