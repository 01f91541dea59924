package dev.opskit.monitoring.scaling;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * A target-tracking scaling policy of a scalable target: its name and configuration (PutScalingPolicy with
 * {@code PolicyType TargetTrackingScaling}).
 *
 * @param name the policy name, such as {@code user-sessions-read-scaling-policy} (1 to 256 characters, no
 *     {@code :} and no control characters)
 * @param configuration the target-tracking configuration
 */
public record ScalingPolicy(String name, TargetTracking configuration) {
  private static final Pattern NAME = Pattern.compile("[^:\\p{Cntrl}]+");

  /**
   * Validates.
   *
   * @param name the policy name
   * @param configuration the target-tracking configuration
   */
  public ScalingPolicy {
    Checks.length("PolicyName", name, 1, 256);
    Checks.matches(NAME, "PolicyName", name, "1 to 256 characters without ':' or control characters");
    Checks.present("TargetTrackingScalingPolicyConfiguration", configuration, "a target-tracking configuration");
  }

  /**
   * A target-tracking policy.
   *
   * @param name the policy name
   * @param configuration the configuration
   * @return the policy
   */
  public static ScalingPolicy targetTracking(String name, TargetTracking configuration) {
    return new ScalingPolicy(name, configuration);
  }
}
