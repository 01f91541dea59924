package dev.opskit.kubernetes.access.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.RetryPolicy;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.access.EksCluster;
import dev.opskit.kubernetes.access.EksClusterStatus;
import dev.opskit.kubernetes.access.EksClusters;
import dev.opskit.kubernetes.access.EksToken;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.DescribeClusterRequest;

/** {@link EksClusters} on the context's EKS client, its credentials and its clock. */
public final class EksClustersImpl implements EksClusters {
  /** The operation named by the exceptions of {@link #connect(EksCluster)}. */
  static final String CONNECT = "kubernetes:Connect";
  /** The longest wait for a TCP and TLS connection to the API server. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final OpsContext ctx;
  private final EksTokens tokens;

  /**
   * Cluster access through a context.
   *
   * @param ctx the context
   */
  public EksClustersImpl(OpsContext ctx) {
    this.ctx = ctx;
    this.tokens = new EksTokens(ctx);
  }

  @Override
  public EksCluster describe(String clusterName) {
    String name = ClusterNames.check("clusterName", clusterName);
    EksClient eks = ctx.client(EksClient.class, EksClient::builder);
    DescribeClusterRequest request = DescribeClusterRequest.builder().name(name).build();
    return ClusterModel.cluster(name, Reads.read(ClusterModel.DESCRIBE, name, () -> eks.describeCluster(request).cluster()));
  }

  @Override
  public EksToken token(String clusterName) {
    return tokens.token(ClusterNames.check("clusterName", clusterName));
  }

  @Override
  public KubernetesClient connect(String clusterName) {
    return connect(describe(clusterName));
  }

  @Override
  public KubernetesClient connect(EksCluster cluster) {
    Checks.present("cluster", cluster, "an EKS cluster, as describe reads it");
    String name = cluster.name();
    if (!EksClusterStatus.ACTIVE.equals(cluster.status())) {
      throw new ResourceStateException("the cluster is " + cluster.status() + ", not ACTIVE; a client can connect "
          + "only to an ACTIVE cluster: wait until it is ACTIVE", CONNECT, name, null);
    }
    URI endpoint = cluster.endpoint();
    String authority = cluster.certificateAuthority();
    if (endpoint == null || authority == null) {
      throw new ResourceStateException("EKS reports no " + (endpoint == null ? "endpoint" : "certificate authority")
          + " for the cluster yet; describe it again once it has one", CONNECT, name, null);
    }
    if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw ValidationException.of("cluster.endpoint", endpoint, "an https URL with a host (the bearer token is "
          + "never sent in clear)");
    }
    requireCertificate(authority);
    RefreshingTokenProvider provider = new RefreshingTokenProvider(tokens.token(name), () -> tokens.token(name),
        ctx.clock());
    RetryPolicy retry = ctx.retryPolicy();
    Config config = new TokenConfig(new ConfigBuilder(Config.empty())
        .withMasterUrl(endpoint.toString())
        .withCaCertData(Base64.getEncoder().encodeToString(authority.getBytes(StandardCharsets.ISO_8859_1)))
        .withTrustCerts(false)
        .withOauthTokenProvider(provider)
        // fabric8 repeats failed requests itself (5xx, I/O errors), by default 10 times: the context's budget
        // instead, so a call sends at most maxAttempts requests, as an AWS call does.
        .withRequestRetryBackoffLimit(retry.maxAttempts() - 1)
        .withRequestRetryBackoffInterval(millis(retry.baseDelay()))
        .withRequestTimeout(millis(retry.apiCallAttemptTimeout()))
        .withConnectionTimeout(millis(connectTimeout(retry)))
        .build());
    return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
  }

  /** The connection timeout: at most {@link #CONNECT_TIMEOUT}, never longer than one attempt. */
  static Duration connectTimeout(RetryPolicy retry) {
    Duration attempt = retry.apiCallAttemptTimeout();
    return attempt.compareTo(CONNECT_TIMEOUT) < 0 ? attempt : CONNECT_TIMEOUT;
  }

  /** A duration in whole milliseconds for fabric8's int settings, at least 1 (0 would mean no timeout). */
  private static int millis(Duration duration) {
    long ms = duration.toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
  }

  /** The certificate authority must be X.509 certificates in PEM, as EKS's data decodes to. */
  private static void requireCertificate(String authority) {
    boolean certificate;
    try {
      certificate = authority.contains("-----BEGIN CERTIFICATE-----")
          && !CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(authority.getBytes(StandardCharsets.ISO_8859_1)))
              .isEmpty();
    } catch (CertificateException e) {
      certificate = false;
    }
    if (!certificate) {
      throw ValidationException.of("cluster.certificateAuthority", "(" + authority.length() + " characters)",
          "PEM X.509 certificates (-----BEGIN CERTIFICATE-----), as EKS's certificateAuthority.data decodes to");
    }
  }
}
