package dev.opskit.monitoring.scaling;

import dev.opskit.core.value.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Which live scaling policies of a defined scalable target are OpsKit's, so that a plan may delete those no
 * definition names. Policies of targets that no definition names are never considered. Policies cannot be
 * tagged, so ownership is by name: every policy of a defined target ({@link #all()}), or those whose name starts
 * with a prefix ({@link #prefix}).
 *
 * @param prefix the name prefix of managed policies; empty for every policy of a defined target
 */
public record ManagedPolicies(String prefix) {

  /**
   * Validates.
   *
   * @param prefix the name prefix of managed policies; empty for every policy of a defined target
   */
  public ManagedPolicies {
    Checks.length("prefix", prefix, 0, 255);
  }

  /** {@return every policy of a defined target is OpsKit's} */
  public static ManagedPolicies all() {
    return new ManagedPolicies("");
  }

  /**
   * Policies whose names start with a prefix are OpsKit's.
   *
   * @param prefix such as {@code opskit-}
   * @return the marker
   */
  public static ManagedPolicies prefix(@Nullable String prefix) {
    return new ManagedPolicies(Checks.length("prefix", prefix, 1, 255));
  }

  /**
   * Whether a policy is managed.
   *
   * @param policyName the policy name
   * @return whether it is OpsKit's
   */
  public boolean manages(String policyName) {
    return policyName.startsWith(prefix);
  }

  @Override
  public String toString() {
    return prefix.isEmpty() ? "every policy of a defined target" : "policies named " + prefix + "*";
  }
}
