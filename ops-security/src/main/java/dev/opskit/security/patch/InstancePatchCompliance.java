package dev.opskit.security.patch;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An instance's patch state ({@code DescribeInstancePatchStates}), as the last scan or install reported it.
 *
 * @param instanceId the instance
 * @param baselineId the baseline it was held to
 * @param operation {@code Scan} or {@code Install}
 * @param installed patches installed
 * @param missing approved patches missing
 * @param failed patches that failed to install
 * @param criticalNonCompliant non-compliant patches of critical compliance level
 * @param securityNonCompliant non-compliant security patches
 * @param operationEnd when the operation ended, or null
 */
public record InstancePatchCompliance(String instanceId, String baselineId, String operation, int installed,
    int missing, int failed, int criticalNonCompliant, int securityNonCompliant, @Nullable Instant operationEnd) {
  /**
   * Validates.
   *
   * @param instanceId the instance
   * @param baselineId the baseline
   * @param operation the operation
   * @param installed patches installed
   * @param missing patches missing
   * @param failed patches failed
   * @param criticalNonCompliant critical non-compliant
   * @param securityNonCompliant security non-compliant
   * @param operationEnd when it ended, or null
   */
  public InstancePatchCompliance {
    Checks.present("instanceId", instanceId, "an instance id");
    Checks.present("baselineId", baselineId, "a baseline id");
    Checks.present("operation", operation, "Scan or Install");
  }

  /** {@return whether nothing approved is missing or failed} */
  public boolean isCompliant() {
    return missing == 0 && failed == 0;
  }
}
