package dev.opskit.kubernetes.health;

import dev.opskit.core.OpsContext;
import dev.opskit.kubernetes.health.internal.ClusterHealthImpl;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The guide's "EKS Cluster Monitoring" as typed reads: {@code kubectl get nodes}, {@code kubectl get pods
 * --all-namespaces}, {@code kubectl top nodes}, {@code kubectl top pods} and {@code kubectl get events
 * --sort-by=.metadata.creationTimestamp}. Reads only; every listing reads every page of the list API
 * ({@code limit}/{@code continue}). A failure of the API server is an {@link dev.opskit.core.OpsException} naming
 * the operation ({@code kubernetes:ListPods}...) and what was read.
 *
 * <pre>{@code
 * ClusterHealth health = ClusterHealth.using(ctx, client);
 * HealthReport report = health.report();
 * if (!report.healthy()) {
 *   System.out.println(report.toText());
 * }
 * try (Stream<PodStatus> pods = health.pods(PodQuery.inNamespace("production").withLabelSelector("app=api"))) {
 *   pods.filter(p -> p.restarts() > 5).forEach(System.out::println);
 * }
 * }</pre>
 */
public interface ClusterHealth {

  /** How far back {@link #report()} looks for warning events. */
  Duration RECENT = Duration.ofHours(1);

  /**
   * The cluster health reads of a client.
   *
   * <p>The client's own HTTP settings stay as they are: a client from
   * {@link dev.opskit.kubernetes.access.EksClusters#connect(dev.opskit.kubernetes.access.EksCluster)} retries and
   * times out by the context's {@link dev.opskit.core.RetryPolicy}; a client the caller built keeps its own retry
   * settings (fabric8 repeats 5xx answers and I/O errors up to {@code requestRetryBackoffLimit} times, 10 by
   * default) and timeouts.
   *
   * @param ctx the context (its clock gives ages and "recent")
   * @param client the Kubernetes client (not closed by OpsKit)
   * @return the reads
   */
  static ClusterHealth using(OpsContext ctx, KubernetesClient client) {
    return ClusterHealthImpl.of(ctx, client);
  }

  /**
   * Every node ({@code kubectl get nodes}).
   *
   * @return the nodes, in the API server's order (by name)
   * @throws dev.opskit.core.AccessDeniedException when the identity may not list nodes
   */
  List<NodeStatus> nodes();

  /**
   * Pods, lazily: a page is requested only when the stream reaches it. Close the stream when it is not read to
   * the end.
   *
   * @param query which pods
   * @return the pods, in the API server's order
   * @throws dev.opskit.core.OpsException while the stream is read, when a page cannot be
   */
  Stream<PodStatus> pods(PodQuery query);

  /**
   * The pods of every namespace that are neither running with every container ready nor succeeded.
   *
   * @return those pods
   */
  List<PodStatus> unhealthyPods();

  /**
   * Events, sorted by {@code metadata.creationTimestamp}, oldest first (the guide's
   * {@code --sort-by=.metadata.creationTimestamp}; events without one first, ties in the API server's order).
   *
   * @param query which events
   * @return the events
   */
  List<ClusterEvent> events(EventQuery query);

  /**
   * Node usage from the metrics API ({@code kubectl top nodes}), with the percentages of each node's allocatable
   * resources.
   *
   * @return one per node the metrics API reports
   * @throws dev.opskit.core.ResourceNotFoundException when metrics-server is not installed (the metrics API is
   *     not served)
   */
  List<NodeUsage> topNodes();

  /**
   * Pod usage of every namespace from the metrics API ({@code kubectl top pods --all-namespaces}).
   *
   * @return one per pod the metrics API reports
   * @throws dev.opskit.core.ResourceNotFoundException when metrics-server is not installed
   */
  List<PodUsage> topPods();

  /**
   * Pod usage of one namespace ({@code kubectl top pods -n namespace}).
   *
   * @param namespace such as {@code production}
   * @return one per pod the metrics API reports
   * @throws dev.opskit.core.ValidationException when it is not a DNS-1123 label, before any request
   * @throws dev.opskit.core.ResourceNotFoundException when metrics-server is not installed
   */
  List<PodUsage> topPods(String namespace);

  /**
   * Reads nodes, pods and warning events of every namespace into one report.
   *
   * @return the report
   */
  HealthReport report();
}
