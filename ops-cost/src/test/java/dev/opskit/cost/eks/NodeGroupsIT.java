package dev.opskit.cost.eks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.audit.InMemoryAuditSink;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.test.AuditAssertions;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.contract.DesiredStateContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/** The guide's spot node group: read as a value, compared, its scaling corrected on moto's EKS. */
@OpsEmulatorTest
class NodeGroupsIT {
  private static final String CLUSTER = "prod-cluster";

  private static void cluster(OpsContext ctx, String nodegroup, CapacityTypes capacity, List<String> types, int min,
      int desired, int max) {
    EksClient eks = ctx.client(EksClient.class, EksClient::builder);
    if (eks.listClusters().clusters().stream().noneMatch(CLUSTER::equals)) {
      eks.createCluster(r -> r.name(CLUSTER).roleArn("arn:aws:iam::123456789012:role/eks-cluster")
          .resourcesVpcConfig(v -> v.subnetIds("subnet-1", "subnet-2")));
    }
    eks.createNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(nodegroup)
        .nodeRole("arn:aws:iam::123456789012:role/node-group").subnets("subnet-1").capacityType(capacity)
        .instanceTypes(types).scalingConfig(s -> s.minSize(min).desiredSize(desired).maxSize(max)));
  }

  @Test
  void readsANodeGroupAsAValue(Emulator emulator, OpsContext ctx) {
    emulator.reset();
    cluster(ctx, "spot-nodes", CapacityTypes.SPOT, List.of("m5.large", "m5.xlarge", "m4.large", "m4.xlarge"), 1, 3, 10);

    NodeGroup live = NodeGroups.using(ctx).read(CLUSTER, "spot-nodes");

    assertThat(live.capacityType()).isEqualTo(CapacityType.SPOT);
    assertThat(live.instanceTypes()).containsExactly("m5.large", "m5.xlarge", "m4.large", "m4.xlarge");
    assertThat(live.scaling()).isEqualTo(new ScalingConfig(1, 3, 10));
    assertThat(NodeGroups.using(ctx).compare(NodeGroupDefinition.guideSpotNodes(CLUSTER))).isEmpty();
    assertThat(NodeGroups.using(ctx).plan(NodeGroupDefinition.guideSpotNodes(CLUSTER)).isEmpty()).isTrue();
  }

  @Test
  void driftedScalingIsCorrectedWithUpdateNodegroupConfigAndTheRestIsOnlyNamed(Emulator emulator, OpsContext ctx,
      InMemoryAuditSink audit) {
    emulator.reset();
    cluster(ctx, "spot-nodes", CapacityTypes.ON_DEMAND, List.of("m5.large"), 2, 2, 4);
    NodeGroupDefinition guide = NodeGroupDefinition.guideSpotNodes(CLUSTER);

    assertThat(NodeGroups.using(ctx).compare(guide)).extracting(FieldDiff::field).containsExactly("capacityType",
        "instanceTypes", "scalingConfig.minSize", "scalingConfig.maxSize", "scalingConfig.desiredSize");
    Plan plan = NodeGroups.using(ctx).plan(guide);
    assertThat(plan.title()).contains("not changed here (a new node group, Terraform's job)")
        .contains("prod-cluster/spot-nodes capacityType: ON_DEMAND -> SPOT");
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ResourceChange.Kind.UPDATE);
      assertThat(c.diffs()).extracting(FieldDiff::toString).containsExactly("scalingConfig.minSize: 2 -> 1",
          "scalingConfig.maxSize: 4 -> 10", "scalingConfig.desiredSize: 2 -> 3");
      assertThat(c.calls()).extracting(PlannedCall::operation).containsExactly("eks:UpdateNodegroupConfig");
    });

    NodeGroups.using(ctx).apply(plan);

    assertThat(NodeGroups.using(ctx).read(CLUSTER, "spot-nodes").scaling()).isEqualTo(new ScalingConfig(1, 3, 10));
    assertThat(NodeGroups.using(ctx).plan(guide).isEmpty()).isTrue();
    AuditAssertions.assertThat(audit).hasExactlyOneEvent("eks:UpdateNodegroupConfig");
    // The capacity type is still what it was: OpsKit never replaces a node group.
    assertThat(NodeGroups.using(ctx).read(CLUSTER, "spot-nodes").capacityType()).isEqualTo(CapacityType.ON_DEMAND);
  }

  @Test
  void passesTheDesiredStateContract(Emulator emulator, OpsContext ctx, InMemoryAuditSink audit) {
    emulator.reset();
    cluster(ctx, "spot-nodes", CapacityTypes.SPOT, List.of("m5.large", "m5.xlarge", "m4.large", "m4.xlarge"), 1, 1, 5);
    NodeGroupDefinition guide = NodeGroupDefinition.guideSpotNodes(CLUSTER);
    DesiredStateContract.of(NodeGroups.using(ctx), NodeGroups.using(ctx.withDryRun(true)), audit)
        .firstPlan(ResourceChange.Kind.UPDATE)
        .definitions(List.of(guide))
        .changed(List.of(guide.withScaling(new ScalingConfig(1, 3, 12))), "scalingConfig.maxSize")
        .check();
  }

  @Test
  void aMissingNodeGroupIsNotCreated(Emulator emulator, OpsContext ctx, InMemoryAuditSink audit) {
    emulator.reset();
    cluster(ctx, "other", CapacityTypes.ON_DEMAND, List.of("m5.large"), 1, 1, 1);

    assertThatThrownBy(() -> NodeGroups.using(ctx).plan(NodeGroupDefinition.guideSpotNodes(CLUSTER)))
        .isInstanceOf(ResourceStateException.class)
        .hasMessageContaining("node group spot-nodes of cluster prod-cluster does not exist; OpsKit corrects node groups,"
            + " creating them stays Terraform's job");
    assertThatThrownBy(() -> NodeGroups.using(ctx).read(CLUSTER, "spot-nodes")).isInstanceOf(ResourceNotFoundException.class);
    assertThat(audit.events()).isEmpty();
  }
}
