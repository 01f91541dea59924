package dev.opskit.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.opskit.core.audit.AuditEvent;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.audit.Outcome;
import dev.opskit.core.change.CallAttempts;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.change.Duplicates;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;

/**
 * The gate and the context under faults, against a local server that answers like AWS (SQS's JSON
 * protocol): which attempts may have acted, duplicates of creates without idempotency token, timeouts,
 * a context closed under a call, derived contexts, client settings.
 */
class HardeningTest {
  private static final String QUEUE = "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/orders\"}";

  private WireMockServer server;
  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private OpsContext ctx;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    ctx = context(RetryPolicy.DEFAULT.withMaxAttempts(3).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.stop();
  }

  private OpsContext context(RetryPolicy retry) {
    return OpsContext.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(server.baseUrl()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-key-value")))
        .retryPolicy(retry)
        .auditSink(audit)
        .build();
  }

  private SqsClient sqs() {
    return ctx.client(SqsClient.class, SqsClient::builder);
  }

  /** The first {@code lost} CreateQueue requests lose their answer (connection reset), later ones succeed. */
  private void answersLostThenOk(int lost) {
    String state = Scenario.STARTED;
    for (int i = 1; i <= lost; i++) {
      server.stubFor(post(anyUrl()).inScenario("lost").whenScenarioStateIs(state)
          .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("after-" + i));
      state = "after-" + i;
    }
    server.stubFor(post(anyUrl()).inScenario("lost").whenScenarioStateIs(state)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(QUEUE)));
  }

  private static CreateQueueRequest create() {
    return CreateQueueRequest.builder().queueName("orders").build();
  }

  /**
   * A fake listing of the resources with the change's inputs: {@code before} on the first call (made before
   * the create, someone else's), {@code after} on later ones, "created" in order.
   */
  private static final class Listing implements Supplier<List<Duplicates.Made<CreateQueueResponse>>> {
    final List<String> before;
    final List<String> after;
    int calls;

    Listing(List<String> before, String... after) {
      this.before = before;
      this.after = List.of(after);
    }

    Listing(String... after) {
      this(List.of(), after);
    }

    @Override
    public List<Duplicates.Made<CreateQueueResponse>> get() {
      List<String> ids = calls++ == 0 ? before : after;
      List<Duplicates.Made<CreateQueueResponse>> made = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        made.add(new Duplicates.Made<>(ids.get(i), Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i),
            CreateQueueResponse.builder().queueUrl(ids.get(i)).build()));
      }
      return made;
    }
  }

  private Change<CreateQueueResponse> createWith(Listing listing, List<String> removed, boolean removalFails) {
    return Change.of("sqs:CreateQueue", "orders", create(), sqs()::createQueue)
        .duplicatesOfRetries(Duplicates.of(CreateQueueResponse::queueUrl, listing, id ->
            Change.described("sqs:DeleteQueue", id, Map.of("QueueUrl", id), () -> {
              if (removalFails) {
                throw new ServiceException("delete refused", "sqs:DeleteQueue", id, null);
              }
              removed.add(id);
              return id;
            }).build()))
        .build();
  }

  @Nested
  class RetriedCreatesWithoutIdempotencyToken {
    private final String answered = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

    @Test
    void aFirstAttemptThatSucceedsNeverLooksForDuplicatesSoNothingOfAnyoneElseIsDeleted() {
      answersLostThenOk(0);
      Listing listing = new Listing(List.of("someone-elses-same-name"), answered, "someone-elses-same-name", "other");
      List<String> removed = new CopyOnWriteArrayList<>();

      ChangeResult<CreateQueueResponse> result = ctx.gate().submit(createWith(listing, removed, false));

      assertThat(result.isPlanned()).isFalse();
      assertThat(listing.calls).as("only the listing before the call").isEqualTo(1);
      assertThat(removed).isEmpty();
      assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.detail()).isNull());
    }

    @Test
    void aDuplicateMadeByALostAttemptIsRemovedAndSaid() {
      answersLostThenOk(1);
      Listing listing = new Listing(answered, "dup-1");
      List<String> removed = new CopyOnWriteArrayList<>();

      ChangeResult<CreateQueueResponse> result = ctx.gate().submit(createWith(listing, removed, false));

      assertThat(listing.calls).isEqualTo(2);
      assertThat(removed).containsExactly("dup-1");
      assertThat(result).isInstanceOfSatisfying(ChangeResult.Applied.class, a -> assertThat(a.note())
          .isEqualTo("removed [dup-1]: made by an earlier attempt of this call whose answer was lost; kept " + answered));
      assertThat(audit.events()).extracting(AuditEvent::operation).containsExactly("sqs:DeleteQueue", "sqs:CreateQueue");
      assertThat(audit.events().get(1).outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void whatExistedBeforeTheFirstAttemptIsNeverRemovedWhateverItsDate() {
      answersLostThenOk(1);
      Listing listing = new Listing(List.of("someone-elses"), "someone-elses", answered, "dup-1");
      List<String> removed = new CopyOnWriteArrayList<>();

      ctx.gate().submit(createWith(listing, removed, false));

      assertThat(removed).containsExactly("dup-1");
    }

    @Test
    void moreCandidatesThanLostAttemptsCannotBeProvenSoAllAreKeptAndTheCallFailsSayingSo() {
      answersLostThenOk(1);
      Listing listing = new Listing(answered, "dup-1", "other-2");
      List<String> removed = new CopyOnWriteArrayList<>();

      assertThatThrownBy(() -> ctx.gate().submit(createWith(listing, removed, false)))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("made " + answered + ", and also found [dup-1, other-2] with the same inputs, made"
              + " during this call: more of them (2) than attempts whose answer was lost (1), so they cannot be proven"
              + " to be this call's and all were kept");
      assertThat(removed).isEmpty();
      assertThat(audit.events()).singleElement().satisfies(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.detail()).contains("all were kept");
      });
    }

    @Test
    void aRemovalThatFailsFailsTheCallSayingWhatExistsAndTheAuditAgrees() {
      answersLostThenOk(1);
      Listing listing = new Listing(answered, "dup-1");

      assertThatThrownBy(() -> ctx.gate().submit(createWith(listing, new ArrayList<>(), true)))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("made " + answered + ", but removing the duplicates that earlier attempts of this call"
              + " made failed")
          .hasMessageContaining("Exist now: " + answered + " (this call's) and the duplicates [dup-1]");
      assertThat(audit.events()).extracting(AuditEvent::operation, AuditEvent::outcome).containsExactly(
          org.assertj.core.groups.Tuple.tuple("sqs:DeleteQueue", Outcome.FAILED),
          org.assertj.core.groups.Tuple.tuple("sqs:CreateQueue", Outcome.FAILED));
    }

    @Test
    void aListingThatFailsFailsTheCallSayingDuplicatesMayExist() {
      answersLostThenOk(1);
      AtomicInteger lists = new AtomicInteger();
      Supplier<List<Duplicates.Made<CreateQueueResponse>>> throttled = () -> {
        if (lists.getAndIncrement() == 0) {
          return List.of();
        }
        throw new ThrottledException("slow down", "sqs:ListQueues", null, null);
      };
      Change<CreateQueueResponse> change = Change.of("sqs:CreateQueue", "orders", create(), sqs()::createQueue)
          .duplicatesOfRetries(Duplicates.of(CreateQueueResponse::queueUrl, throttled,
              id -> Change.described("sqs:DeleteQueue", id, Map.of(), () -> id).build()))
          .build();

      assertThatThrownBy(() -> ctx.gate().submit(change))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("made " + answered + ", but looking for duplicates made by its 1 unanswered attempt(s)"
              + " failed")
          .hasMessageContaining("up to 1 more resources with the same inputs may exist");
      assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
    }

    @Test
    void whenEveryAnswerIsLostTheEarliestMadeIsAdoptedAndTheRestRemoved() {
      answersLostThenOk(3);
      Listing listing = new Listing("made-1", "made-2", "made-3");
      List<String> removed = new CopyOnWriteArrayList<>();

      ChangeResult<CreateQueueResponse> result = ctx.gate().submit(createWith(listing, removed, false));

      assertThat(server.countRequestsMatching(postRequestedFor(anyUrl()).build()).getCount()).isEqualTo(3);
      assertThat(listing.calls).isEqualTo(2);
      assertThat(result.value()).hasValueSatisfying(r -> assertThat(r.queueUrl()).isEqualTo("made-1"));
      assertThat(removed).containsExactly("made-2", "made-3");
      assertThat(audit.events()).last().satisfies(e -> {
        assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(e.detail()).startsWith("every answer of the call was lost, but attempts made made-1 (kept)");
      });
    }

    @Test
    void whenEveryAnswerIsLostAndNothingIsVisibleTheFailureStands() {
      answersLostThenOk(3);

      assertThatThrownBy(() -> ctx.gate().submit(createWith(new Listing(), new ArrayList<>(), false)))
          .isInstanceOf(ServiceException.class)
          .hasMessageContaining("after 3 attempts");
      assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
    }
  }

  @Nested
  class Timeouts {
    @Test
    void aHungEndpointEndsInOperationTimeoutWithinTheAttemptBudget() {
      server.stubFor(post(anyUrl()).willReturn(aResponse().withFixedDelay(3_000).withStatus(200).withBody(QUEUE)));
      try (OpsContext quick = context(RetryPolicy.DEFAULT.withMaxAttempts(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
          .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200)))) {
        SqsClient client = quick.client(SqsClient.class, SqsClient::builder);

        assertThatThrownBy(() -> Reads.read("sqs:ListQueues", null, () -> client.listQueues(ListQueuesRequest.builder().build())))
            .isInstanceOf(OperationTimeoutException.class)
            .hasMessageStartingWith("sqs:ListQueues: every attempt of the AWS call timed out (RetryPolicy.apiCallAttemptTimeout)"
                + " after 2 attempts; the endpoint is slow or hung.");
      }
    }

    @Test
    void theDefaultsAreDocumentedValues() {
      assertThat(RetryPolicy.DEFAULT.apiCallTimeout()).isEqualTo(Duration.ofMinutes(2));
      assertThat(RetryPolicy.DEFAULT.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(30));
      assertThatThrownBy(() -> RetryPolicy.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid retryPolicy.apiCallTimeout: 'PT1S'. Allowed: at least apiCallAttemptTimeout (PT2S)");
    }
  }

  @Nested
  class ClosedUnderTheCall {
    @Test
    void aChangeOnAClosedContextsClientIsAStateErrorNeverApachesIllegalState() {
      server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(QUEUE)));
      SqsClient client = sqs();
      ctx.close();

      assertThatThrownBy(() -> ctx.gate().submit(Change.of("sqs:CreateQueue", "orders", create(), client::createQueue).build()))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("sqs:CreateQueue on orders: the context was closed while the call ran (its HTTP client is shut down);"
              + " the call may or may not have reached AWS. Use a context that stays open until its work is done.");
      assertThat(audit.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.FAILED));
    }

    @Test
    void aReadOnAClosedContextsClientIsAStateError() {
      SqsClient client = sqs();
      ctx.close();

      assertThatThrownBy(() -> Reads.read("sqs:ListQueues", null, () -> client.listQueues(ListQueuesRequest.builder().build())))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("the context was closed while the call ran");
    }
  }

  @Nested
  class DerivedContexts {
    @Test
    void aDroppedDerivedContextAndItsClientsAreNotKeptAliveByTheRoot() throws InterruptedException {
      List<WeakReference<SdkClient>> clients = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        OpsContext derived = ctx.withDryRun(true);
        clients.add(new WeakReference<>(derived.client(SqsClient.class, SqsClient::builder)));
      }
      for (int round = 0; round < 50 && clients.stream().anyMatch(r -> r.get() != null); round++) {
        System.gc();
        Thread.sleep(20);
        ctx.withDryRun(true).close(); // deriving expunges what was collected
      }
      assertThat(clients).allSatisfy(r -> assertThat(r.get()).isNull());
    }

    @Test
    void closingTheRootStillClosesALiveDerivedContext() {
      OpsContext derived = ctx.withDryRun(true);
      SqsClient client = derived.client(SqsClient.class, SqsClient::builder);
      ctx.close();

      assertThatThrownBy(() -> derived.client(SqsClient.class, SqsClient::builder))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("the context is closed");
      assertThat(client).isNotNull();
    }
  }

  @Nested
  class ClientSettingsAreTheContextsConcern {
    @Test
    void settingsApplyToEveryClientOfTheirBuilderTypeWhoeverAsksFirst() {
      AtomicInteger applied = new AtomicInteger();
      try (OpsContext configured = OpsContext.builder().region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
          .clientSettings(SqsClientBuilder.class, b -> applied.incrementAndGet())
          .build();
          OpsContext derived = configured.forRegion(Region.EU_WEST_1)) {
        configured.client(SqsClient.class, SqsClient::builder);
        derived.client(SqsClient.class, SqsClient::builder);
      }
      assertThat(applied).hasValue(2);
    }

    @Test
    void anEndpointWithUserInfoIsRefusedWithoutEchoingThePassword() {
      assertThatThrownBy(() -> OpsContext.builder().endpointOverride(URI.create("ftp://user:PASS@host")))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid endpointOverride: 'ftp://***@host'. Allowed: an absolute http or https URI, such as"
              + " http://127.0.0.1:5000")
          .satisfies(e -> assertThat(e.toString()).doesNotContain("PASS"));
      assertThatThrownBy(() -> OpsContext.builder().endpointOverride(URI.create("http://user:S3cr3t-V4lue@127.0.0.1:5000")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("a URI without user info")
          .satisfies(e -> assertThat(e.toString()).doesNotContain("S3cr3t-V4lue"));
    }
  }
}
