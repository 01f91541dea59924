package dev.opskit.examples;

import dev.opskit.core.OpsContext;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.PlannedCall;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.cost.eks.NodeGroupDefinition;
import dev.opskit.cost.eks.NodeGroups;
import dev.opskit.cost.lifecycle.IntelligentTieringDefinition;
import dev.opskit.cost.lifecycle.SnapshotLifecyclePolicy;
import dev.opskit.cost.waste.Cleanup;
import dev.opskit.cost.waste.CleanupPolicy;
import dev.opskit.cost.waste.CleanupResult;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.PriceTable;
import dev.opskit.cost.waste.Prices;
import dev.opskit.cost.waste.Waste;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;
import software.amazon.awssdk.services.eks.model.CreateNodegroupRequest;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.VpcConfigRequest;

/**
 * The guide's "Cost Optimization" waste and lifecycle parts with {@code ops-cost}: the waste finder on the account
 * (an orphaned volume made for the tour), priced from a table of example prices, the first step of the safe cleanup
 * cycle (a dry run listing the tag calls, then the mark), the guide's spot node group with its drifted scaling
 * corrected, and the guide's Intelligent-Tiering and DLM blocks as definitions. Safe to run again: what exists is
 * reused, and a marked volume is not marked twice.
 */
public final class CostWasteExample implements TourStep {
  static final String VOLUME_NAME = "opskit-tour-orphan";
  static final String CLUSTER = "prod-cluster";
  /** Example prices (us-east-1 list prices at the time of writing), so the tour needs no Price List access. */
  static final PriceTable EXAMPLE_PRICES = PriceTable.builder()
      .price(PriceKey.ebsVolume("gp2"), "0.10")
      .price(PriceKey.ebsVolume("gp3"), "0.08")
      .price(PriceKey.ebsSnapshot(), "0.05")
      .price(PriceKey.elasticIp(), "0.005")
      .price(PriceKey.loadBalancer("application"), "0.0225")
      .build();

  @Override
  public String title() {
    return "Cost Optimization: waste and lifecycle (waste finder, safe cleanup, spot node group, tiering and DLM)";
  }

  @Override
  public void run(OpsContext ctx, PrintStream out) {
    ensureResources(ctx, out);
    Prices prices = Prices.table(EXAMPLE_PRICES).orElse(Prices.none());

    out.println("Waste: every kind, thrifty's thresholds, priced from the example table.");
    List<Finding> findings = Waste.using(ctx, prices).find();
    findings.forEach(f -> out.println("  " + f.kind() + " " + f.resourceId() + ": " + f.detail() + "; USD "
        + f.estimate().monthlyUsd().toPlainString() + "/month (" + f.estimate().source() + ": " + f.estimate().basis()
        + ")"));
    BigDecimal total = findings.stream().map(f -> f.estimate().monthlyUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    out.println("  " + findings.size() + " finding(s), USD " + total.toPlainString() + " a month");

    out.println("Cleanup, step 1: a dry run lists the marks it would set (nothing is tagged).");
    CleanupPolicy policy = CleanupPolicy.defaults().notifier(n -> out.println("  notify: " + n.marked().size()
        + " marked" + (n.dryRun() ? " (dry run)" : "") + ", deletable from "
        + n.marked().stream().map(m -> m.deleteAfter().toString()).findFirst().orElse("-")));
    CleanupResult planned = Waste.using(ctx.withDryRun(true), prices).cleanup(policy).mark(findings);
    planned.applied().plan().changes().stream().flatMap(c -> c.calls().stream())
        .forEach(c -> out.println("  would call " + call(c)));
    Cleanup cleanup = Waste.using(ctx, prices).cleanup(policy);
    cleanup.mark(findings);
    Plan sweep = cleanup.planSweep();
    out.println("Cleanup, step 2 (run daily): today the sweep " + (sweep.isEmpty() ? "waits; nothing is due"
        : "would " + sweep.summary()) + ".");

    out.println("EKS: the guide's spot-nodes compared with what is live; the scaling is corrected, nothing created.");
    NodeGroups nodeGroups = NodeGroups.using(ctx);
    Plan plan = nodeGroups.plan(NodeGroupDefinition.guideSpotNodes(CLUSTER));
    plan.render().lines().forEach(line -> out.println("  " + line));
    nodeGroups.apply(plan);
    out.println("  now " + nodeGroups.read(CLUSTER, "spot-nodes").scaling());

    out.println("Lifecycle: the guide's blocks as definitions (apply them with IntelligentTiering and SnapshotLifecycle;"
        + " moto has neither API).");
    out.println("  " + IntelligentTieringDefinition.guide(BucketName.of("opskit-tour-app-data")).toJson());
    out.println("  " + SnapshotLifecyclePolicy.guide(Arn.parse("arn:aws:iam::123456789012:role/dlm-lifecycle-role"))
        .toJson());
  }

  private static String call(PlannedCall c) {
    return c.operation() + " " + c.target() + " " + c.parameters();
  }

  private static void ensureResources(OpsContext ctx, PrintStream out) {
    Ec2Client ec2 = ctx.client(Ec2Client.class, Ec2Client::builder);
    boolean volume = !ec2.describeVolumes(DescribeVolumesRequest.builder()
        .filters(Filter.builder().name("tag:Name").values(VOLUME_NAME).build()).build()).volumes().isEmpty();
    if (!volume) {
      String zone = ctx.region().id() + "a";
      CreateVolumeRequest request = CreateVolumeRequest.builder().size(100).volumeType("gp2").availabilityZone(zone)
          .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VOLUME)
              .tags(Tag.builder().key("Name").value(VOLUME_NAME).build()).build())
          .build();
      ctx.gate().submit(Change.of("ec2:CreateVolume", VOLUME_NAME, request, ec2::createVolume).build());
      out.println("  created an orphaned 100 GiB gp2 volume " + VOLUME_NAME);
    }
    EksClient eks = ctx.client(EksClient.class, EksClient::builder);
    if (eks.listClusters().clusters().stream().noneMatch(CLUSTER::equals)) {
      CreateClusterRequest cluster = CreateClusterRequest.builder().name(CLUSTER)
          .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
          .resourcesVpcConfig(VpcConfigRequest.builder().subnetIds("subnet-1", "subnet-2").build()).build();
      ctx.gate().submit(Change.of("eks:CreateCluster", CLUSTER, cluster, eks::createCluster).build());
      CreateNodegroupRequest group = CreateNodegroupRequest.builder().clusterName(CLUSTER).nodegroupName("spot-nodes")
          .nodeRole("arn:aws:iam::123456789012:role/node-group").subnets("subnet-1").capacityType(CapacityTypes.SPOT)
          .instanceTypes("m5.large", "m5.xlarge", "m4.large", "m4.xlarge")
          .scalingConfig(NodegroupScalingConfig.builder().minSize(1).desiredSize(1).maxSize(5).build()).build();
      ctx.gate().submit(Change.of("eks:CreateNodegroup", CLUSTER + "/spot-nodes", group, eks::createNodegroup).build());
      out.println("  created EKS cluster " + CLUSTER + " with node group spot-nodes (as Terraform would; scaling 1-1-5)");
    }
  }
}
