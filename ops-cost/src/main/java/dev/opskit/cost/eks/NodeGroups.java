package dev.opskit.cost.eks;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.DesiredState;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.eks.internal.NodeGroupsImpl;
import java.util.List;

/**
 * EKS managed node groups compared with what Terraform meant: {@link #read} gives one as a value, {@link #compare}
 * every difference, and {@link #plan} the scaling corrections ({@code UpdateNodegroupConfig}) the gate can make. A
 * node group that does not exist is refused: creating node groups stays Terraform's job. Differences in capacity type
 * or instance types are named in the plan's title and by {@link #compare}, never changed.
 */
public interface NodeGroups extends DesiredState<NodeGroupDefinition> {
  /**
   * The operations on the context's EKS.
   *
   * @param ctx the context
   * @return the operations
   */
  static NodeGroups using(OpsContext ctx) {
    Checks.present("ctx", ctx, "an OpsContext");
    return new NodeGroupsImpl(ctx);
  }

  /**
   * Reads a node group.
   *
   * @param cluster the cluster's name
   * @param name the node group's name
   * @return the node group
   * @throws dev.opskit.core.ResourceNotFoundException when the cluster or node group does not exist
   */
  NodeGroup read(String cluster, String name);

  /**
   * Every difference between the live node group and the definition, in EKS's member names
   * ({@code capacityType}, {@code instanceTypes}, {@code scalingConfig.minSize}...).
   *
   * @param definition the definition
   * @return the differences (empty when the node group is as defined)
   * @throws dev.opskit.core.ResourceNotFoundException when the node group does not exist
   */
  List<FieldDiff> compare(NodeGroupDefinition definition);
}
