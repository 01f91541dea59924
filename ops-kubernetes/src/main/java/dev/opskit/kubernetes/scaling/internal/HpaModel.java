package dev.opskit.kubernetes.scaling.internal;

import dev.opskit.core.ValidationException;
import dev.opskit.kubernetes.scaling.HpaBehavior;
import dev.opskit.kubernetes.scaling.HpaDefinition;
import dev.opskit.kubernetes.scaling.HpaMetric;
import dev.opskit.kubernetes.scaling.ScaleTarget;
import dev.opskit.kubernetes.scaling.ScalingPolicy;
import dev.opskit.kubernetes.scaling.ScalingRules;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Between {@link HpaDefinition}s and fabric8's autoscaling/v2 objects. */
public final class HpaModel {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

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
        new ScaleTarget(ref.getApiVersion(), ref.getKind(), ref.getName()), min, spec.getMaxReplicas(), metrics,
        behavior(spec.getBehavior()));
  }

  private static @Nullable HpaBehavior behavior(@Nullable HorizontalPodAutoscalerBehavior b) {
    return b == null ? null : new HpaBehavior(rules(b.getScaleUp(), "spec.behavior.scaleUp"),
        rules(b.getScaleDown(), "spec.behavior.scaleDown"));
  }

  private static @Nullable ScalingRules rules(@Nullable HPAScalingRules r, String path) {
    if (r == null) {
      return null;
    }
    ScalingRules.check(r.getStabilizationWindowSeconds(), r.getSelectPolicy(), path);
    List<ScalingPolicy> policies = new ArrayList<>();
    List<HPAScalingPolicy> live = r.getPolicies() == null ? List.of() : r.getPolicies();
    for (int i = 0; i < live.size(); i++) {
      HPAScalingPolicy p = live.get(i);
      String at = path + ".policies[" + i + "]";
      if (p.getValue() == null) {
        throw ValidationException.of(at + ".value", null, "greater than 0");
      }
      if (p.getPeriodSeconds() == null) {
        throw ValidationException.of(at + ".periodSeconds", null, "1 to 1800 seconds");
      }
      ScalingPolicy.check(p.getType(), p.getValue(), p.getPeriodSeconds(), at);
      policies.add(new ScalingPolicy(p.getType(), p.getValue(), p.getPeriodSeconds()));
    }
    return new ScalingRules(r.getStabilizationWindowSeconds(), r.getSelectPolicy(), policies);
  }

  /**
   * The behavior of a definition as the API's JSON writes it, only the fields it sets.
   *
   * @param b the behavior
   * @return {@code scaleUp} and {@code scaleDown}, each present when defined
   */
  public static Map<String, Object> behaviorFields(HpaBehavior b) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (b.scaleUp() != null) {
      m.put("scaleUp", rulesFields(b.scaleUp()));
    }
    if (b.scaleDown() != null) {
      m.put("scaleDown", rulesFields(b.scaleDown()));
    }
    return m;
  }

  private static Map<String, Object> rulesFields(ScalingRules r) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r.stabilizationWindowSeconds() != null) {
      m.put("stabilizationWindowSeconds", r.stabilizationWindowSeconds());
    }
    if (r.selectPolicy() != null) {
      m.put("selectPolicy", r.selectPolicy());
    }
    if (!r.policies().isEmpty()) {
      List<Map<String, Object>> policies = new ArrayList<>();
      for (ScalingPolicy p : r.policies()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("type", p.type());
        pm.put("value", p.value());
        pm.put("periodSeconds", p.periodSeconds());
        policies.add(pm);
      }
      m.put("policies", policies);
    }
    return m;
  }

  /**
   * The differences of a live behavior from a defined one, only in the fields the definition sets.
   *
   * @param live the live behavior, or null
   * @param defined the defined one
   * @return {@code field: live -> defined} texts, keyed by field path
   */
  public static Map<String, String[]> behaviorDiffs(@Nullable HorizontalPodAutoscalerBehavior live,
      HpaBehavior defined) {
    Map<String, String[]> diffs = new LinkedHashMap<>();
    rulesDiffs(diffs, "spec.behavior.scaleUp", live == null ? null : live.getScaleUp(), defined.scaleUp());
    rulesDiffs(diffs, "spec.behavior.scaleDown", live == null ? null : live.getScaleDown(), defined.scaleDown());
    return diffs;
  }

  private static void rulesDiffs(Map<String, String[]> diffs, String path, @Nullable HPAScalingRules live,
      @Nullable ScalingRules defined) {
    if (defined == null) {
      return;
    }
    Integer window = live == null ? null : live.getStabilizationWindowSeconds();
    if (defined.stabilizationWindowSeconds() != null && !defined.stabilizationWindowSeconds().equals(window)) {
      diffs.put(path + ".stabilizationWindowSeconds",
          new String[] {String.valueOf(window), String.valueOf(defined.stabilizationWindowSeconds())});
    }
    String select = live == null ? null : live.getSelectPolicy();
    if (defined.selectPolicy() != null && !defined.selectPolicy().equals(select)) {
      diffs.put(path + ".selectPolicy", new String[] {String.valueOf(select), defined.selectPolicy()});
    }
    if (!defined.policies().isEmpty()) {
      List<HPAScalingPolicy> policies = live == null || live.getPolicies() == null ? List.of() : live.getPolicies();
      String liveText = policies.stream().map(p -> p.getType() + " " + p.getValue() + "/" + p.getPeriodSeconds() + "s")
          .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
      String definedText = defined.policies().stream().map(p -> p.type() + " " + p.value() + "/" + p.periodSeconds()
          + "s").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
      if (!liveText.equals(definedText)) {
        diffs.put(path + ".policies", new String[] {liveText, definedText});
      }
    }
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
    HorizontalPodAutoscaler h = new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withNamespace(d.namespace()).withName(d.name()).withLabels(new LinkedHashMap<>(labels))
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef(d.scaleTarget().apiVersion(), d.scaleTarget().kind(), d.scaleTarget().name())
        .withMinReplicas(d.minReplicas()).withMaxReplicas(d.maxReplicas())
        .withMetrics(d.metrics().stream().map(HpaModel::spec).toList())
        .endSpec()
        .build();
    if (d.behavior() != null) {
      h.getSpec().setBehavior(SERIALIZATION.convertValue(behaviorFields(d.behavior()),
          HorizontalPodAutoscalerBehavior.class));
    }
    return h;
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
    if (d.behavior() != null) {
      spec.put("behavior", behaviorFields(d.behavior()));
    }
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
