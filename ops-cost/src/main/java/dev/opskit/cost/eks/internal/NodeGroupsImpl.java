package dev.opskit.cost.eks.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.eks.CapacityType;
import dev.opskit.cost.eks.NodeGroup;
import dev.opskit.cost.eks.NodeGroupDefinition;
import dev.opskit.cost.eks.NodeGroups;
import dev.opskit.cost.eks.ScalingConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupRequest;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;

/** Node groups: read, compare, and the scaling corrections as desired state. */
public final class NodeGroupsImpl implements NodeGroups {
  static final String RESOURCE_TYPE = "node group";

  private final OpsContext ctx;

  /**
   * The operations.
   *
   * @param ctx the context
   */
  public NodeGroupsImpl(OpsContext ctx) {
    this.ctx = ctx;
  }

  private EksClient eks() {
    return ctx.client(EksClient.class, EksClient::builder);
  }

  private Optional<NodeGroup> find(String cluster, String name) {
    EksClient eks = eks();
    return Reads.find("eks:DescribeNodegroup", cluster + "/" + name, () -> eks.describeNodegroup(
        DescribeNodegroupRequest.builder().clusterName(cluster).nodegroupName(name).build()).nodegroup())
        .map(NodeGroupsImpl::value);
  }

  static NodeGroup value(Nodegroup n) {
    NodegroupScalingConfig s = n.scalingConfig();
    int min = s == null || s.minSize() == null ? 0 : s.minSize();
    int max = s == null || s.maxSize() == null ? Math.max(1, min) : s.maxSize();
    int desired = s == null || s.desiredSize() == null ? min : s.desiredSize();
    return new NodeGroup(n.clusterName(), n.nodegroupName(),
        CapacityType.of(n.capacityTypeAsString() == null ? "ON_DEMAND" : n.capacityTypeAsString()), n.instanceTypes(),
        new ScalingConfig(min, Math.max(min, Math.min(desired, max)), max),
        n.statusAsString() == null ? "UNKNOWN" : n.statusAsString());
  }

  @Override
  public NodeGroup read(String cluster, String name) {
    Checks.present("cluster", cluster, "a cluster name");
    Checks.present("name", name, "a node group name");
    EksClient eks = eks();
    return value(Reads.read("eks:DescribeNodegroup", cluster + "/" + name, () -> eks.describeNodegroup(
        DescribeNodegroupRequest.builder().clusterName(cluster).nodegroupName(name).build()).nodegroup()));
  }

  @Override
  public List<FieldDiff> compare(NodeGroupDefinition definition) {
    Checks.present("definition", definition, "a NodeGroupDefinition");
    NodeGroup live = read(definition.cluster(), definition.name());
    List<FieldDiff> diffs = new ArrayList<>(fixed(live, definition));
    diffs.addAll(scaling(live.scaling(), definition.scaling()));
    return diffs;
  }

  /** The differences only a new node group can remove. */
  private static List<FieldDiff> fixed(NodeGroup live, NodeGroupDefinition d) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (!live.capacityType().equals(d.capacityType())) {
      diffs.add(FieldDiff.of("capacityType", live.capacityType(), d.capacityType()));
    }
    if (!new HashSet<>(live.instanceTypes()).equals(new HashSet<>(d.instanceTypes()))) {
      diffs.add(FieldDiff.of("instanceTypes", live.instanceTypes(), d.instanceTypes()));
    }
    return diffs;
  }

  private static List<FieldDiff> scaling(ScalingConfig live, ScalingConfig desired) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (live.minSize() != desired.minSize()) {
      diffs.add(FieldDiff.of("scalingConfig.minSize", live.minSize(), desired.minSize()));
    }
    if (live.maxSize() != desired.maxSize()) {
      diffs.add(FieldDiff.of("scalingConfig.maxSize", live.maxSize(), desired.maxSize()));
    }
    if (live.desiredSize() != desired.desiredSize()) {
      diffs.add(FieldDiff.of("scalingConfig.desiredSize", live.desiredSize(), desired.desiredSize()));
    }
    return diffs;
  }

  @Override
  public Plan plan(Collection<? extends NodeGroupDefinition> definitions) {
    List<NodeGroupDefinition> all = Checks.list("definitions", definitions, "node group definitions");
    Set<String> seen = new HashSet<>();
    all.forEach(d -> Checks.require(seen.add(d.cluster() + "/" + d.name()), "definitions", d.cluster() + "/" + d.name(),
        "each node group once"));
    EksClient eks = eks();
    List<ResourceChange> changes = new ArrayList<>();
    List<String> notHere = new ArrayList<>();
    for (NodeGroupDefinition d : all) {
      String resource = d.cluster() + "/" + d.name();
      NodeGroup live = find(d.cluster(), d.name()).orElseThrow(() -> new ResourceStateException("node group " + d.name()
          + " of cluster " + d.cluster() + " does not exist; OpsKit corrects node groups, creating them stays"
          + " Terraform's job", "eks:DescribeNodegroup", resource, null));
      fixed(live, d).forEach(f -> notHere.add(resource + " " + f));
      List<FieldDiff> diffs = scaling(live.scaling(), d.scaling());
      if (diffs.isEmpty()) {
        changes.add(ResourceChange.unchanged(RESOURCE_TYPE, resource));
        continue;
      }
      UpdateNodegroupConfigRequest request = UpdateNodegroupConfigRequest.builder().clusterName(d.cluster())
          .nodegroupName(d.name()).scalingConfig(NodegroupScalingConfig.builder().minSize(d.scaling().minSize())
              .maxSize(d.scaling().maxSize()).desiredSize(d.scaling().desiredSize()).build())
          .build();
      changes.add(ResourceChange.update(RESOURCE_TYPE, resource, diffs,
          List.of(Change.of("eks:UpdateNodegroupConfig", resource, request, eks::updateNodegroupConfig).build())));
    }
    String title = notHere.isEmpty() ? "node group scaling"
        : "node group scaling; not changed here (a new node group, Terraform's job): " + String.join("; ", notHere);
    return Plan.of(title, changes);
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan from plan(...)"));
  }
}
