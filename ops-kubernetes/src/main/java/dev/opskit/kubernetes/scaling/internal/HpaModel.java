package dev.opskit.kubernetes.scaling.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.scaling.HpaDefinition;
import dev.opskit.kubernetes.scaling.HpaMetric;
import dev.opskit.kubernetes.scaling.ScaleTarget;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Between {@link HpaDefinition}s and fabric8's autoscaling/v2 objects. */
public final class HpaModel {
  private HpaModel() {}

  /**
   * The definition of an HPA read from YAML, each failure naming its field path.
   *
   * @param h the object
   * @return the definition
   * @throws ValidationException when the object is not one a definition holds or the API server would refuse it
   */
  public static HpaDefinition definition(HorizontalPodAutoscaler h) {
    ObjectMeta meta = h.getMetadata();
    if (meta == null) {
      throw ValidationException.of("metadata", null, "metadata with a name");
    }
    String namespace = meta.getNamespace() == null ? HpaDefinition.DEFAULT_NAMESPACE : meta.getNamespace();
    HorizontalPodAutoscalerSpec spec = h.getSpec();
    if (spec == null) {
      throw ValidationException.of("spec", null, "a spec with scaleTargetRef, minReplicas and maxReplicas");
    }
    if (spec.getBehavior() != null) {
      throw ValidationException.of("spec.behavior", "(set)", "none: HpaDefinition does not hold scaling behavior");
    }
    CrossVersionObjectReference ref = spec.getScaleTargetRef();
    if (ref == null) {
      throw ValidationException.of("spec.scaleTargetRef", null, "a Deployment, StatefulSet or ReplicaSet");
    }
    // The API server defaults minReplicas to 1.
    int min = spec.getMinReplicas() == null ? 1 : spec.getMinReplicas();
    if (spec.getMaxReplicas() == null) {
      throw ValidationException.of("spec.maxReplicas", null, "at least spec.minReplicas (" + min + ")");
    }
    List<HpaMetric> metrics = new ArrayList<>();
    List<MetricSpec> specs = spec.getMetrics() == null ? List.of() : spec.getMetrics();
    for (int i = 0; i < specs.size(); i++) {
      metrics.add(metric(specs.get(i), "spec.metrics[" + i + "]"));
    }
    return new HpaDefinition(namespace, meta.getName(),
        new ScaleTarget(ref.getApiVersion(), ref.getKind(), ref.getName()), min, spec.getMaxReplicas(), metrics);
  }

  private static HpaMetric metric(MetricSpec m, String path) {
    if (!"Resource".equals(m.getType()) || m.getResource() == null) {
      throw ValidationException.of(path + ".type", m.getType(), "Resource (with resource: {name, target})");
    }
    ResourceMetricSource r = m.getResource();
    MetricTarget t = r.getTarget();
    String p = path + ".resource";
    if (t == null) {
      throw ValidationException.of(p + ".target", null, "a target of type Utilization or AverageValue");
    }
    HpaMetric.TargetType type = "Utilization".equals(t.getType()) ? HpaMetric.TargetType.UTILIZATION
        : "AverageValue".equals(t.getType()) ? HpaMetric.TargetType.AVERAGE_VALUE : null;
    if (type == null) {
      throw ValidationException.of(p + ".target.type", t.getType(), "Utilization or AverageValue");
    }
    String value = t.getAverageValue() == null ? null : t.getAverageValue().toString();
    HpaMetric.check(r.getName(), type, t.getAverageUtilization(), value, p);
    return new HpaMetric(r.getName(), type, t.getAverageUtilization(), value);
  }

  /**
   * The object of a definition.
   *
   * @param d the definition
   * @param labels the labels to put on it (the marker)
   * @return the object
   */
  public static HorizontalPodAutoscaler object(HpaDefinition d, Map<String, String> labels) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withNamespace(d.namespace()).withName(d.name()).withLabels(new LinkedHashMap<>(labels))
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef(d.scaleTarget().apiVersion(), d.scaleTarget().kind(), d.scaleTarget().name())
        .withMinReplicas(d.minReplicas()).withMaxReplicas(d.maxReplicas())
        .withMetrics(d.metrics().stream().map(HpaModel::spec).toList())
        .endSpec()
        .build();
  }

  private static MetricSpec spec(HpaMetric m) {
    return new MetricSpecBuilder().withType("Resource")
        .withNewResource().withName(m.resource())
        .withNewTarget().withType(m.targetType().wire()).withAverageUtilization(m.averageUtilization())
        .withAverageValue(m.averageValue() == null ? null : new Quantity(m.averageValue()))
        .endTarget().endResource()
        .build();
  }

  /**
   * The spec fields a definition sets, as the update's JSON patch writes them.
   *
   * @param d the definition
   * @return {@code scaleTargetRef}, {@code minReplicas}, {@code maxReplicas}, {@code metrics}
   */
  public static Map<String, Object> specFields(HpaDefinition d) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("apiVersion", d.scaleTarget().apiVersion());
    ref.put("kind", d.scaleTarget().kind());
    ref.put("name", d.scaleTarget().name());
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (HpaMetric m : d.metrics()) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("type", m.targetType().wire());
      if (m.averageUtilization() != null) {
        target.put("averageUtilization", m.averageUtilization());
      }
      if (m.averageValue() != null) {
        target.put("averageValue", m.averageValue());
      }
      Map<String, Object> resource = new LinkedHashMap<>();
      resource.put("name", m.resource());
      resource.put("target", target);
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("type", "Resource");
      metric.put("resource", resource);
      metrics.add(metric);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scaleTargetRef", ref);
    spec.put("minReplicas", d.minReplicas());
    spec.put("maxReplicas", d.maxReplicas());
    spec.put("metrics", metrics);
    return spec;
  }

  /**
   * A live metric as text comparable with a definition's ({@code cpu Utilization 70%}), any type.
   *
   * @param m the live metric
   * @return the text
   */
  public static String text(MetricSpec m) {
    ResourceMetricSource r = m.getResource();
    if ("Resource".equals(m.getType()) && r != null && r.getTarget() != null) {
      MetricTarget t = r.getTarget();
      if ("Utilization".equals(t.getType())) {
        return r.getName() + " Utilization " + t.getAverageUtilization() + "%";
      }
      if ("AverageValue".equals(t.getType())) {
        return r.getName() + " AverageValue " + quantity(t.getAverageValue());
      }
    }
    return String.valueOf(m.getType()) + " metric";
  }

  /**
   * Whether a live metric is as defined ({@code 0.5} and {@code 500m} are the same amount).
   *
   * @param live the live metric
   * @param defined the definition's
   * @return whether they are the same
   */
  public static boolean same(MetricSpec live, HpaMetric defined) {
    ResourceMetricSource r = live.getResource();
    if (!"Resource".equals(live.getType()) || r == null || r.getTarget() == null
        || !defined.resource().equals(r.getName()) || !defined.targetType().wire().equals(r.getTarget().getType())) {
      return false;
    }
    MetricTarget t = r.getTarget();
    return defined.targetType() == HpaMetric.TargetType.UTILIZATION
        ? defined.averageUtilization() != null && defined.averageUtilization().equals(t.getAverageUtilization())
        : t.getAverageValue() != null && Quantities.same(t.getAverageValue().toString(), defined.averageValue());
  }

  private static String quantity(@Nullable Quantity q) {
    return q == null ? "(none)" : q.toString();
  }
}
