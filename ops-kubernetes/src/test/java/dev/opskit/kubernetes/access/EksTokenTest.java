package dev.opskit.kubernetes.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.kubernetes.ManualTime;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ServiceException;
import dev.opskit.core.secret.SecretValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** The EKS token: the presigned STS GetCallerIdentity URL, as {@code aws eks get-token} makes it. */
class EksTokenTest {
  static {
    Logs.init();
  }

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant SIGNED = Instant.parse("2026-12-01T10:00:00Z");

  private static OpsContext context(Region region, AwsCredentialsProvider credentials, ManualTime clock) {
    return OpsContext.builder().region(region).credentialsProvider(credentials).clock(clock).build();
  }

  private static EksToken token(Region region, AwsCredentialsProvider credentials, Instant at, String cluster) {
    try (OpsContext ctx = context(region, credentials, new ManualTime(at))) {
      return EksClusters.using(ctx).token(cluster);
    }
  }

  private static StaticCredentialsProvider basic(String keyId) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, SECRET));
  }

  /**
   * Known answers made by the AWS CLI itself: awscli 1.45.11 (botocore 1.43.11)
   * {@code awscli.customizations.eks.get_token.TokenGenerator(STSClientFactory(session).get_sts_client(region_name=...))
   * .get_token(cluster)}, the session's credentials set as below and {@code botocore.auth.get_current_datetime}
   * patched to return 2026-12-01T10:00:00.
   */
  @Nested
  class KnownAnswers {
    @Test
    void isTheAwsCliTokenByteForByte() {
      EksToken token = token(Region.EU_WEST_1, basic("AKIDEXAMPLE"), SIGNED, "prod-cluster");

      assertThat(token.token().reveal()).isEqualTo("k8s-aws-v1."
          + "aHR0cHM6Ly9zdHMuZXUtd2VzdC0xLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1HZXRDYWxsZXJJZGVudGl0eSZWZXJzaW9uPTIwMTEtMDYt"
          + "MTUmWC1BbXotQWxnb3JpdGhtPUFXUzQtSE1BQy1TSEEyNTYmWC1BbXotQ3JlZGVudGlhbD1BS0lERVhBTVBMRSUyRjIwMjYxMjAxJTJG"
          + "ZXUtd2VzdC0xJTJGc3RzJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNjEyMDFUMTAwMDAwWiZYLUFtei1FeHBpcmVzPTYwJlgt"
          + "QW16LVNpZ25lZEhlYWRlcnM9aG9zdCUzQngtazhzLWF3cy1pZCZYLUFtei1TaWduYXR1cmU9ZGY4NjZjNjhjN2M2NGNhMzA3OWM2ODZl"
          + "OGY3YzNhZmQyMmE4ZDFmMWQ5MGJlMzFhZTExNDc5NmQ3MmI0YTRiOQ");
    }

    @Test
    void signsASessionTokenAsTheAwsCliDoes() {
      AwsCredentialsProvider session = StaticCredentialsProvider.create(
          AwsSessionCredentials.create("ASIAEXAMPLESESSION01", SECRET, "FwoGZXIvYXdzEXAMPLE/session+token=="));

      EksToken token = token(Region.US_WEST_2, session, SIGNED, "staging_2");

      // The CLI writes X-Amz-Security-Token after X-Amz-SignedHeaders, OpsKit in canonical order: the same
      // parameters and the same signature (the order of a query does not change what is signed).
      URI url = Tokens.url(token.token().reveal());
      assertThat(url.getHost()).isEqualTo("sts.us-west-2.amazonaws.com");
      assertThat(Tokens.query(url)).containsExactlyInAnyOrderEntriesOf(Map.of(
          "Action", "GetCallerIdentity",
          "Version", "2011-06-15",
          "X-Amz-Algorithm", "AWS4-HMAC-SHA256",
          "X-Amz-Credential", "ASIAEXAMPLESESSION01/20261201/us-west-2/sts/aws4_request",
          "X-Amz-Date", "20261201T100000Z",
          "X-Amz-Expires", "60",
          "X-Amz-SignedHeaders", "host;x-k8s-aws-id",
          "X-Amz-Security-Token", "FwoGZXIvYXdzEXAMPLE/session+token==",
          "X-Amz-Signature", "1ed1979c69c99324364f5b97205e59d3bbf9b9e637bbb909b3295ce1906f9a59"));
    }
  }

  @Nested
  class TheUrl {
    private final Instant at = Instant.parse("2027-03-14T15:09:26.535Z");
    private final EksToken token = token(Region.AP_SOUTHEAST_2, basic("AKIAIOSFODNN7EXAMPLE"), at, "orders");
    private final URI url = Tokens.url(token.token().reveal());
    private final Map<String, String> query = Tokens.query(url);

    @Test
    void isAGetCallerIdentityOnTheRegionalStsEndpoint() {
      assertThat(url.getScheme()).isEqualTo("https");
      assertThat(url.getHost()).isEqualTo("sts.ap-southeast-2.amazonaws.com");
      assertThat(url.getPort()).isEqualTo(-1);
      assertThat(url.getPath()).isEqualTo("/");
      assertThat(query).containsEntry("Action", "GetCallerIdentity").containsEntry("Version", "2011-06-15");
    }

    @Test
    void isPresignedWithSigV4ForStsInTheContextsRegionAtTheContextsClock() {
      assertThat(query).containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
          .containsEntry("X-Amz-Credential", "AKIAIOSFODNN7EXAMPLE/20270314/ap-southeast-2/sts/aws4_request")
          .containsEntry("X-Amz-Date", "20270314T150926Z")
          .containsEntry("X-Amz-Expires", "60");
      assertThat(query).containsEntry("X-Amz-SignedHeaders", "host;x-k8s-aws-id");
      assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
    }

    @Test
    void carriesOnlyTheParametersTheAuthenticatorAccepts() {
      // aws-iam-authenticator's parameterWhitelist (pkg/token/token.go): any other parameter fails the token.
      assertThat(query.keySet()).allSatisfy(name -> assertThat(name.toLowerCase(java.util.Locale.ROOT)).isIn("action",
          "version", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-expires", "x-amz-security-token",
          "x-amz-signature", "x-amz-signedheaders"));
    }

    @Test
    void isUnpaddedBase64UrlWithinTheAuthenticatorsSizeLimit() {
      String text = token.token().reveal();
      assertThat(text).startsWith("k8s-aws-v1.").doesNotContain("=", "+", "/").hasSizeLessThanOrEqualTo(4 * 1024);
    }

    @Test
    void expiresFifteenMinutesAfterSigningAndIsRefreshedAfterTen() {
      assertThat(token.clusterName()).isEqualTo("orders");
      assertThat(token.issuedAt()).isEqualTo(Instant.parse("2027-03-14T15:09:26Z"));
      assertThat(token.expiresAt()).isEqualTo(Instant.parse("2027-03-14T15:24:26Z"));
      assertThat(token.refreshAt()).isEqualTo(Instant.parse("2027-03-14T15:19:26Z"));
      assertThat(token.isDueForRefresh(token.issuedAt().plus(Duration.ofMinutes(9)))).isFalse();
      assertThat(token.isDueForRefresh(token.issuedAt().plus(Duration.ofMinutes(10)))).isTrue();
    }
  }

  @Test
  void namesTheClusterInTheSignedHeaderSoAnotherClustersTokenDiffers() {
    EksToken a = token(Region.EU_WEST_1, basic("AKIDEXAMPLE"), SIGNED, "cluster-a");
    EksToken b = token(Region.EU_WEST_1, basic("AKIDEXAMPLE"), SIGNED, "cluster-b");

    assertThat(Tokens.query(Tokens.url(a.token().reveal())).get("X-Amz-Signature"))
        .isNotEqualTo(Tokens.query(Tokens.url(b.token().reveal())).get("X-Amz-Signature"));
  }

  @Test
  void usesThePartitionsDomain() {
    EksToken token = token(Region.CN_NORTH_1, basic("AKIDEXAMPLE"), SIGNED, "prod");

    assertThat(Tokens.url(token.token().reveal()).getHost()).isEqualTo("sts.cn-north-1.amazonaws.com.cn");
    assertThat(Tokens.query(Tokens.url(token.token().reveal())))
        .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20261201/cn-north-1/sts/aws4_request");
  }

  @Nested
  class NeverShown {
    @Test
    void notInToString() {
      EksToken token = token(Region.EU_WEST_1, basic("AKIDEXAMPLE"), SIGNED, "prod-cluster");
      String signature = Tokens.query(Tokens.url(token.token().reveal())).get("X-Amz-Signature");

      assertThat(token.toString()).isEqualTo(
          "EksToken[clusterName=prod-cluster, issuedAt=2026-12-01T10:00:00Z, expiresAt=2026-12-01T10:15:00Z]");
      assertThat(token.token().toString()).isEqualTo(SecretValue.REDACTED);
      assertThat(String.valueOf(token)).doesNotContain(token.token().reveal(), signature, "k8s-aws-v1");
    }

    @Test
    void notInTheLogs() {
      assertThat(Logs.debugOn()).as("DEBUG logging of %s is on, so the scan below means something", Logs.PACKAGE)
          .isTrue();

      Logs.Captured<EksToken> made = Logs.capture(() -> token(Region.EU_WEST_1, basic("AKIDEXAMPLE"), SIGNED, "logged"));

      String token = made.value().token().reveal();
      assertThat(made.text()).contains("made EKS token cluster=logged")
          .doesNotContain(token, token.substring(Tokens.PREFIX.length(), Tokens.PREFIX.length() + 40),
              Tokens.query(Tokens.url(token)).get("X-Amz-Signature"), SECRET);
    }

    @Test
    void failingCredentialsAreAnOpsExceptionNamingTheCallAndCluster() {
      AwsCredentialsProvider failing = () -> {
        throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
      };

      assertThatThrownBy(() -> token(Region.EU_WEST_1, failing, SIGNED, "prod-cluster"))
          .isInstanceOf(ServiceException.class)
          .hasMessageStartingWith("sts:GetCallerIdentity on prod-cluster: ")
          .hasMessageContaining("Unable to load credentials");
    }
  }
}
