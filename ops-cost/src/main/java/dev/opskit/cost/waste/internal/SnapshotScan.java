package dev.opskit.cost.waste.internal;

import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * EBS snapshots of this account: waste when older than the criteria's age and named by no block device mapping of
 * any AMI of this account. The estimate prices the full volume size, an upper bound (snapshots are incremental).
 */
final class SnapshotScan implements KindScan {
  private final Ec2Client ec2;
  private final Clock clock;
  private final Supplier<String> account;

  SnapshotScan(Ec2Client ec2, Clock clock, Supplier<String> account) {
    this.ec2 = ec2;
    this.clock = clock;
    this.account = account;
  }

  @Override
  public WasteKind kind() {
    return WasteKind.OLD_SNAPSHOT;
  }

  @Override
  public List<Scanned> scan(WasteCriteria criteria, Estimator estimator) {
    Set<String> used;
    try (var images = Reads.stream("ec2:DescribeImages", null,
        () -> ec2.describeImagesPaginator(DescribeImagesRequest.builder().owners("self").build()).images().stream())) {
      used = images.flatMap(i -> i.blockDeviceMappings().stream())
          .map(BlockDeviceMapping::ebs)
          .filter(e -> e != null && e.snapshotId() != null)
          .map(e -> e.snapshotId())
          .collect(Collectors.toSet());
    }
    Instant before = clock.instant().minus(criteria.snapshotAge());
    // OwnerIds "self" is the AWS way; the owner check keeps others' snapshots out where an emulator ignores it.
    String self = account.get();
    try (var snapshots = Reads.stream("ec2:DescribeSnapshots", null, () -> ec2.describeSnapshotsPaginator(
        DescribeSnapshotsRequest.builder().ownerIds("self").build()).snapshots().stream())) {
      return snapshots.filter(s -> self.equals(s.ownerId())).map(s -> scanned(s, used, before, criteria, estimator))
          .toList();
    }
  }

  private static Scanned scanned(Snapshot s, Set<String> used, Instant before, WasteCriteria criteria,
      Estimator estimator) {
    Map<String, String> tags = Ec2Tags.map(s.tags());
    boolean old = s.startTime() != null && s.startTime().isBefore(before);
    if (!old || used.contains(s.snapshotId())) {
      return new Scanned(s.snapshotId(), tags, null);
    }
    int size = s.volumeSize() == null ? 0 : s.volumeSize();
    return new Scanned(s.snapshotId(), tags, new Finding(WasteKind.OLD_SNAPSHOT, s.snapshotId(),
        "older than " + criteria.snapshotAge().toDays() + " days (started " + s.startTime() + ") and used by no AMI: "
            + size + " GiB of volume " + s.volumeId(),
        estimator.estimate(PriceKey.ebsSnapshot(), BigDecimal.valueOf(size), "GB (volume size, an upper bound)"),
        tags));
  }

  @Override
  public Change<?> tag(String id, String key, String value) {
    return Ec2Tags.tag(ec2, id, key, value);
  }

  @Override
  public Change<?> untag(String id, String key, String value) {
    return Ec2Tags.untag(ec2, id, key, value);
  }

  @Override
  public List<Change<?>> remove(String id, String markValue) {
    DeleteSnapshotRequest request = DeleteSnapshotRequest.builder().snapshotId(id).build();
    return List.of(Change.of("ec2:DeleteSnapshot", id, request, ec2::deleteSnapshot).ifAlreadyGone().build());
  }
}
