package dev.opskit.kubernetes.access;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.access.internal.EksClustersImpl;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Access to EKS clusters, what {@code aws eks update-kubeconfig} and {@code aws-iam-authenticator} do: read a cluster
 * with DescribeCluster, make the EKS bearer token, and connect a fabric8 {@link KubernetesClient} to the cluster.
 * Reads only: nothing here changes AWS or the cluster, so nothing passes the gate.
 *
 * <pre>{@code
 * EksClusters clusters = EksClusters.using(ctx);
 * try (KubernetesClient k8s = clusters.connect("prod-cluster")) {
 *   k8s.nodes().list();
 * }
 * }</pre>
 */
public interface EksClusters {
  /**
   * The cluster access of a context: its region, credentials, clock and EKS client.
   *
   * @param ctx the context
   * @return the cluster access
   * @throws ValidationException when {@code ctx} is null
   */
  static EksClusters using(OpsContext ctx) {
    return new EksClustersImpl(Checks.present("ctx", ctx, "an OpsContext"));
  }

  /**
   * Reads a cluster with EKS {@code DescribeCluster}.
   *
   * @param clusterName the cluster's name: 1 to 100 characters, a letter or digit then letters, digits, hyphens
   *     and underscores
   * @return the cluster as EKS describes it
   * @throws ValidationException when the name is not an EKS cluster name (before any call)
   * @throws ResourceNotFoundException when no cluster of that name exists in the context's account and region
   * @throws dev.opskit.core.OpsException for any other failure, naming {@code eks:DescribeCluster} and the cluster
   */
  EksCluster describe(String clusterName);

  /**
   * Makes the EKS bearer token of a cluster, as {@code aws eks get-token} and {@code aws-iam-authenticator token}
   * do: an STS {@code GetCallerIdentity} URL presigned with the context's credentials and region (Signature
   * Version 4, the {@code x-k8s-aws-id} header naming the cluster signed), made into
   * {@code k8s-aws-v1.<base64url of the URL, without padding>}. No call is made; the cluster need not exist. The
   * URL names the regional STS endpoint whatever the context's endpoint override: the cluster sends it, not OpsKit.
   *
   * @param clusterName the cluster's name
   * @return the token, valid {@link EksToken#VALIDITY} from the context's clock
   * @throws ValidationException when the name is not an EKS cluster name
   * @throws dev.opskit.core.OpsException when the context's credentials cannot be resolved
   */
  EksToken token(String clusterName);

  /**
   * Reads the cluster ({@link #describe}) and connects a client to it ({@link #connect(EksCluster)}).
   *
   * @param clusterName the cluster's name
   * @return a client for the cluster; the caller closes it
   * @throws ValidationException when the name is not an EKS cluster name
   * @throws ResourceNotFoundException when there is no such cluster
   * @throws ResourceStateException when the cluster is not {@code ACTIVE} or has no endpoint or certificate
   *     authority yet
   */
  KubernetesClient connect(String clusterName);

  /**
   * Connects a fabric8 client (over the JDK's HTTP client) to a cluster's endpoint, trusting its certificate
   * authority only. Every request carries {@code Authorization: Bearer <EKS token>}; the token is made now and made
   * again on the first request after {@link EksToken#REFRESH_AFTER} (on the context's clock), well before it
   * expires. The client reads no kubeconfig, environment or service account. Close it before the context: its
   * tokens are signed with the context's credentials.
   *
   * <p>Its retries and timeouts are the context's {@link dev.opskit.core.RetryPolicy}, not fabric8's defaults: at
   * most {@code maxAttempts} requests per call (fabric8's {@code requestRetryBackoffLimit} is
   * {@code maxAttempts - 1}, repeating 5xx answers and I/O errors), backoff from {@code baseDelay} (fabric8 doubles
   * it each retry), each request ending after {@code apiCallAttemptTimeout}, and a connection attempt after at most
   * 10 seconds (never longer than one request).
   *
   * @param cluster the cluster, as {@link #describe} reads it (or built for a test)
   * @return a client for the cluster; the caller closes it
   * @throws ValidationException when {@code cluster} is null, its endpoint is not an {@code https} URL or its
   *     certificate authority is not a PEM X.509 certificate
   * @throws ResourceStateException when the cluster is not {@code ACTIVE} or has no endpoint or certificate
   *     authority
   * @throws dev.opskit.core.OpsException when the context's credentials cannot be resolved
   */
  KubernetesClient connect(EksCluster cluster);
}
