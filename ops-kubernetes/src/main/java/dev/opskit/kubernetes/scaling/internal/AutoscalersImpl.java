package dev.opskit.kubernetes.scaling.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.core.value.Checks;
import dev.opskit.kubernetes.internal.KubernetesErrors;
import dev.opskit.kubernetes.internal.KubernetesNames;
import dev.opskit.kubernetes.scaling.Autoscalers;
import dev.opskit.kubernetes.scaling.HpaCondition;
import dev.opskit.kubernetes.scaling.HpaDefinition;
import dev.opskit.kubernetes.scaling.HpaMetric;
import dev.opskit.kubernetes.scaling.HpaStatus;
import dev.opskit.kubernetes.scaling.ManagedBy;
import dev.opskit.kubernetes.scaling.MetricValue;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerList;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@link Autoscalers} on fabric8: reads, then one gated change per created, updated or deleted HPA. */
public final class AutoscalersImpl implements Autoscalers {
  static final String CREATE = "kubernetes:CreateHorizontalPodAutoscaler";
  static final String UPDATE = "kubernetes:UpdateHorizontalPodAutoscaler";
  static final String DELETE = "kubernetes:DeleteHorizontalPodAutoscaler";
  static final String GET = "kubernetes:GetHorizontalPodAutoscaler";
  static final String LIST = "kubernetes:ListHorizontalPodAutoscalers";
  static final String GET_TARGET = "kubernetes:GetScaleTarget";
  static final String TYPE = "horizontal pod autoscaler";
  private static final long PAGE_SIZE = 500;
  private static final int DEFAULT_CPU_UTILIZATION = 80;

  private final OpsContext ctx;
  private final KubernetesClient client;
  private final ManagedBy managedBy;

  /**
   * Autoscalers through a context's gate on a client.
   *
   * @param ctx the context
   * @param client the client
   * @param managedBy the marker label
   */
  public AutoscalersImpl(OpsContext ctx, KubernetesClient client, ManagedBy managedBy) {
    this.ctx = ctx;
    this.client = client;
    this.managedBy = Checks.present("managedBy", managedBy, "a marker label, such as ManagedBy.OPSKIT");
  }

  @Override
  public Plan plan(Collection<? extends HpaDefinition> definitions) {
    List<HpaDefinition> defs = Checks.list("definitions", definitions, "HPA definitions (may be empty)");
    Set<String> ids = new HashSet<>();
    for (HpaDefinition d : defs) {
      if (!ids.add(d.id())) {
        throw ValidationException.of("definitions", d.id(), "each HPA defined once");
      }
    }
    List<ResourceChange> changes = new ArrayList<>();
    for (HpaDefinition d : defs) {
      changes.add(planOne(d));
    }
    for (HorizontalPodAutoscaler live : marked()) {
      String namespace = live.getMetadata().getNamespace();
      String name = live.getMetadata().getName();
      if (!ids.contains(namespace + "/" + name)) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("namespace", namespace);
        params.put("name", name);
        params.put("managedBy", managedBy.toString());
        changes.add(ResourceChange.delete(TYPE, namespace + "/" + name,
            List.of(change(DELETE, namespace, name, params, null, null))));
      }
    }
    return Plan.of("horizontal pod autoscalers labelled " + managedBy, changes);
  }

  @Override
  public ApplyResult apply(Plan plan) {
    Checks.present("plan", plan, "a plan from plan(definitions)");
    return ctx.gate().apply(plan);
  }

  private ResourceChange planOne(HpaDefinition d) {
    HorizontalPodAutoscaler live = read(d.namespace(), d.name());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("namespace", d.namespace());
    params.put("name", d.name());
    params.put("scaleTarget", d.scaleTarget().toString());
    params.put("minReplicas", d.minReplicas());
    params.put("maxReplicas", d.maxReplicas());
    params.put("metrics", d.metrics().stream().map(HpaMetric::toString).toList());
    if (live == null) {
      HorizontalPodAutoscaler created = HpaModel.object(d, managedBy.labels());
      return ResourceChange.create(TYPE, d.id(), List.of(change(CREATE, d.namespace(), d.name(), params, created,
          null)));
    }
    List<FieldDiff> diffs = diffs(live, d);
    if (diffs.isEmpty()) {
      return ResourceChange.unchanged(TYPE, d.id());
    }
    // A JSON patch (RFC 6902): "add" replaces each member, so metrics are replaced as a whole list and fields the
    // definition does not hold (behavior) stay as they are; the marker label is added to the live labels.
    List<Map<String, Object>> patch = new ArrayList<>();
    HpaModel.specFields(d).forEach((field, value) -> {
      if (field.equals("behavior") && spec(live).getBehavior() != null) {
        // Only the rules defined: the API server keeps its defaults in the others.
        ((Map<?, ?>) value).forEach((rules, fields) -> patch.add(op("/spec/behavior/" + rules, fields)));
      } else {
        patch.add(op("/spec/" + field, value));
      }
    });
    if (live.getMetadata().getLabels() == null) {
      patch.add(op("/metadata/labels", managedBy.labels()));
    } else {
      patch.add(op("/metadata/labels/" + managedBy.key().replace("~", "~0").replace("/", "~1"), managedBy.value()));
    }
    params.put("fields", diffs.stream().map(FieldDiff::field).toList());
    return ResourceChange.update(TYPE, d.id(), diffs, List.of(change(UPDATE, d.namespace(), d.name(), params, live,
        client.getKubernetesSerialization().asJson(patch))));
  }

  private static HorizontalPodAutoscalerSpec spec(HorizontalPodAutoscaler h) {
    return h.getSpec() == null ? new HorizontalPodAutoscalerSpec() : h.getSpec();
  }

  private static Map<String, Object> op(String path, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", "add");
    m.put("path", path);
    m.put("value", value);
    return m;
  }

  /** The fields of a live HPA that differ from its definition, with the API's field paths. */
  private List<FieldDiff> diffs(HorizontalPodAutoscaler live, HpaDefinition d) {
    List<FieldDiff> diffs = new ArrayList<>();
    HorizontalPodAutoscalerSpec spec = live.getSpec() == null ? new HorizontalPodAutoscalerSpec() : live.getSpec();
    CrossVersionObjectReference ref = spec.getScaleTargetRef();
    String liveTarget = ref == null ? null : ref.getApiVersion() + " " + ref.getKind() + "/" + ref.getName();
    String wantedTarget = d.scaleTarget().apiVersion() + " " + d.scaleTarget();
    if (!wantedTarget.equals(liveTarget)) {
      diffs.add(FieldDiff.of("spec.scaleTargetRef", liveTarget, wantedTarget));
    }
    int liveMin = spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
    if (liveMin != d.minReplicas()) {
      diffs.add(FieldDiff.of("spec.minReplicas", liveMin, d.minReplicas()));
    }
    if (!Objects.equals(spec.getMaxReplicas(), d.maxReplicas())) {
      diffs.add(FieldDiff.of("spec.maxReplicas", spec.getMaxReplicas(), d.maxReplicas()));
    }
    List<MetricSpec> metrics = spec.getMetrics() == null ? List.of() : spec.getMetrics();
    boolean same = metrics.size() == d.metrics().size();
    for (int i = 0; same && i < metrics.size(); i++) {
      same = HpaModel.same(metrics.get(i), d.metrics().get(i));
    }
    if (!same && d.metrics().isEmpty() && metrics.size() == 1) {
      // No metrics: the API server stores its default, 80% average cpu utilization.
      same = HpaModel.same(metrics.get(0), HpaMetric.cpuUtilization(DEFAULT_CPU_UTILIZATION));
    }
    if (!same) {
      diffs.add(FieldDiff.of("spec.metrics",
          metrics.stream().map(HpaModel::text).collect(Collectors.joining(", ", "[", "]")),
          d.metrics().stream().map(HpaMetric::toString).collect(Collectors.joining(", ", "[", "]"))));
    }
    if (d.behavior() != null) {
      HpaModel.behaviorDiffs(spec.getBehavior(), d.behavior())
          .forEach((field, values) -> diffs.add(FieldDiff.of(field, values[0], values[1])));
    }
    Map<String, String> labels = labels(live);
    if (!managedBy.manages(labels)) {
      diffs.add(FieldDiff.of("metadata.labels[" + managedBy.key() + "]", labels.get(managedBy.key()),
          managedBy.value()));
    }
    return diffs;
  }

  /**
   * The one place this package writes HPAs (the object: the one to create, or the live one to patch): inside the change the gate makes, so a dry run plans it and every
   * attempt is audited.
   */
  private Change<String> change(String operation, String namespace, String name, Map<String, Object> params,
      @Nullable HorizontalPodAutoscaler object, @Nullable String jsonPatch) {
    String target = target(namespace, name);
    Change.Builder<String> b = Change.described(operation, target, params, () -> {
      KubernetesErrors.call(operation, target, () -> {
        var hpas = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace);
        return switch (operation) {
          case CREATE -> hpas.resource(Objects.requireNonNull(object)).create();
          // The object read for the plan: given only a name, fabric8 would read it again before patching.
          case UPDATE -> hpas.resource(Objects.requireNonNull(object)).patch(PatchContext.of(PatchType.JSON),
              Objects.requireNonNull(jsonPatch));
          default -> hpas.withName(name).delete();
        };
      });
      return target;
    });
    return (DELETE.equals(operation) ? b.ifAlreadyGone() : b).build();
  }

  @Override
  public HpaStatus status(String namespace, String name) {
    KubernetesNames.label("namespace", namespace);
    KubernetesNames.subdomain("name", name);
    HorizontalPodAutoscaler h = read(namespace, name);
    if (h == null) {
      throw new ResourceNotFoundException("horizontal pod autoscaler " + name + " not found in namespace "
          + namespace + ". Check the namespace, the name and the cluster.", GET, target(namespace, name), null);
    }
    HorizontalPodAutoscalerSpec spec = h.getSpec() == null ? new HorizontalPodAutoscalerSpec() : h.getSpec();
    HorizontalPodAutoscalerStatus st = h.getStatus() == null ? new HorizontalPodAutoscalerStatus() : h.getStatus();
    List<MetricValue> values = new ArrayList<>();
    if (st.getCurrentMetrics() != null) {
      for (MetricStatus m : st.getCurrentMetrics()) {
        MetricValue v = value(m);
        if (v != null) {
          values.add(v);
        }
      }
    }
    List<HpaCondition> conditions = new ArrayList<>();
    if (st.getConditions() != null) {
      st.getConditions().stream().filter(c -> c != null && c.getType() != null && c.getStatus() != null)
          .forEach(c -> conditions.add(new HpaCondition(c.getType(), c.getStatus(), c.getReason(), c.getMessage())));
    }
    CrossVersionObjectReference ref = spec.getScaleTargetRef();
    String targetText = ref == null ? "(none)" : ref.getKind() + "/" + ref.getName();
    return new HpaStatus(namespace, name, targetText, spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
        spec.getMaxReplicas() == null ? 0 : spec.getMaxReplicas(),
        st.getCurrentReplicas() == null ? 0 : st.getCurrentReplicas(),
        st.getDesiredReplicas() == null ? 0 : st.getDesiredReplicas(), values, conditions,
        warnings(namespace, spec));
  }

  private static @Nullable MetricValue value(MetricStatus m) {
    if (m == null || m.getType() == null) {
      return null;
    }
    String name;
    MetricValueStatus current;
    if (m.getResource() != null) {
      name = m.getResource().getName();
      current = m.getResource().getCurrent();
    } else if (m.getContainerResource() != null) {
      name = m.getContainerResource().getName();
      current = m.getContainerResource().getCurrent();
    } else if (m.getPods() != null && m.getPods().getMetric() != null) {
      name = m.getPods().getMetric().getName();
      current = m.getPods().getCurrent();
    } else if (m.getObject() != null && m.getObject().getMetric() != null) {
      name = m.getObject().getMetric().getName();
      current = m.getObject().getCurrent();
    } else if (m.getExternal() != null && m.getExternal().getMetric() != null) {
      name = m.getExternal().getMetric().getName();
      current = m.getExternal().getCurrent();
    } else {
      return null;
    }
    if (name == null) {
      return null;
    }
    Quantity average = current == null ? null : current.getAverageValue() != null ? current.getAverageValue()
        : current.getValue();
    return new MetricValue(m.getType(), name, current == null ? null : current.getAverageUtilization(),
        average == null ? null : average.toString());
  }

  /** What keeps the HPA from working that the cluster's objects show: a target missing, requests missing. */
  private List<String> warnings(String namespace, HorizontalPodAutoscalerSpec spec) {
    CrossVersionObjectReference ref = spec.getScaleTargetRef();
    List<MetricSpec> metrics = spec.getMetrics() == null ? List.of() : spec.getMetrics();
    Set<String> utilized = new java.util.LinkedHashSet<>();
    for (MetricSpec m : metrics) {
      if ("Resource".equals(m.getType()) && m.getResource() != null && m.getResource().getTarget() != null
          && "Utilization".equals(m.getResource().getTarget().getType()) && m.getResource().getName() != null) {
        utilized.add(m.getResource().getName());
      }
    }
    if (metrics.isEmpty()) {
      utilized.add("cpu"); // the API server's default metric: 80% average cpu utilization
    }
    if (ref == null || ref.getKind() == null || ref.getName() == null) {
      return List.of("the HPA has no scale target");
    }
    String workload = ref.getKind() + " " + namespace + "/" + ref.getName();
    @Nullable PodTemplateSpec template;
    HasMetadata found;
    String target = namespace + "/" + ref.getKind().toLowerCase(java.util.Locale.ROOT) + "/" + ref.getName();
    switch (ref.getKind()) {
      case "Deployment" -> {
        Deployment d = KubernetesErrors.call(GET_TARGET, target,
            () -> client.apps().deployments().inNamespace(namespace).withName(ref.getName()).get());
        found = d;
        template = d == null || d.getSpec() == null ? null : d.getSpec().getTemplate();
      }
      case "StatefulSet" -> {
        StatefulSet s = KubernetesErrors.call(GET_TARGET, target,
            () -> client.apps().statefulSets().inNamespace(namespace).withName(ref.getName()).get());
        found = s;
        template = s == null || s.getSpec() == null ? null : s.getSpec().getTemplate();
      }
      case "ReplicaSet" -> {
        ReplicaSet r = KubernetesErrors.call(GET_TARGET, target,
            () -> client.apps().replicaSets().inNamespace(namespace).withName(ref.getName()).get());
        found = r;
        template = r == null || r.getSpec() == null ? null : r.getSpec().getTemplate();
      }
      default -> {
        return utilized.isEmpty() ? List.of() : List.of("the scale target " + workload + " is not a Deployment,"
            + " StatefulSet or ReplicaSet: OpsKit cannot check its containers' requests");
      }
    }
    if (found == null) {
      return List.of("the scale target " + workload + " does not exist: the HPA cannot scale it (ScalingActive"
          + " False, FailedGetScale)");
    }
    List<Container> containers = template == null || template.getSpec() == null
        || template.getSpec().getContainers() == null ? List.of() : template.getSpec().getContainers();
    List<String> warnings = new ArrayList<>();
    for (String resource : utilized) {
      for (Container c : containers) {
        Map<String, Quantity> requests = c.getResources() == null ? null : c.getResources().getRequests();
        if (requests == null || requests.get(resource) == null) {
          warnings.add("missing request for " + resource + " in container " + c.getName() + " of " + workload
              + ": the HPA cannot compute " + resource + " utilization (a percent of the requests) and will not"
              + " scale; set a " + resource + " request on every container (Workloads.setResources)");
        }
      }
    }
    return warnings;
  }

  private @Nullable HorizontalPodAutoscaler read(String namespace, String name) {
    return KubernetesErrors.call(GET, target(namespace, name),
        () -> client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withName(name).get());
  }

  /** Every HPA of every namespace carrying the marker label, page by page. */
  private List<HorizontalPodAutoscaler> marked() {
    return Pages.stream(LIST, this::page).toList();
  }

  private Page<HorizontalPodAutoscaler> page(@Nullable String token) {
    ListOptions options = new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(token)
        .withLabelSelector(managedBy.toString()).build();
    HorizontalPodAutoscalerList list = KubernetesErrors.call(LIST, null,
        () -> client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().list(options));
    @Nullable String next = list.getMetadata() == null ? null : list.getMetadata().getContinue();
    List<HorizontalPodAutoscaler> items = list.getItems() == null ? List.of()
        : list.getItems().stream().filter(h -> h != null && h.getMetadata() != null
            && managedBy.manages(labels(h))).toList();
    return Page.of(items, next == null || next.isEmpty() ? null : next);
  }

  private static Map<String, String> labels(HorizontalPodAutoscaler h) {
    Map<String, String> labels = h.getMetadata() == null ? null : h.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  static String target(String namespace, String name) {
    return namespace + "/horizontalpodautoscaler/" + name;
  }
}
