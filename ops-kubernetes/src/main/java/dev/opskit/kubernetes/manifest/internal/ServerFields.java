package dev.opskit.kubernetes.manifest.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The fields the API server (or kubectl, or a controller) sets, which a backup drops and a plan does not compare. */
final class ServerFields {
  private static final Set<String> METADATA = Set.of("uid", "resourceVersion", "generation", "creationTimestamp",
      "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");
  private static final Set<String> ANNOTATIONS = Set.of(
      "kubectl.kubernetes.io/last-applied-configuration",
      "deployment.kubernetes.io/revision",
      "autoscaling.alpha.kubernetes.io/conditions",
      "autoscaling.alpha.kubernetes.io/current-metrics");

  private ServerFields() {}

  /** A deep, mutable copy of {@code object} without the server-set fields. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> clean(Map<String, ?> object) {
    Map<String, Object> copy = (Map<String, Object>) java.util.Objects.requireNonNull(copy(object));
    copy.remove("status");
    if (copy.get("metadata") instanceof Map<?, ?> meta) {
      Map<String, Object> m = (Map<String, Object>) meta;
      METADATA.forEach(m::remove);
      if (m.get("annotations") instanceof Map<?, ?> annotations) {
        ANNOTATIONS.forEach(annotations::remove);
        if (annotations.isEmpty()) {
          m.remove("annotations");
        }
      }
    }
    if ("Service".equals(copy.get("kind")) && copy.get("spec") instanceof Map<?, ?> spec) {
      // A headless service's "None" is the manifest's choice; an allocated address is the server's.
      if (!"None".equals(spec.get("clusterIP"))) {
        spec.remove("clusterIP");
        spec.remove("clusterIPs");
      }
    }
    if (copy.get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> template
        && template.get("metadata") instanceof Map<?, ?> meta) {
      meta.remove("creationTimestamp");
    }
    if ("Secret".equals(copy.get("kind")) && copy.get("stringData") instanceof Map<?, ?> plain) {
      // The API server stores stringData into data, base64-encoded, and keeps no stringData.
      Map<String, Object> data = copy.get("data") instanceof Map<?, ?> d
          ? (Map<String, Object>) d : new LinkedHashMap<>();
      plain.forEach((k, v) -> data.put(String.valueOf(k),
          Base64.getEncoder().encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
      copy.put("data", data);
      copy.remove("stringData");
    }
    return copy;
  }

  private static @Nullable Object copy(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        Object copied = copy(v);
        if (copied != null) {
          c.put(String.valueOf(k), copied);
        }
      });
      return c;
    }
    if (value instanceof List<?> l) {
      List<@Nullable Object> c = new ArrayList<>();
      l.forEach(v -> c.add(copy(v)));
      return c;
    }
    return value;
  }
}
