package dev.opskit.cost.waste;

import dev.opskit.core.OpsContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * A moto estate with exactly one resource of each kind of waste next to one in use of each kind: the busy
 * instance (high CPU, the healthy target of the busy load balancer, holding the associated address and the
 * attached volume), an AMI of it (its snapshot is used), a DB instance with a snapshot.
 */
final class WasteEstate {
  /** The test's prices: gp2 0.10/GB-month, snapshot 0.05/GB-month, EIP 0.005/h, ALB 0.0225/h, t3.micro 0.0104/h, RDS snapshot 0.095/GB-month. */
  static final PriceTable PRICES = PriceTable.builder()
      .price(PriceKey.ebsVolume("gp2"), "0.10")
      .price(PriceKey.ebsSnapshot(), "0.05")
      .price(PriceKey.elasticIp(), "0.005")
      .price(PriceKey.loadBalancer("application"), "0.0225")
      .price(PriceKey.instance("t3.micro"), "0.0104")
      .price(PriceKey.dbSnapshot(), "0.095")
      .build();

  String unattachedVolume = "";
  String attachedVolume = "";
  String freeAddress = "";
  String usedAddress = "";
  String idleLoadBalancer = "";
  String busyLoadBalancer = "";
  String oldSnapshot = "";
  String amiSnapshot = "";
  String orphanDbSnapshotArn = "";
  String liveDbSnapshotArn = "";
  String idleInstance = "";
  String busyInstance = "";

  /**
   * Builds the estate.
   *
   * @param ctx a context on the emulator
   * @param cpuAt when the CPU datapoints are (the finder's clock)
   */
  static WasteEstate build(OpsContext ctx, Instant cpuAt) {
    WasteEstate e = new WasteEstate();
    Ec2Client ec2 = ctx.client(Ec2Client.class, Ec2Client::builder);
    String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
    e.busyInstance = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1))
        .instances().get(0).instanceId();
    e.idleInstance = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1))
        .instances().get(0).instanceId();
    String zone = ec2.describeInstances(r -> r.instanceIds(e.busyInstance)).reservations().get(0).instances().get(0)
        .placement().availabilityZone();

    e.unattachedVolume = ec2.createVolume(r -> r.size(100).volumeType("gp2").availabilityZone(zone)).volumeId();
    e.attachedVolume = ec2.createVolume(r -> r.size(20).volumeType("gp2").availabilityZone(zone)).volumeId();
    ec2.attachVolume(r -> r.volumeId(e.attachedVolume).instanceId(e.busyInstance).device("/dev/sdf"));

    e.freeAddress = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
    e.usedAddress = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
    ec2.associateAddress(r -> r.allocationId(e.usedAddress).instanceId(e.busyInstance));

    String snapshotVolume = ec2.createVolume(r -> r.size(50).volumeType("gp2").availabilityZone(zone)).volumeId();
    e.oldSnapshot = ec2.createSnapshot(r -> r.volumeId(snapshotVolume)).snapshotId();
    ec2.deleteVolume(r -> r.volumeId(snapshotVolume));
    String ami = ec2.createImage(r -> r.instanceId(e.busyInstance).name("busy-image")).imageId();
    e.amiSnapshot = ec2.describeImages(r -> r.imageIds(ami)).images().get(0).blockDeviceMappings().get(0).ebs()
        .snapshotId();

    ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.class,
        ElasticLoadBalancingV2Client::builder);
    List<String> subnets = new ArrayList<>();
    for (Subnet s : ec2.describeSubnets().subnets()) {
      if (subnets.size() < 2 && subnets.stream().noneMatch(id -> id.equals(s.subnetId()))) {
        subnets.add(s.subnetId());
      }
    }
    e.busyLoadBalancer = elb.createLoadBalancer(r -> r.name("busy-alb").subnets(subnets)).loadBalancers().get(0)
        .loadBalancerArn();
    e.idleLoadBalancer = elb.createLoadBalancer(r -> r.name("idle-alb").subnets(subnets)).loadBalancers().get(0)
        .loadBalancerArn();
    String vpc = ec2.describeSubnets(r -> r.subnetIds(subnets.get(0))).subnets().get(0).vpcId();
    String group = elb.createTargetGroup(r -> r.name("busy-targets").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc))
        .targetGroups().get(0).targetGroupArn();
    elb.registerTargets(r -> r.targetGroupArn(group).targets(TargetDescription.builder().id(e.busyInstance).port(80).build()));
    elb.createListener(r -> r.loadBalancerArn(e.busyLoadBalancer).protocol(ProtocolEnum.HTTP).port(80)
        .defaultActions(Action.builder().type("forward").targetGroupArn(group).build()));

    RdsClient rds = ctx.client(RdsClient.class, RdsClient::builder);
    for (String db : List.of("live-db", "gone-db")) {
      rds.createDBInstance(r -> r.dbInstanceIdentifier(db).engine("postgres").dbInstanceClass("db.t3.micro")
          .allocatedStorage(30).masterUsername("admin").masterUserPassword("not-a-secret-1"));
    }
    e.liveDbSnapshotArn = rds.createDBSnapshot(r -> r.dbInstanceIdentifier("live-db").dbSnapshotIdentifier("live-db-manual"))
        .dbSnapshot().dbSnapshotArn();
    e.orphanDbSnapshotArn = rds.createDBSnapshot(r -> r.dbInstanceIdentifier("gone-db").dbSnapshotIdentifier("gone-db-manual"))
        .dbSnapshot().dbSnapshotArn();
    rds.deleteDBInstance(r -> r.dbInstanceIdentifier("gone-db").skipFinalSnapshot(true));

    CloudWatchClient cloudWatch = ctx.client(CloudWatchClient.class, CloudWatchClient::builder);
    cpu(cloudWatch, e.busyInstance, cpuAt, 55.0);
    cpu(cloudWatch, e.idleInstance, cpuAt, 4.5);
    return e;
  }

  /** Five daily CPU datapoints before {@code at}. */
  private static void cpu(CloudWatchClient cloudWatch, String instance, Instant at, double percent) {
    List<MetricDatum> data = new ArrayList<>();
    for (int day = 1; day <= 5; day++) {
      data.add(MetricDatum.builder().metricName("CPUUtilization").unit(StandardUnit.PERCENT).value(percent - day * 0.5)
          .timestamp(at.minus(day, ChronoUnit.DAYS)).dimensions(Dimension.builder().name("InstanceId").value(instance).build())
          .build());
    }
    cloudWatch.putMetricData(r -> r.namespace("AWS/EC2").metricData(data));
  }

  static boolean isAvailable(OpsContext ctx, String volume) {
    return ctx.client(Ec2Client.class, Ec2Client::builder).describeVolumes(r -> r.volumeIds(volume)).volumes().get(0)
        .state() == VolumeState.AVAILABLE;
  }

  static BigDecimal usd(String text) {
    return new BigDecimal(text);
  }
}
