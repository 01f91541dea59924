package dev.opskit.kubernetes.manifest;

import dev.opskit.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One Kubernetes object of a manifest file, as read (or backed up): its identity and its whole content.
 *
 * <p>{@code toString} shows the identity only, never the content (a Secret's data is in it).
 *
 * @param source where it was read, such as {@code deployment-api.yaml, document 2}, or {@code backup}
 * @param apiVersion its {@code apiVersion}, such as {@code apps/v1}
 * @param kind its {@code kind}, such as {@code Deployment}
 * @param namespace its {@code metadata.namespace}, or null when it has none (cluster-scoped, or to take the
 *     namespace given to plan)
 * @param name its {@code metadata.name}
 * @param content the whole object as JSON-like maps and lists (an unmodifiable deep copy)
 */
public record Manifest(String source, String apiVersion, String kind, @Nullable String namespace, String name,
    Map<String, Object> content) {

  /**
   * Validates and copies.
   *
   * @param source where it was read
   * @param apiVersion its apiVersion
   * @param kind its kind
   * @param namespace its namespace, or null
   * @param name its name
   * @param content the whole object
   * @throws ValidationException when a field is blank or missing
   */
  public Manifest {
    for (Map.Entry<String, @Nullable String> e : fields(source, apiVersion, kind, name).entrySet()) {
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw ValidationException.of(e.getKey(), e.getValue(), "a non-blank " + e.getKey());
      }
    }
    if (content == null) {
      throw ValidationException.of("content", null, "the object's content");
    }
    content = freezeMap(content);
  }

  private static Map<String, @Nullable String> fields(@Nullable String source, @Nullable String apiVersion,
      @Nullable String kind, @Nullable String name) {
    Map<String, @Nullable String> m = new LinkedHashMap<>();
    m.put("source", source);
    m.put("apiVersion", apiVersion);
    m.put("kind", kind);
    m.put("name", name);
    return m;
  }

  /** {@return {@code Deployment production/api}: the kind, namespace (when it has one) and name} */
  public String id() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }

  /** {@return the file name a backup writes it to: {@code <kind>-<name>.yaml}, the kind in lower case} */
  public String fileName() {
    return kind.toLowerCase(java.util.Locale.ROOT) + "-" + name + ".yaml";
  }

  @Override
  public String toString() {
    return id() + " (" + source + ")";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> freezeMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v != null) {
        copy.put(String.valueOf(k), freeze(v));
      }
    });
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(Object value) {
    if (value instanceof Map<?, ?> m) {
      return freezeMap(m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      for (Object o : l) {
        copy.add(o == null ? NULL : freeze(o));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** A null element of a list, kept as an empty map so that positions stay. */
  private static final Map<String, Object> NULL = Map.of();
}
