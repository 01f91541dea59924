package dev.opskit.cost.waste.internal;

import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/** EBS volumes: waste when {@code available} (attached to nothing). */
final class VolumeScan implements KindScan {
  private final Ec2Client ec2;

  VolumeScan(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  @Override
  public WasteKind kind() {
    return WasteKind.UNATTACHED_VOLUME;
  }

  @Override
  public List<Scanned> scan(WasteCriteria criteria, Estimator estimator) {
    try (var volumes = Reads.stream("ec2:DescribeVolumes", null,
        () -> ec2.describeVolumesPaginator(DescribeVolumesRequest.builder().build()).volumes().stream())) {
      return volumes.map(v -> scanned(v, estimator)).toList();
    }
  }

  private static Scanned scanned(Volume v, Estimator estimator) {
    Map<String, String> tags = Ec2Tags.map(v.tags());
    if (v.state() != VolumeState.AVAILABLE) {
      return new Scanned(v.volumeId(), tags, null);
    }
    String type = v.volumeTypeAsString() == null ? "standard" : v.volumeTypeAsString();
    int size = v.size() == null ? 0 : v.size();
    return new Scanned(v.volumeId(), tags, new Finding(WasteKind.UNATTACHED_VOLUME, v.volumeId(),
        "available (attached to nothing): " + size + " GiB " + type + (v.createTime() == null ? "" : ", created "
            + v.createTime()),
        estimator.estimate(PriceKey.ebsVolume(type), BigDecimal.valueOf(size), "GB " + type), tags));
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
    DeleteVolumeRequest request = DeleteVolumeRequest.builder().volumeId(id).build();
    return List.of(Change.of("ec2:DeleteVolume", id, request, ec2::deleteVolume).ifAlreadyGone().build());
  }
}
