package dev.opskit.kubernetes.scaling;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An HPA's rules for one direction ({@code scaleUp} or {@code scaleDown}). What is left out takes the API server's
 * default and is not compared by a plan.
 *
 * @param stabilizationWindowSeconds 0 to 3600, or null for the default (0 up, 300 down)
 * @param selectPolicy {@code Max}, {@code Min} or {@code Disabled}, or null for the default ({@code Max})
 * @param policies the policies (empty: the API server's defaults)
 */
public record ScalingRules(@Nullable Integer stabilizationWindowSeconds, @Nullable String selectPolicy,
    List<ScalingPolicy> policies) {
  private static final Set<String> SELECT = Set.of("Max", "Min", "Disabled");

  /**
   * Validates as the API server does.
   *
   * @param stabilizationWindowSeconds the window
   * @param selectPolicy the selection
   * @param policies the policies
   * @throws ValidationException naming the field
   */
  public ScalingRules {
    check(stabilizationWindowSeconds, selectPolicy, "rules");
    policies = Checks.list("policies", policies, "scaling policies (may be empty)");
  }

  /**
   * Only a stabilization window.
   *
   * @param seconds 0 to 3600
   * @return the rules
   */
  public static ScalingRules stabilizationWindow(int seconds) {
    return new ScalingRules(seconds, null, List.of());
  }

  /**
   * Checks the rules' own fields with their path.
   *
   * @param stabilizationWindowSeconds the window
   * @param selectPolicy the selection
   * @param path the path, such as {@code spec.behavior.scaleUp}
   * @throws ValidationException naming the field path
   */
  public static void check(@Nullable Integer stabilizationWindowSeconds, @Nullable String selectPolicy, String path) {
    if (stabilizationWindowSeconds != null && (stabilizationWindowSeconds < 0 || stabilizationWindowSeconds > 3600)) {
      throw ValidationException.of(path + ".stabilizationWindowSeconds", stabilizationWindowSeconds,
          "0 to 3600 seconds");
    }
    if (selectPolicy != null && !SELECT.contains(selectPolicy)) {
      throw ValidationException.of(path + ".selectPolicy", selectPolicy, "Max, Min or Disabled");
    }
  }
}
