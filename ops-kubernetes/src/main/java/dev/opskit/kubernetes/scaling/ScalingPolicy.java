package dev.opskit.kubernetes.scaling;

import dev.opskit.core.ValidationException;

/**
 * One policy of an HPA's scaling rules: at most {@code value} pods, or {@code value} percent of the current
 * replicas, per {@code periodSeconds}.
 *
 * @param type {@code Pods} or {@code Percent}
 * @param value the pods or percent, more than 0
 * @param periodSeconds the window, 1 to 1800 seconds
 */
public record ScalingPolicy(String type, int value, int periodSeconds) {
  /**
   * Validates as the API server does.
   *
   * @param type the type
   * @param value the value
   * @param periodSeconds the period
   * @throws ValidationException naming the policy's field
   */
  public ScalingPolicy {
    check(type, value, periodSeconds, "policy");
  }

  /**
   * Checks a policy with its field path.
   *
   * @param type the type
   * @param value the value
   * @param periodSeconds the period
   * @param path the path, such as {@code spec.behavior.scaleDown.policies[0]}
   * @throws ValidationException naming the field path
   */
  public static void check(String type, int value, int periodSeconds, String path) {
    if (!"Pods".equals(type) && !"Percent".equals(type)) {
      throw ValidationException.of(path + ".type", type, "Pods or Percent");
    }
    if (value < 1) {
      throw ValidationException.of(path + ".value", value, "greater than 0");
    }
    if (periodSeconds < 1 || periodSeconds > 1800) {
      throw ValidationException.of(path + ".periodSeconds", periodSeconds, "1 to 1800 seconds");
    }
  }
}
