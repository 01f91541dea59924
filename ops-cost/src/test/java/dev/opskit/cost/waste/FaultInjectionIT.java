package dev.opskit.cost.waste;

import static dev.opskit.test.FaultInjectingProxy.action;

import dev.opskit.core.OpsContext;
import dev.opskit.cost.eks.NodeGroupDefinition;
import dev.opskit.cost.eks.NodeGroups;
import dev.opskit.test.Emulator;
import dev.opskit.test.OpsEmulatorTest;
import dev.opskit.test.faults.FaultKind;
import dev.opskit.test.faults.FaultSuite;
import dev.opskit.test.faults.MutatingOperation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CapacityTypes;

/**
 * The mutating operations of the waste cleanup and the node groups that moto supports, under every {@link FaultKind},
 * through the fault-injecting proxy (see {@link FaultSuite}): the mark (EC2 CreateTags), the sweep's delete (EC2
 * DeleteVolume) and the scaling correction (EKS UpdateNodegroupConfig); EC2's faults come in EC2's own error document
 * ({@code RequestLimitExceeded} for throttling). The lifecycle creates are not here: moto has
 * neither S3 Intelligent-Tiering nor DLM; the DLM create's lost answer is shown in {@code LifecycleDesiredStateTest}.
 */
@OpsEmulatorTest
class FaultInjectionIT {
  private static final CleanupPolicy VOLUMES = CleanupPolicy.defaults()
      .criteria(WasteCriteria.defaults().only(EnumSet.of(WasteKind.UNATTACHED_VOLUME)));

  static final List<MutatingOperation> OPERATIONS = List.of(
      MutatingOperation.named("waste cleanup mark")
          .given(direct -> volume(direct, null))
          .changes(action("CreateTags"))
          .call(ctx -> {
            Waste waste = Waste.using(ctx, Prices.none());
            waste.cleanup(VOLUMES).mark(waste.find(VOLUMES.criteria()));
          })
          .makes("the mark on the orphaned volume", direct -> !marked(direct).isEmpty())
          .build(),
      MutatingOperation.named("waste cleanup sweep: delete")
          .given(direct -> volume(direct, LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
          .changes(action("DeleteVolume"))
          .call(ctx -> Waste.using(ctx, Prices.none()).cleanup(VOLUMES).sweep())
          .deletes("an orphaned volume", direct -> ec2(direct).describeVolumes().volumes().size())
          .build(),
      MutatingOperation.named("node group scaling correction")
          .given(FaultInjectionIT::nodeGroup)
          .changes(r -> r.method().equals("POST") && r.path().endsWith("/update-config"))
          .call(ctx -> NodeGroups.using(ctx).apply(List.of(NodeGroupDefinition.guideSpotNodes("prod-cluster"))))
          .makes("scaling 1-3-10", direct -> direct.client(EksClient.class, EksClient::builder)
              .describeNodegroup(r -> r.clusterName("prod-cluster").nodegroupName("spot-nodes")).nodegroup()
              .scalingConfig().maxSize() == 10)
          .build());

  static Stream<Object[]> rows() {
    return FaultSuite.matrix(OPERATIONS);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("rows")
  void eachMutatingOperationMakesItsChangeOnceOrFailsTypedAndAuditsWhatTheCallerSaw(
      MutatingOperation operation, FaultKind fault, Emulator emulator) {
    FaultSuite.check(emulator, operation, fault);
  }

  private static Ec2Client ec2(OpsContext direct) {
    return direct.client(Ec2Client.class, Ec2Client::builder);
  }

  private static void volume(OpsContext direct, @org.jspecify.annotations.Nullable String mark) {
    var tags = new java.util.ArrayList<Tag>();
    tags.add(Tag.builder().key("Name").value("fi-orphan").build());
    if (mark != null) {
      tags.add(Tag.builder().key(Cleanup.MARK_TAG).value(mark).build());
    }
    ec2(direct).createVolume(r -> r.size(10).volumeType("gp3").availabilityZone("us-east-1a")
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(tags).build()));
  }

  private static List<String> marked(OpsContext direct) {
    return ec2(direct).describeVolumes(r -> r.filters(Filter.builder().name("tag-key").values(Cleanup.MARK_TAG).build()))
        .volumes().stream().map(v -> v.volumeId()).toList();
  }

  private static void nodeGroup(OpsContext direct) {
    EksClient eks = direct.client(EksClient.class, EksClient::builder);
    eks.createCluster(r -> r.name("prod-cluster").roleArn("arn:aws:iam::123456789012:role/eks-cluster")
        .resourcesVpcConfig(v -> v.subnetIds("subnet-1")));
    eks.createNodegroup(r -> r.clusterName("prod-cluster").nodegroupName("spot-nodes")
        .nodeRole("arn:aws:iam::123456789012:role/node-group").subnets("subnet-1").capacityType(CapacityTypes.SPOT)
        .instanceTypes("m5.large", "m5.xlarge", "m4.large", "m4.xlarge")
        .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(5)));
  }
}
