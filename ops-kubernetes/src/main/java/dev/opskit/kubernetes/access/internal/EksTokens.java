package dev.opskit.kubernetes.access.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.secret.SecretValue;
import dev.opskit.kubernetes.access.EksToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Makes EKS tokens as {@code aws eks get-token} (awscli {@code customizations/eks/get_token.py}) and
 * {@code aws-iam-authenticator} ({@code pkg/token/token.go}) do: a GET of STS {@code GetCallerIdentity} on the
 * regional endpoint, presigned by the SDK's SigV4 signer with the {@code x-k8s-aws-id} header signed and
 * {@code X-Amz-Expires=60} (ignored by STS: the URL is good for 15 minutes after {@code X-Amz-Date}), then
 * {@code "k8s-aws-v1." + base64url(url)} without padding. The query is written as botocore writes it: the signed
 * parameters in canonical (sorted) order, the signature last.
 */
final class EksTokens {
  private static final Logger LOG = LoggerFactory.getLogger(EksTokens.class);

  /** The token's prefix: version 1 of the EKS token format. */
  static final String PREFIX = "k8s-aws-v1.";
  /** The header that binds the token to one cluster. */
  static final String CLUSTER_HEADER = "x-k8s-aws-id";
  /** The presigned URL's {@code X-Amz-Expires}, as the CLI and the authenticator set it. */
  static final Duration URL_EXPIRES = Duration.ofSeconds(60);

  private static final String SIGNATURE = "X-Amz-Signature";

  private final OpsContext ctx;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  EksTokens(OpsContext ctx) {
    this.ctx = ctx;
  }

  /** The STS endpoint the token's URL names: {@code https://sts.<region>.<partition's DNS suffix>/}. */
  URI stsEndpoint() {
    String region = ctx.region().id();
    return URI.create("https://sts." + region + "." + PartitionMetadata.of(ctx.region()).dnsSuffix() + "/");
  }

  /** A token for a cluster whose name is checked already, signed at the context clock's second. */
  EksToken token(String clusterName) {
    Instant now = ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    String url = Reads.read("sts:GetCallerIdentity", clusterName, () -> presign(clusterName, now));
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    EksToken made = new EksToken(clusterName, SecretValue.of("token", token), now);
    LOG.debug("made EKS token cluster={} issuedAt={} expiresAt={}", clusterName, now, made.expiresAt());
    return made;
  }

  private String presign(String clusterName, Instant now) {
    AwsCredentialsIdentity credentials = ctx.credentialsProvider().resolveCredentials();
    URI endpoint = stsEndpoint();
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.GET)
        .uri(endpoint)
        .putRawQueryParameter("Action", "GetCallerIdentity")
        .putRawQueryParameter("Version", "2011-06-15")
        .putHeader(CLUSTER_HEADER, clusterName)
        .build();
    SdkHttpRequest signed = signer.sign(r -> r.identity(credentials)
            .request(request)
            .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
            .putProperty(AwsV4HttpSigner.REGION_NAME, ctx.region().id())
            .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
            .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, URL_EXPIRES)
            .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)))
        .request();
    return endpoint + "?" + query(signed.rawQueryParameters());
  }

  /** The signed parameters in canonical order, then the signature, each name and value URI-encoded. */
  private static String query(Map<String, List<String>> parameters) {
    StringBuilder query = new StringBuilder();
    Map<String, List<String>> sorted = new TreeMap<>(parameters);
    List<String> signature = sorted.remove(SIGNATURE);
    sorted.forEach((name, values) -> values.forEach(value -> append(query, name, value)));
    if (signature != null) {
      signature.forEach(value -> append(query, SIGNATURE, value));
    }
    return query.toString();
  }

  private static void append(StringBuilder query, String name, String value) {
    if (query.length() > 0) {
      query.append('&');
    }
    query.append(SdkHttpUtils.urlEncode(name)).append('=').append(SdkHttpUtils.urlEncode(value));
  }
}
