package dev.opskit.kubernetes.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static java.util.stream.Collectors.joining;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.opskit.kubernetes.ManualTime;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.opskit.core.AccessDeniedException;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ServiceException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Arn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * DescribeCluster at HTTP level (REST-JSON, {@code GET /clusters/{name}}, shaped as the EKS API reference), for what
 * moto cannot show: a cluster still CREATING (moto's are ACTIVE at once), a real PEM certificate authority, and
 * that a bad name never reaches the wire.
 */
class DescribeClusterHttpTest {
  static {
    Logs.init();
  }

  @RegisterExtension
  static final WireMockExtension EKS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PEM = """
      -----BEGIN CERTIFICATE-----
      MIIC5zCCAc+gAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl
      -----END CERTIFICATE-----
      """;

  private final OpsContext ctx = OpsContext.builder()
      .region(Region.EU_WEST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
      .endpointOverride(URI.create(EKS.baseUrl()))
      .clock(new ManualTime(Instant.parse("2026-12-01T10:00:00Z")))
      .build();

  @AfterEach
  void close() {
    ctx.close();
  }

  private static String cluster(String name, String status, String extra) {
    return "{\"cluster\":{\"name\":\"" + name + "\",\"arn\":\"arn:aws:eks:eu-west-1:123456789012:cluster/" + name
        + "\",\"createdAt\":1.7648208E9,\"version\":\"1.31\",\"roleArn\":\"arn:aws:iam::123456789012:role/eks\","
        + "\"status\":\"" + status + "\",\"platformVersion\":\"eks.9\"" + extra + "}}";
  }

  private static void answer(String name, String body) {
    EKS.stubFor(get(urlEqualTo("/clusters/" + name)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void readsEndpointAndDecodesTheCertificateAuthority() {
    answer("prod-cluster", cluster("prod-cluster", "ACTIVE", ",\"endpoint\":\"https://ABCDEF0123.gr7.eu-west-1.eks"
        + ".amazonaws.com\",\"certificateAuthority\":{\"data\":\""
        + Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.US_ASCII)) + "\"}"));

    EksCluster cluster = EksClusters.using(ctx).describe("prod-cluster");

    assertThat(cluster).isEqualTo(new EksCluster("prod-cluster",
        Arn.parse("arn:aws:eks:eu-west-1:123456789012:cluster/prod-cluster"), EksClusterStatus.ACTIVE, "1.31",
        URI.create("https://ABCDEF0123.gr7.eu-west-1.eks.amazonaws.com"), PEM, "eks.9"));
    assertThat(cluster.isConnectable()).isTrue();
    assertThat(cluster.toString()).contains("certificateAuthority=(" + PEM.length() + " characters of PEM)")
        .doesNotContain("MIIC");
  }

  @Test
  void aClusterBeingCreatedHasNoEndpointAndCannotBeConnected() {
    answer("new-cluster", cluster("new-cluster", "CREATING", ""));

    EksCluster cluster = EksClusters.using(ctx).describe("new-cluster");

    assertThat(cluster.status()).isSameAs(EksClusterStatus.CREATING);
    assertThat(cluster.endpoint()).isNull();
    assertThat(cluster.certificateAuthority()).isNull();
    assertThat(cluster.isConnectable()).isFalse();
    assertThatThrownBy(() -> EksClusters.using(ctx).connect("new-cluster"))
        .isInstanceOf(ResourceStateException.class)
        .hasMessage("kubernetes:Connect on new-cluster: the cluster is CREATING, not ACTIVE; a client can connect"
            + " only to an ACTIVE cluster: wait until it is ACTIVE");
  }

  @Test
  void aStatusEksAddsLaterIsKeptNotRefused() {
    answer("odd", cluster("odd", "HIBERNATING", ""));

    EksClusterStatus status = EksClusters.using(ctx).describe("odd").status();

    assertThat(status.value()).isEqualTo("HIBERNATING");
    assertThat(status.isKnown()).isFalse();
    assertThat(status).isEqualTo(EksClusterStatus.of("HIBERNATING"));
  }

  @Test
  void certificateAuthorityDataThatIsNotBase64IsAServiceErrorNamingTheCall() {
    answer("broken", cluster("broken", "ACTIVE", ",\"endpoint\":\"https://x.eks.amazonaws.com\","
        + "\"certificateAuthority\":{\"data\":\"!!not base64!!\"}"));

    assertThatThrownBy(() -> EksClusters.using(ctx).describe("broken"))
        .isInstanceOf(ServiceException.class)
        .hasMessage("eks:DescribeCluster on broken: EKS answered certificateAuthority.data that is not base64");
  }

  @Test
  void eksErrorsAreMappedNamingTheCallAndCluster() {
    EKS.stubFor(get(urlEqualTo("/clusters/absent")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
        .withBody("{\"message\":\"No cluster found for name: absent.\"}")));
    EKS.stubFor(get(urlEqualTo("/clusters/secret-cluster")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
        .withBody("{\"message\":\"User is not authorized to perform: eks:DescribeCluster\"}")));

    assertThatThrownBy(() -> EksClusters.using(ctx).describe("absent"))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("eks:DescribeCluster on absent: ")
        .hasMessageContaining("No cluster found for name: absent.");
    assertThatThrownBy(() -> EksClusters.using(ctx).connect("secret-cluster"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageStartingWith("eks:DescribeCluster on secret-cluster: ");
  }

  @Nested
  class BadNames {
    /** EKS's documented rule (CreateCluster {@code name}), the oracle. */
    private final Pattern eks = Pattern.compile("^[0-9A-Za-z][A-Za-z0-9\\-_]*$");

    private boolean valid(String name) {
      return name.codePointCount(0, name.length()) >= 1 && name.codePointCount(0, name.length()) <= 100
          && eks.matcher(name).matches();
    }

    /** Characters EKS allows somewhere in a name. */
    private static final String NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** Names of EKS's characters, lengths around the bounds, some with other text put in front, inside or after. */
    private Gen<String> names() {
      Gen<String> nameChars = lists().of(integers().between(0, NAME_CHARS.length() - 1)).ofSizeBetween(0, 110)
          .map(indices -> indices.stream().map(i -> String.valueOf(NAME_CHARS.charAt(i))).collect(joining()));
      Gen<String> anything = strings().allPossible().ofLengthBetween(1, 4);
      return nameChars.zip(anything, integers().between(0, 5), (base, odd, how) -> switch (how) {
        case 3 -> odd + base;
        case 4 -> base + odd;
        case 5 -> base.substring(0, base.length() / 2) + odd + base.substring(base.length() / 2);
        default -> base;
      });
    }

    @Test
    void exactlyWhatEksAcceptsPassesAndTheRestIsRefusedBeforeAnyCall() {
      EKS.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody(cluster("x", "ACTIVE", ""))));
      EksClusters clusters = EksClusters.using(ctx);
      AtomicInteger accepted = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();

      qt().withExamples(400).forAll(names()).checkAssert(name -> {
        if (valid(name)) {
          accepted.incrementAndGet();
          assertThat(clusters.token(name).clusterName()).isEqualTo(name);
        } else {
          refused.incrementAndGet();
          assertThatThrownBy(() -> clusters.describe(name)).isInstanceOf(ValidationException.class)
              .hasMessageStartingWith("Invalid clusterName: '" + name + "'. Allowed: an EKS cluster name: 1 to 100"
                  + " characters");
          assertThatThrownBy(() -> clusters.token(name)).isInstanceOf(ValidationException.class);
          assertThatThrownBy(() -> clusters.connect(name)).isInstanceOf(ValidationException.class);
        }
      });
      EKS.verify(0, anyRequestedFor(anyUrl()));
      assertThat(accepted).as("valid names generated").hasValueGreaterThan(50);
      assertThat(refused).as("invalid names generated").hasValueGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-starts-with-hyphen", "_underscore-first", "has space", "has.dot", "ünïcode",
        "trailing-newline\n"})
    void namedInTheMessage(String name) {
      assertThatThrownBy(() -> EksClusters.using(ctx).describe(name))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid clusterName: '" + name + "'. Allowed: an EKS cluster name: 1 to 100 characters, a"
              + " letter or digit, then letters, digits, hyphens and underscores (^[0-9A-Za-z][A-Za-z0-9\\-_]*$)");
      EKS.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void nullAndTooLong() {
      assertThatThrownBy(() -> EksClusters.using(ctx).describe(null)).isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid clusterName: null. Allowed: an EKS cluster name");
      assertThatThrownBy(() -> EksClusters.using(ctx).token("a".repeat(101))).isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("Invalid clusterName: '" + "a".repeat(101) + "'.");
      assertThat(EksClusters.using(ctx).token("a".repeat(100)).clusterName()).hasSize(100);
      EKS.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void noContext() {
      assertThatThrownBy(() -> EksClusters.using(null)).isInstanceOf(ValidationException.class)
          .hasMessage("Invalid ctx: null. Allowed: an OpsContext");
    }
  }
}
