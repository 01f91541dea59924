package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.internal.KubernetesNames;
import org.jspecify.annotations.Nullable;

/**
 * Which pods to list: every namespace (the guide's {@code --all-namespaces}) or one, optionally only those a label
 * selector matches; read {@code pageSize} at a time.
 *
 * <pre>{@code
 * PodQuery.allNamespaces();
 * PodQuery.inNamespace("production").withLabelSelector("app=api");
 * }</pre>
 *
 * @param namespace the namespace, or null for every namespace
 * @param labelSelector such as {@code app=api,tier!=cache}, or null for every pod
 * @param pageSize the list API's {@code limit}: pods per request, 1 to {@link #MAX_PAGE_SIZE}
 */
public record PodQuery(@Nullable String namespace, @Nullable String labelSelector, int pageSize) {

  /** The page size of kubectl ({@code --chunk-size}'s default). */
  public static final int DEFAULT_PAGE_SIZE = 500;

  /** The largest page size accepted. */
  public static final int MAX_PAGE_SIZE = 10_000;

  /**
   * Validates, before any request.
   *
   * @param namespace the namespace, or null for all
   * @param labelSelector the label selector, or null
   * @param pageSize pods per request
   * @throws dev.opskit.core.ValidationException for a namespace that is not a DNS-1123 label, a malformed
   *     selector or a page size out of range
   */
  public PodQuery {
    if (namespace != null) {
      KubernetesNames.label("namespace", namespace);
    }
    if (labelSelector != null) {
      labelSelector = KubernetesNames.labelSelector("labelSelector", labelSelector);
    }
    Checks.range("pageSize", pageSize, 1, MAX_PAGE_SIZE, "1 to " + MAX_PAGE_SIZE + " pods per request");
  }

  /** {@return every pod of every namespace} */
  public static PodQuery allNamespaces() {
    return new PodQuery(null, null, DEFAULT_PAGE_SIZE);
  }

  /**
   * The pods of one namespace.
   *
   * @param namespace such as {@code production}
   * @return the query
   * @throws dev.opskit.core.ValidationException when it is not a DNS-1123 label
   */
  public static PodQuery inNamespace(String namespace) {
    return new PodQuery(namespace, null, DEFAULT_PAGE_SIZE);
  }

  /**
   * Only the pods a label selector matches.
   *
   * @param selector such as {@code app=api}
   * @return a new query
   * @throws dev.opskit.core.ValidationException when it is not a label selector
   */
  public PodQuery withLabelSelector(String selector) {
    return new PodQuery(namespace, selector, pageSize);
  }

  /**
   * Another page size.
   *
   * @param size pods per request
   * @return a new query
   * @throws dev.opskit.core.ValidationException when out of range
   */
  public PodQuery withPageSize(int size) {
    return new PodQuery(namespace, labelSelector, size);
  }
}
