package dev.opskit.cost.eks;

import dev.opskit.core.value.Checks;
import dev.opskit.cost.eks.internal.NodeGroupJson;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Terraform meant a managed node group to be (the guide's {@code aws_eks_node_group}): capacity type, instance
 * types and scaling. OpsKit corrects only the scaling configuration ({@code UpdateNodegroupConfig}); a different
 * capacity type or instance types need a new node group, which stays Terraform's job.
 *
 * <pre>{@code
 * NodeGroupDefinition spot = NodeGroupDefinition.guideSpotNodes("prod-cluster");
 * NodeGroups.using(ctx).apply(List.of(spot));
 * }</pre>
 *
 * @param cluster the cluster's name (1 to 100 letters, digits, dashes and underscores, starting with a letter or digit)
 * @param name the node group's name (same rule)
 * @param capacityType ON_DEMAND, SPOT or CAPACITY_BLOCK
 * @param instanceTypes the instance types, 1 to 20 (such as {@code m5.large}), without repeats
 * @param scaling the scaling configuration
 */
public record NodeGroupDefinition(String cluster, String name, CapacityType capacityType, List<String> instanceTypes,
    ScalingConfig scaling) {
  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
  private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]{1,32}");

  /**
   * Validates and copies.
   *
   * @param cluster the cluster's name (1 to 100 letters, digits, dashes and underscores, starting with a letter or digit)
   * @param name the node group's name (same rule)
   * @param capacityType ON_DEMAND, SPOT or CAPACITY_BLOCK
   * @param instanceTypes the instance types, 1 to 20 (such as {@code m5.large}), without repeats
   * @param scaling the scaling configuration
   * @throws dev.opskit.core.ValidationException naming the field, the value and what is allowed
   */
  public NodeGroupDefinition {
    String names = "1 to 100 letters, digits, dashes and underscores, starting with a letter or digit";
    Checks.present("cluster", cluster, names);
    Checks.require(cluster.length() <= 100 && NAME.matcher(cluster).matches(), "cluster", cluster, names);
    Checks.present("name", name, names);
    Checks.require(name.length() <= 100 && NAME.matcher(name).matches(), "name", name, names);
    Checks.present("capacityType", capacityType, "ON_DEMAND, SPOT or CAPACITY_BLOCK");
    Checks.require(capacityType.isKnown(), "capacityType", capacityType, "ON_DEMAND, SPOT or CAPACITY_BLOCK");
    instanceTypes = Checks.list("instanceTypes", instanceTypes, "1 to 20 instance types, such as m5.large");
    Checks.require(!instanceTypes.isEmpty() && instanceTypes.size() <= 20, "instanceTypes", instanceTypes,
        "1 to 20 instance types, such as m5.large");
    for (String type : instanceTypes) {
      Checks.require(type.length() <= 64 && INSTANCE_TYPE.matcher(type).matches(), "instanceTypes", type,
          "instance types such as m5.large");
    }
    Checks.require(instanceTypes.stream().distinct().count() == instanceTypes.size(), "instanceTypes", instanceTypes,
        "each instance type once");
    Checks.present("scaling", scaling, "a scaling configuration");
  }

  /**
   * The guide's {@code spot-nodes}: SPOT, m5.large, m5.xlarge, m4.large and m4.xlarge, 1 to 10 nodes, 3 wanted.
   *
   * @param cluster the cluster's name
   * @return the definition
   */
  public static NodeGroupDefinition guideSpotNodes(String cluster) {
    return new NodeGroupDefinition(cluster, "spot-nodes", CapacityType.SPOT,
        List.of("m5.large", "m5.xlarge", "m4.large", "m4.xlarge"), new ScalingConfig(1, 3, 10));
  }

  /**
   * The same definition with another scaling configuration.
   *
   * @param value the scaling configuration
   * @return the definition
   */
  public NodeGroupDefinition withScaling(ScalingConfig value) {
    return new NodeGroupDefinition(cluster, name, capacityType, instanceTypes, value);
  }

  /**
   * The definition as JSON in EKS's CreateNodegroup member names: {@code clusterName}, {@code nodegroupName},
   * {@code capacityType}, {@code instanceTypes}, {@code scalingConfig} ({@code minSize}, {@code maxSize},
   * {@code desiredSize}).
   *
   * @return the JSON text
   */
  public String toJson() {
    return NodeGroupJson.write(this);
  }

  /**
   * Reads a definition from {@link #toJson()}'s shape.
   *
   * @param json the text
   * @return the definition
   * @throws dev.opskit.core.ValidationException when the text is not such a definition
   */
  public static NodeGroupDefinition fromJson(String json) {
    return NodeGroupJson.read(json);
  }
}
