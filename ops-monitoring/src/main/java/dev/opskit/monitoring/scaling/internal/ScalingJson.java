package dev.opskit.monitoring.scaling.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.monitoring.performance.internal.JsonMembers;
import dev.opskit.monitoring.scaling.PredefinedMetric;
import dev.opskit.monitoring.scaling.ScalableDimension;
import dev.opskit.monitoring.scaling.ScalableTarget;
import dev.opskit.monitoring.scaling.ScalingDefinition;
import dev.opskit.monitoring.scaling.ScalingPolicy;
import dev.opskit.monitoring.scaling.TargetTracking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON forms of the scaling values: {@code TargetTrackingScalingPolicyConfiguration} as AWS and the guide's
 * {@code scaling-policy.json} write it, and a definition as RegisterScalableTarget's members plus its policies
 * in PutScalingPolicy's. Absent optional members stay absent, so what is read is written back the same.
 */
public final class ScalingJson {
  static final String TARGET_TRACKING = "TargetTrackingScaling";
  private static final Set<String> CONFIGURATION = Set.of("TargetValue", "PredefinedMetricSpecification",
      "CustomizedMetricSpecification", "ScaleOutCooldown", "ScaleInCooldown", "DisableScaleIn");
  private static final Set<String> SPECIFICATION = Set.of("PredefinedMetricType", "ResourceLabel");
  private static final Set<String> DEFINITION = Set.of("ServiceNamespace", "ResourceId", "ScalableDimension",
      "MinCapacity", "MaxCapacity", "ScalingPolicies");
  private static final Set<String> POLICY = Set.of("PolicyName", "PolicyType", "TargetTrackingScalingPolicyConfiguration");

  private ScalingJson() {}

  /**
   * Reads a target-tracking configuration.
   *
   * @param json the text
   * @return the configuration
   * @throws ValidationException when it is not a valid configuration
   */
  public static TargetTracking readConfiguration(@Nullable String json) {
    JsonNode tree = JsonMembers.parse("TargetTrackingScalingPolicyConfiguration", json, "a JSON object");
    return configuration(JsonMembers.of(tree, "", "TargetTrackingScalingPolicyConfiguration"));
  }

  private static TargetTracking configuration(JsonMembers m) {
    m.onlyKnown(CONFIGURATION);
    if (m.has("CustomizedMetricSpecification")) {
      throw ValidationException.of(m.path("CustomizedMetricSpecification"), "a customised metric",
          "PredefinedMetricSpecification: OpsKit manages target tracking on the predefined metrics "
              + List.of(PredefinedMetric.values()));
    }
    Double target = m.number("TargetValue");
    if (target == null) {
      throw ValidationException.of(m.path("TargetValue"), null, "a number (required)");
    }
    JsonMembers spec = m.object("PredefinedMetricSpecification", "the predefined metric");
    if (spec == null) {
      throw ValidationException.of(m.path("PredefinedMetricSpecification"), null,
          "{\"PredefinedMetricType\": ...} (required), one of " + List.of(PredefinedMetric.values()));
    }
    spec.onlyKnown(SPECIFICATION);
    PredefinedMetric metric = PredefinedMetric.of(spec.requiredText("PredefinedMetricType"));
    return new TargetTracking(metric, spec.text("ResourceLabel"), target, seconds(m, "ScaleOutCooldown"),
        seconds(m, "ScaleInCooldown"), m.bool("DisableScaleIn"));
  }

  private static @Nullable Duration seconds(JsonMembers m, String member) {
    Integer s = m.integer(member);
    return s == null ? null : Duration.ofSeconds(s);
  }

  /**
   * A configuration as a JSON tree.
   *
   * @param c the configuration
   * @return the tree, members in AWS's order, absent ones left out
   */
  public static ObjectNode configuration(TargetTracking c) {
    ObjectNode o = Json.object();
    o.put("TargetValue", c.targetValue());
    ObjectNode spec = o.putObject("PredefinedMetricSpecification");
    spec.put("PredefinedMetricType", c.metric().value());
    if (c.resourceLabel() != null) {
      spec.put("ResourceLabel", c.resourceLabel());
    }
    c.scaleOut().ifPresent(d -> o.put("ScaleOutCooldown", d.toSeconds()));
    c.scaleIn().ifPresent(d -> o.put("ScaleInCooldown", d.toSeconds()));
    if (c.disableScaleIn() != null) {
      o.put("DisableScaleIn", c.disableScaleIn());
    }
    return o;
  }

  /**
   * Reads a definition.
   *
   * @param json the text
   * @return the definition
   * @throws ValidationException when it is not a valid definition
   */
  public static ScalingDefinition readDefinition(@Nullable String json) {
    JsonMembers m = JsonMembers.of(JsonMembers.parse("scaling definition", json, "a JSON object"), "",
        "scaling definition");
    m.onlyKnown(DEFINITION);
    ScalableDimension dimension = ScalableDimension.of(m.requiredText("ScalableDimension"));
    String namespace = m.requiredText("ServiceNamespace");
    if (!namespace.equals(dimension.serviceNamespace())) {
      throw ValidationException.of("ServiceNamespace", namespace, dimension.serviceNamespace() + " for " + dimension);
    }
    Integer min = m.integer("MinCapacity");
    Integer max = m.integer("MaxCapacity");
    if (min == null || max == null) {
      throw ValidationException.of(min == null ? "MinCapacity" : "MaxCapacity", null, "a whole number (required)");
    }
    ScalableTarget target = new ScalableTarget(dimension, m.requiredText("ResourceId"), min, max);
    List<ScalingPolicy> policies = new ArrayList<>();
    int i = 0;
    for (JsonNode p : m.array("ScalingPolicies")) {
      JsonMembers pm = JsonMembers.of(p, "ScalingPolicies[" + i++ + "]", "a scaling policy");
      pm.onlyKnown(POLICY);
      String type = pm.text("PolicyType");
      if (type != null && !type.equals(TARGET_TRACKING)) {
        throw ValidationException.of(pm.path("PolicyType"), type, TARGET_TRACKING);
      }
      JsonMembers c = pm.object("TargetTrackingScalingPolicyConfiguration", "a target-tracking configuration");
      if (c == null) {
        throw ValidationException.of(pm.path("TargetTrackingScalingPolicyConfiguration"), null,
            "a target-tracking configuration (required)");
      }
      policies.add(new ScalingPolicy(pm.requiredText("PolicyName"), configuration(c)));
    }
    return new ScalingDefinition(target, policies);
  }

  /**
   * A definition as a JSON tree.
   *
   * @param d the definition
   * @return the tree
   */
  public static ObjectNode definition(ScalingDefinition d) {
    ObjectNode o = Json.object();
    o.put("ServiceNamespace", d.target().serviceNamespace());
    o.put("ResourceId", d.target().resourceId());
    o.put("ScalableDimension", d.target().dimension().value());
    o.put("MinCapacity", d.target().minCapacity());
    o.put("MaxCapacity", d.target().maxCapacity());
    ArrayNode policies = o.putArray("ScalingPolicies");
    for (ScalingPolicy p : d.policies()) {
      ObjectNode po = policies.addObject();
      po.put("PolicyName", p.name());
      po.put("PolicyType", TARGET_TRACKING);
      po.set("TargetTrackingScalingPolicyConfiguration", configuration(p.configuration()));
    }
    return o;
  }

  /**
   * Writes a tree as indented JSON.
   *
   * @param tree the tree
   * @return the text
   */
  public static String write(JsonNode tree) {
    return Json.writePretty(tree);
  }
}
