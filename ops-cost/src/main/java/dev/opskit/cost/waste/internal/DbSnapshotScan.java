package dev.opskit.cost.waste.internal;

import dev.opskit.core.Reads;
import dev.opskit.core.change.Change;
import dev.opskit.cost.waste.Finding;
import dev.opskit.cost.waste.PriceKey;
import dev.opskit.cost.waste.WasteCriteria;
import dev.opskit.cost.waste.WasteKind;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DeleteDbSnapshotRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * Manual RDS DB snapshots (not Aurora cluster snapshots): waste when the DB instance they were taken of no longer
 * exists. Identified by their ARN, which RDS's tagging calls take.
 */
final class DbSnapshotScan implements KindScan {
  private final RdsClient rds;

  DbSnapshotScan(RdsClient rds) {
    this.rds = rds;
  }

  @Override
  public WasteKind kind() {
    return WasteKind.ORPHANED_DB_SNAPSHOT;
  }

  @Override
  public List<Scanned> scan(WasteCriteria criteria, Estimator estimator) {
    Set<String> instances;
    try (var all = Reads.stream("rds:DescribeDBInstances", null, () -> rds.describeDBInstancesPaginator(
        DescribeDbInstancesRequest.builder().build()).dbInstances().stream())) {
      instances = all.map(DBInstance::dbInstanceIdentifier).collect(Collectors.toSet());
    }
    try (var snapshots = Reads.stream("rds:DescribeDBSnapshots", null, () -> rds.describeDBSnapshotsPaginator(
        DescribeDbSnapshotsRequest.builder().snapshotType("manual").build()).dbSnapshots().stream())) {
      return snapshots.map(s -> scanned(s, instances, estimator)).toList();
    }
  }

  private static Scanned scanned(DBSnapshot s, Set<String> instances, Estimator estimator) {
    Map<String, String> tags = new HashMap<>();
    s.tagList().forEach(t -> tags.put(t.key(), t.value()));
    if (instances.contains(s.dbInstanceIdentifier())) {
      return new Scanned(s.dbSnapshotArn(), tags, null);
    }
    int size = s.allocatedStorage() == null ? 0 : s.allocatedStorage();
    return new Scanned(s.dbSnapshotArn(), tags, new Finding(WasteKind.ORPHANED_DB_SNAPSHOT, s.dbSnapshotArn(),
        "manual snapshot " + s.dbSnapshotIdentifier() + " of DB instance " + s.dbInstanceIdentifier()
            + ", which no longer exists: " + size + " GiB",
        estimator.estimate(PriceKey.dbSnapshot(), BigDecimal.valueOf(size), "GB (allocated storage, an upper bound)"),
        tags));
  }

  @Override
  public Change<?> tag(String id, String key, String value) {
    AddTagsToResourceRequest request = AddTagsToResourceRequest.builder().resourceName(id)
        .tags(Tag.builder().key(key).value(value).build()).build();
    return Change.of("rds:AddTagsToResource", id, request, rds::addTagsToResource).build();
  }

  @Override
  public Change<?> untag(String id, String key, String value) {
    RemoveTagsFromResourceRequest request = RemoveTagsFromResourceRequest.builder().resourceName(id).tagKeys(key).build();
    return Change.of("rds:RemoveTagsFromResource", id, request, rds::removeTagsFromResource).build();
  }

  @Override
  public List<Change<?>> remove(String id, String markValue) {
    int at = id.lastIndexOf(":snapshot:");
    String identifier = at < 0 ? id : id.substring(at + ":snapshot:".length());
    DeleteDbSnapshotRequest request = DeleteDbSnapshotRequest.builder().dbSnapshotIdentifier(identifier).build();
    return List.of(Change.of("rds:DeleteDBSnapshot", identifier, request, rds::deleteDBSnapshot).ifAlreadyGone().build());
  }
}
