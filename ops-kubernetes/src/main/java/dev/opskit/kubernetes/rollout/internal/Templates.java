package dev.opskit.kubernetes.rollout.internal;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pod templates as kubectl's rollback compares and restores them: without the {@code pod-template-hash} label
 * the deployment controller adds to each ReplicaSet's copy (kubectl's {@code EqualIgnoreHash}).
 */
final class Templates {
  private final KubernetesSerialization serialization;

  Templates(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  /** A deep copy of {@code template} without the {@code pod-template-hash} label. */
  PodTemplateSpec withoutHash(PodTemplateSpec template) {
    PodTemplateSpec copy = serialization.clone(template);
    ObjectMeta meta = copy.getMetadata();
    if (meta != null && meta.getLabels() != null) {
      Map<String, String> labels = new LinkedHashMap<>(meta.getLabels());
      labels.remove(ReplicaSetHistory.POD_TEMPLATE_HASH);
      meta.setLabels(labels);
    }
    return copy;
  }

  /** Whether two templates are equal but for the {@code pod-template-hash} label. */
  boolean equalIgnoringHash(@Nullable PodTemplateSpec a, @Nullable PodTemplateSpec b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return Objects.equals(normal(withoutHash(a)), normal(withoutHash(b)));
  }

  /** Labels absent and labels empty are the same template; the model tells them apart, the API server does not. */
  private static PodTemplateSpec normal(PodTemplateSpec t) {
    ObjectMeta meta = t.getMetadata();
    if (meta != null && meta.getLabels() != null && meta.getLabels().isEmpty()) {
      meta.setLabels(null);
    }
    return t;
  }
}
