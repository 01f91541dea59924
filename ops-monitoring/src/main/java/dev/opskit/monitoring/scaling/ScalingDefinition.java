package dev.opskit.monitoring.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import dev.opskit.monitoring.scaling.internal.ScalingJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One scalable target and its target-tracking policies, the unit of Application Auto Scaling desired state.
 * Each policy's metric must scale the target's dimension (a DynamoDB read metric on a read dimension, an ECS
 * metric on an ECS service), and policy names are unique.
 *
 * <p>The JSON form is RegisterScalableTarget's members plus the policies in PutScalingPolicy's:
 * {@code {"ServiceNamespace":"dynamodb","ResourceId":"table/user-sessions","ScalableDimension":...,
 * "MinCapacity":5,"MaxCapacity":40000,"ScalingPolicies":[{"PolicyName":...,"PolicyType":"TargetTrackingScaling",
 * "TargetTrackingScalingPolicyConfiguration":{...}}]}}.
 *
 * @param target the scalable target
 * @param policies its target-tracking policies (may be empty)
 */
public record ScalingDefinition(ScalableTarget target, List<ScalingPolicy> policies) {

  /**
   * Validates and copies.
   *
   * @param target the scalable target
   * @param policies its target-tracking policies (may be empty)
   */
  public ScalingDefinition {
    Checks.present("target", target, "a scalable target");
    policies = Checks.list("ScalingPolicies", policies, "the target's scaling policies");
    Set<String> names = new HashSet<>();
    for (ScalingPolicy p : policies) {
      if (!names.add(p.name())) {
        throw ValidationException.of("PolicyName", p.name(), "a name used once per scalable target");
      }
      PredefinedMetric metric = p.configuration().metric();
      if (!metric.scales(target.dimension())) {
        throw ValidationException.of("PredefinedMetricType", metric,
            "a metric that scales " + target.dimension() + ": " + List.of(PredefinedMetric.values()).stream()
                .filter(m -> m.scales(target.dimension())).map(PredefinedMetric::value).toList());
      }
    }
  }

  /**
   * A target with its policies.
   *
   * @param target the target
   * @param policies the policies
   * @return the definition
   */
  public static ScalingDefinition of(ScalableTarget target, ScalingPolicy... policies) {
    return new ScalingDefinition(target, Checks.elements("ScalingPolicies", "scaling policies", policies));
  }

  /**
   * Reads the JSON form.
   *
   * @param json the text
   * @return the definition
   * @throws ValidationException when the text is not a valid definition
   */
  public static ScalingDefinition fromJson(@Nullable String json) {
    return ScalingJson.readDefinition(json);
  }

  /** {@return the JSON form} */
  public String toJson() {
    return ScalingJson.write(ScalingJson.definition(this));
  }

  /**
   * The same definition with another target (same dimension and resource, for example other capacities).
   *
   * @param other the target
   * @return the definition
   */
  public ScalingDefinition withTarget(ScalableTarget other) {
    return new ScalingDefinition(other, policies);
  }
}
