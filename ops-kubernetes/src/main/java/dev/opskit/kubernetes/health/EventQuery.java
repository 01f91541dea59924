package dev.opskit.kubernetes.health;

import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.internal.KubernetesNames;
import org.jspecify.annotations.Nullable;

/**
 * Which events to list: every namespace or one, all or only warnings ({@code --field-selector type=Warning});
 * read {@code pageSize} at a time.
 *
 * <pre>{@code
 * EventQuery.allNamespaces().warningsOnly();
 * EventQuery.inNamespace("production");
 * }</pre>
 *
 * @param namespace the namespace, or null for every namespace
 * @param onlyWarnings whether only {@code Warning} events are listed
 * @param pageSize the list API's {@code limit}: events per request, 1 to {@link PodQuery#MAX_PAGE_SIZE}
 */
public record EventQuery(@Nullable String namespace, boolean onlyWarnings, int pageSize) {

  /**
   * Validates, before any request.
   *
   * @param namespace the namespace, or null
   * @param onlyWarnings whether only warnings
   * @param pageSize events per request
   * @throws dev.opskit.core.ValidationException for a namespace that is not a DNS-1123 label or a page size out
   *     of range
   */
  public EventQuery {
    if (namespace != null) {
      KubernetesNames.label("namespace", namespace);
    }
    Checks.range("pageSize", pageSize, 1, PodQuery.MAX_PAGE_SIZE,
        "1 to " + PodQuery.MAX_PAGE_SIZE + " events per request");
  }

  /** {@return every event of every namespace} */
  public static EventQuery allNamespaces() {
    return new EventQuery(null, false, PodQuery.DEFAULT_PAGE_SIZE);
  }

  /**
   * The events of one namespace.
   *
   * @param namespace such as {@code production}
   * @return the query
   * @throws dev.opskit.core.ValidationException when it is not a DNS-1123 label
   */
  public static EventQuery inNamespace(String namespace) {
    return new EventQuery(namespace, false, PodQuery.DEFAULT_PAGE_SIZE);
  }

  /** {@return the same query for {@code Warning} events only} */
  public EventQuery warningsOnly() {
    return new EventQuery(namespace, true, pageSize);
  }

  /**
   * Another page size.
   *
   * @param size events per request
   * @return a new query
   * @throws dev.opskit.core.ValidationException when out of range
   */
  public EventQuery withPageSize(int size) {
    return new EventQuery(namespace, onlyWarnings, size);
  }
}
