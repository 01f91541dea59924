package dev.opskit.kubernetes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.ManualTime;
import dev.opskit.core.OperationTimeoutException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import dev.opskit.kubernetes.health.ClusterHealth;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** A fabric8 client for an EKS cluster: its endpoint, its CA only, and an EKS token made again before it expires. */
class ConnectTest {
  static {
    Logs.init();
  }

  private static final Arn ARN = Arn.parse("arn:aws:eks:eu-west-1:123456789012:cluster/prod-cluster");
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final ManualTime clock = new ManualTime(START);
  private final OpsContext ctx = OpsContext.builder()
      .region(Region.EU_WEST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-key")))
      .clock(clock)
      .build();
  // One TLS server for the class (its self-signed certificate takes a while to make); expectations and recorded
  // requests are cleared before each test.
  private static final KubernetesMockServer server = new KubernetesMockServer(true);
  private @Nullable KubernetesClient client;
  private int requestsBefore;

  @BeforeAll
  static void start() {
    server.init();
  }

  @AfterAll
  static void stop() {
    server.destroy();
  }

  @BeforeEach
  void clear() throws InterruptedException {
    server.clearExpectations();
    while (server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
      // drained
    }
    requestsBefore = server.getRequestCount();
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    ctx.close();
  }

  private String serverCa() {
    try {
      return Files.readString(Path.of(server.getSelfSignedCertificate().certificatePath()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private EksCluster cluster(EksClusterStatus status, @Nullable URI endpoint, @Nullable String ca) {
    return new EksCluster("prod-cluster", ARN, status, "1.31", endpoint, ca, "eks.9");
  }

  private EksCluster mockCluster() {
    return cluster(EksClusterStatus.ACTIVE, URI.create(server.url("/")), serverCa());
  }

  private void namespacesAlways() {
    server.expect().get().withPath("/api/v1/namespaces")
        .andReturn(200, new NamespaceListBuilder()
            .addToItems(new NamespaceBuilder().withNewMetadata().withName("production").endMetadata().build()).build())
        .always();
  }

  private List<String> namespaces() {
    return client().namespaces().list().getItems().stream().map(n -> n.getMetadata().getName()).toList();
  }

  private KubernetesClient client() {
    if (client == null) {
      throw new AssertionError("connect first");
    }
    return client;
  }

  /** The bearer tokens of every request the server got, in order. */
  private List<String> bearerTokens() throws InterruptedException {
    List<String> tokens = new ArrayList<>();
    for (RecordedRequest request = server.takeRequest(1, TimeUnit.MILLISECONDS); request != null;
        request = server.takeRequest(1, TimeUnit.MILLISECONDS)) {
      String authorization = request.getHeader("Authorization");
      assertThat(authorization).as("Authorization of %s", request.getPath()).startsWith("Bearer k8s-aws-v1.");
      tokens.add(authorization.substring("Bearer ".length()));
    }
    return tokens;
  }

  private static String signedAt(String token) {
    return Tokens.query(Tokens.url(token)).get("X-Amz-Date");
  }

  @Test
  void talksToTheClustersEndpointOverTlsTrustingItsCaWithAnEksBearerToken() throws InterruptedException {
    namespacesAlways();
    client = EksClusters.using(ctx).connect(mockCluster());

    assertThat(namespaces()).containsExactly("production");

    List<String> tokens = bearerTokens();
    assertThat(tokens).hasSize(1);
    Map<String, String> query = Tokens.query(Tokens.url(tokens.get(0)));
    assertThat(query).containsEntry("Action", "GetCallerIdentity").containsEntry("X-Amz-Date", "20261201T100000Z")
        .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20261201/eu-west-1/sts/aws4_request");
    assertThat(client().getMasterUrl().toString()).isEqualTo(server.url("/"));
  }

  @Test
  void keepsTheTokenUntilTenMinutesThenMakesANewOne() throws InterruptedException {
    namespacesAlways();
    client = EksClusters.using(ctx).connect(mockCluster());

    namespaces();
    clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    namespaces();
    clock.advance(Duration.ofSeconds(1));
    namespaces();
    clock.advance(Duration.ofMinutes(3));
    namespaces();

    List<String> tokens = bearerTokens();
    assertThat(tokens).extracting(ConnectTest::signedAt)
        .containsExactly("20261201T100000Z", "20261201T100000Z", "20261201T101000Z", "20261201T101000Z");
    assertThat(tokens.get(0)).isEqualTo(tokens.get(1)).isNotEqualTo(tokens.get(2));
  }

  @Test
  void refusedRequestsNeverShowTheToken() throws InterruptedException {
    server.expect().get().withPath("/api/v1/namespaces").andReturn(401, "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
        + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}").always();
    client = EksClusters.using(ctx).connect(mockCluster());

    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(this::namespaces);

    assertThat(refused).isInstanceOf(KubernetesClientException.class);
    List<String> tokens = bearerTokens();
    assertThat(tokens).isNotEmpty();
    StringBuilder everything = new StringBuilder(String.valueOf(client())).append(client().getConfiguration());
    for (Throwable t = refused; t != null; t = t.getCause()) {
      everything.append(t).append('\n');
    }
    assertThat(everything.toString()).contains("Unauthorized").doesNotContain(tokens.get(0).substring(11, 60));
  }

  @Test
  void readsNoKubeconfigEnvironmentOrServiceAccount() {
    client = EksClusters.using(ctx).connect(mockCluster());

    assertThat(client().getConfiguration().getCurrentContext()).isNull();
    assertThat(client().getConfiguration().getOauthToken()).isNull();
    assertThat(client().getConfiguration().isTrustCerts()).isFalse();
  }

  @Nested
  class Refused {
    private void assertNoRequest() {
      assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
    }

    @Test
    void aClusterThatIsNotActive() {
      EksCluster creating = cluster(EksClusterStatus.CREATING, null, null);

      assertThatThrownBy(() -> EksClusters.using(ctx).connect(creating))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("kubernetes:Connect on prod-cluster: the cluster is CREATING, not ACTIVE; a client can connect"
              + " only to an ACTIVE cluster: wait until it is ACTIVE");
      assertNoRequest();
    }

    @Test
    void aStatusEksAddsLaterIsNamedToo() {
      EksCluster odd = cluster(EksClusterStatus.of("HIBERNATING"), URI.create(server.url("/")), serverCa());

      assertThatThrownBy(() -> EksClusters.using(ctx).connect(odd))
          .isInstanceOf(ResourceStateException.class)
          .hasMessageContaining("the cluster is HIBERNATING, not ACTIVE");
    }

    @Test
    void anActiveClusterWithoutEndpointOrCa() {
      assertThatThrownBy(() -> EksClusters.using(ctx).connect(cluster(EksClusterStatus.ACTIVE, null, serverCa())))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("kubernetes:Connect on prod-cluster: EKS reports no endpoint for the cluster yet; describe it"
              + " again once it has one");
      assertThatThrownBy(() -> EksClusters.using(ctx).connect(
              cluster(EksClusterStatus.ACTIVE, URI.create(server.url("/")), null)))
          .isInstanceOf(ResourceStateException.class)
          .hasMessage("kubernetes:Connect on prod-cluster: EKS reports no certificate authority for the cluster yet;"
              + " describe it again once it has one");
      assertNoRequest();
    }

    @Test
    void aPlainHttpEndpoint() {
      EksCluster plain = cluster(EksClusterStatus.ACTIVE, URI.create("http://127.0.0.1:" + server.getPort() + "/"),
          serverCa());

      assertThatThrownBy(() -> EksClusters.using(ctx).connect(plain))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid cluster.endpoint: 'http://127.0.0.1:" + server.getPort() + "/'. Allowed: an https URL"
              + " with a host (the bearer token is never sent in clear)");
      assertNoRequest();
    }

    @Test
    void aCertificateAuthorityThatIsNotAPemCertificate() {
      EksCluster garbled = cluster(EksClusterStatus.ACTIVE, URI.create(server.url("/")), "not a certificate");

      assertThatThrownBy(() -> EksClusters.using(ctx).connect(garbled))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid cluster.certificateAuthority: '(17 characters)'. Allowed: PEM X.509 certificates"
              + " (-----BEGIN CERTIFICATE-----), as EKS's certificateAuthority.data decodes to");
      assertNoRequest();
    }

    @Test
    void noCluster() {
      assertThatThrownBy(() -> EksClusters.using(ctx).connect((EksCluster) null))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid cluster: null. Allowed: an EKS cluster, as describe reads it");
    }
  }

  @Test
  void aServerWithAnotherCaIsNotTrusted() throws IOException {
    namespacesAlways();
    KubernetesMockServer other = new KubernetesMockServer(true);
    other.init();
    try {
      String otherCa = Files.readString(Path.of(other.getSelfSignedCertificate().certificatePath()),
          StandardCharsets.US_ASCII);
      client = EksClusters.using(ctx).connect(
          cluster(EksClusterStatus.ACTIVE, URI.create(server.url("/")), otherCa));

      assertThatThrownBy(this::namespaces).isInstanceOf(KubernetesClientException.class);
      assertThat(server.getRequestCount()).isEqualTo(requestsBefore);
    } finally {
      other.destroy();
    }
  }

  /** fabric8's own retries and timeouts are the context's retry budget, not fabric8's defaults (10 retries). */
  @Nested
  class RetryBudget {
    private static final String NODES = "/api/v1/nodes?limit=500";
    private final List<OpsContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
      if (client != null) {
        client.close();
        client = null;
      }
      contexts.forEach(OpsContext::close);
    }

    private OpsContext context(RetryPolicy policy) {
      OpsContext c = OpsContext.builder()
          .region(Region.EU_WEST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-key")))
          .clock(clock)
          .retryPolicy(policy)
          .build();
      contexts.add(c);
      return c;
    }

    private void nodesFailAlways() {
      server.expect().get().withPath(NODES).andReturn(500, new StatusBuilder().withStatus("Failure").withCode(500)
          .withReason("InternalError").withMessage("etcdserver: request timed out").build()).always();
    }

    @Test
    void aFailingAnswerIsAskedExactlyMaxAttemptsTimesThenIsAServiceException() throws InterruptedException {
      nodesFailAlways();
      OpsContext three = context(RetryPolicy.DEFAULT.withMaxAttempts(3).withBackoff(Duration.ofMillis(1),
          Duration.ofMillis(10)));
      client = EksClusters.using(three).connect(mockCluster());

      assertThatThrownBy(() -> ClusterHealth.using(three, client()).nodes())
          .isInstanceOf(ServiceException.class)
          .hasMessage("kubernetes:ListNodes: the API server failed (HTTP 500): etcdserver: request timed out. Try"
              + " again later.");
      assertThat(bearerTokens()).hasSize(3);
    }

    @Test
    void oneAttemptIsOneRequest() throws InterruptedException {
      nodesFailAlways();
      OpsContext once = context(RetryPolicy.DEFAULT.withMaxAttempts(1));
      client = EksClusters.using(once).connect(mockCluster());

      assertThatThrownBy(() -> ClusterHealth.using(once, client()).nodes()).isInstanceOf(ServiceException.class);
      assertThat(bearerTokens()).hasSize(1);
    }

    @Test
    void theClientsSettingsAreTheContexts() {
      OpsContext tuned = context(RetryPolicy.DEFAULT.withMaxAttempts(4).withBackoff(Duration.ofMillis(250),
          Duration.ofSeconds(5)).withTimeouts(Duration.ofMinutes(1), Duration.ofSeconds(45)));
      client = EksClusters.using(tuned).connect(mockCluster());

      assertThat(client().getConfiguration().getRequestRetryBackoffLimit()).isEqualTo(3);
      assertThat(client().getConfiguration().getRequestRetryBackoffInterval()).isEqualTo(250);
      assertThat(client().getConfiguration().getRequestTimeout()).isEqualTo(45_000);
      assertThat(client().getConfiguration().getConnectionTimeout()).isEqualTo(10_000);
    }

    @Test
    void theConnectionTimeoutIsNeverLongerThanAnAttempt() {
      OpsContext quick = context(RetryPolicy.DEFAULT.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2)));
      client = EksClusters.using(quick).connect(mockCluster());

      assertThat(client().getConfiguration().getRequestTimeout()).isEqualTo(2_000);
      assertThat(client().getConfiguration().getConnectionTimeout()).isEqualTo(2_000);
    }

    @Test
    void anAttemptThatGetsNoAnswerInTimeIsATimeout() {
      server.expect().get().delay(5, TimeUnit.SECONDS).withPath(NODES).andReturn(200, new NodeListBuilder().build())
          .always();
      OpsContext impatient = context(RetryPolicy.DEFAULT.withMaxAttempts(1)
          .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
      client = EksClusters.using(impatient).connect(mockCluster());

      assertThatThrownBy(() -> ClusterHealth.using(impatient, client()).nodes())
          .isInstanceOf(OperationTimeoutException.class)
          .hasMessageStartingWith("kubernetes:ListNodes: the API server did not answer in time: ")
          .hasMessageEndingWith(". A change may or may not have been made: check before repeating it.");
    }
  }
}
