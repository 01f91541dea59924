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
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;

/**
 * Elastic IPs (VPC allocations): waste when associated with nothing. DescribeAddresses has no pages: one call
 * answers every address.
 */
final class AddressScan implements KindScan {
  private final Ec2Client ec2;

  AddressScan(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  @Override
  public WasteKind kind() {
    return WasteKind.UNASSOCIATED_ADDRESS;
  }

  @Override
  public List<Scanned> scan(WasteCriteria criteria, Estimator estimator) {
    List<Address> addresses = Reads.read("ec2:DescribeAddresses", null,
        () -> ec2.describeAddresses(DescribeAddressesRequest.builder().build()).addresses());
    return addresses.stream().filter(a -> a.allocationId() != null).map(a -> scanned(a, estimator)).toList();
  }

  private static Scanned scanned(Address a, Estimator estimator) {
    Map<String, String> tags = Ec2Tags.map(a.tags());
    boolean used = present(a.associationId()) || present(a.instanceId()) || present(a.networkInterfaceId());
    if (used) {
      return new Scanned(a.allocationId(), tags, null);
    }
    return new Scanned(a.allocationId(), tags, new Finding(WasteKind.UNASSOCIATED_ADDRESS, a.allocationId(),
        "associated with nothing: " + a.publicIp(), estimator.estimate(PriceKey.elasticIp(), BigDecimal.ONE,
            "idle address"), tags));
  }

  /** Absent or blank (moto answers an empty string where AWS leaves the member out). */
  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
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
    ReleaseAddressRequest request = ReleaseAddressRequest.builder().allocationId(id).build();
    return List.of(Change.of("ec2:ReleaseAddress", id, request, ec2::releaseAddress).ifAlreadyGone().build());
  }
}
