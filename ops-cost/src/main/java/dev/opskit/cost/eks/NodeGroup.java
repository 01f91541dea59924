package dev.opskit.cost.eks;

import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * An EKS managed node group as it is live.
 *
 * @param cluster the cluster's name
 * @param name the node group's name
 * @param capacityType ON_DEMAND, SPOT or what AWS reports
 * @param instanceTypes the instance types, as AWS lists them
 * @param scaling the scaling configuration
 * @param status the node group's status as AWS reports it, such as {@code ACTIVE}
 */
public record NodeGroup(String cluster, String name, CapacityType capacityType, List<String> instanceTypes,
    ScalingConfig scaling, String status) {
  /**
   * Validates and copies.
   *
   * @param cluster the cluster's name
   * @param name the node group's name
   * @param capacityType ON_DEMAND, SPOT or what AWS reports
   * @param instanceTypes the instance types, as AWS lists them
   * @param scaling the scaling configuration
   * @param status the node group's status as AWS reports it, such as {@code ACTIVE}
   * @throws dev.opskit.core.ValidationException when a part is missing
   */
  public NodeGroup {
    Checks.present("cluster", cluster, "a cluster name");
    Checks.present("name", name, "a node group name");
    Checks.present("capacityType", capacityType, "a capacity type");
    instanceTypes = Checks.list("instanceTypes", instanceTypes, "instance types");
    Checks.present("scaling", scaling, "a scaling configuration");
    Checks.present("status", status, "a status");
  }
}
