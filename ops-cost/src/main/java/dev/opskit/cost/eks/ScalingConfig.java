package dev.opskit.cost.eks;

import dev.opskit.core.value.Checks;

/**
 * A node group's scaling configuration, in EKS's member names.
 *
 * @param minSize the fewest nodes, 0 or more
 * @param desiredSize the nodes wanted now, from {@code minSize} to {@code maxSize}
 * @param maxSize the most nodes, 1 or more
 */
public record ScalingConfig(int minSize, int desiredSize, int maxSize) {
  /**
   * Validates.
   *
   * @param minSize the fewest nodes, 0 or more
   * @param desiredSize the nodes wanted now, from {@code minSize} to {@code maxSize}
   * @param maxSize the most nodes, 1 or more
   * @throws dev.opskit.core.ValidationException when the sizes are negative or out of order
   */
  public ScalingConfig {
    Checks.require(minSize >= 0, "scalingConfig.minSize", minSize, "0 or more");
    Checks.require(maxSize >= 1, "scalingConfig.maxSize", maxSize, "1 or more");
    Checks.require(minSize <= maxSize, "scalingConfig.minSize", minSize, "at most maxSize (" + maxSize + ")");
    Checks.require(desiredSize >= minSize && desiredSize <= maxSize, "scalingConfig.desiredSize", desiredSize,
        "from minSize (" + minSize + ") to maxSize (" + maxSize + ")");
  }
}
