package dev.opskit.kubernetes.rollout.internal;

import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.kubernetes.internal.KubernetesErrors;
import dev.opskit.kubernetes.rollout.DeploymentRef;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A Deployment's revisions as kubectl finds them: the ReplicaSets in its namespace that match its selector and
 * that it controls (an owner reference with {@code controller: true} and the deployment's UID, kubectl's
 * {@code metav1.IsControlledBy}), numbered by their {@code deployment.kubernetes.io/revision} annotation; one
 * without a readable number is not a revision. Every page of the listing is read.
 */
final class ReplicaSetHistory {
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
  static final String POD_TEMPLATE_HASH = "pod-template-hash";
  static final String LIST = "kubernetes:ListReplicaSets";
  private static final long PAGE_SIZE = 500;

  private final KubernetesClient client;

  ReplicaSetHistory(KubernetesClient client) {
    this.client = client;
  }

  /** The ReplicaSets {@code d} controls, in listing order. */
  List<ReplicaSet> owned(DeploymentRef ref, Deployment d) {
    @Nullable String uid = d.getMetadata() == null ? null : d.getMetadata().getUid();
    if (uid == null) {
      return List.of();
    }
    @Nullable LabelSelector selector = d.getSpec() == null ? null : d.getSpec().getSelector();
    return Pages.stream(LIST, token -> page(ref, selector, token))
        .filter(rs -> controlledBy(rs, uid))
        .toList();
  }

  private Page<ReplicaSet> page(DeploymentRef ref, @Nullable LabelSelector selector, @Nullable String token) {
    ListOptions options = new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(token).build();
    ReplicaSetList list = KubernetesErrors.call(LIST, ref.namespace() + "/replicasets", () -> {
      var inNamespace = client.apps().replicaSets().inNamespace(ref.namespace());
      return selector == null ? inNamespace.list(options) : inNamespace.withLabelSelector(selector).list(options);
    });
    @Nullable String next = list.getMetadata() == null ? null : list.getMetadata().getContinue();
    List<ReplicaSet> items = list.getItems() == null ? List.of() : list.getItems().stream().filter(Objects::nonNull).toList();
    return Page.of(items, next == null || next.isEmpty() ? null : next);
  }

  private static boolean controlledBy(ReplicaSet rs, String uid) {
    List<OwnerReference> owners = rs.getMetadata() == null ? null : rs.getMetadata().getOwnerReferences();
    if (owners == null) {
      return false;
    }
    for (OwnerReference o : owners) {
      if (o != null && Boolean.TRUE.equals(o.getController()) && uid.equals(o.getUid())) {
        return true;
      }
    }
    return false;
  }

  /** The ReplicaSet's revision number; empty when its annotation is absent or not a positive number. */
  static OptionalLong revision(ReplicaSet rs) {
    @Nullable String text = annotation(rs.getMetadata(), REVISION);
    if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    long n = Long.parseLong(text);
    return n >= 1 ? OptionalLong.of(n) : OptionalLong.empty();
  }

  static @Nullable String annotation(@Nullable ObjectMeta meta, String key) {
    Map<String, String> annotations = meta == null ? null : meta.getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  /** The images of a template by container name: containers, then init containers, in the template's order. */
  static Map<String, String> images(@Nullable PodTemplateSpec template) {
    Map<String, String> images = new LinkedHashMap<>();
    PodSpec spec = template == null ? null : template.getSpec();
    if (spec != null) {
      add(images, spec.getContainers());
      add(images, spec.getInitContainers());
    }
    return images;
  }

  private static void add(Map<String, String> images, @Nullable List<Container> containers) {
    if (containers == null) {
      return;
    }
    for (Container c : containers) {
      if (c != null && c.getName() != null) {
        images.put(c.getName(), c.getImage() == null ? "" : c.getImage());
      }
    }
  }
}
