package dev.opskit.backup.internal;

import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.DbInstanceStatus;
import dev.opskit.backup.DbSnapshot;
import dev.opskit.backup.DbSnapshotStatus;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.DbInstanceId;
import dev.opskit.core.value.Tags;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

/** Turns RDS SDK shapes into OpsKit values and back. */
final class RdsModel {
  private RdsModel() {}

  static DbSnapshot snapshot(DBSnapshot s) {
    return new DbSnapshot(s.dbSnapshotIdentifier(), DbInstanceId.of(s.dbInstanceIdentifier()),
        DbSnapshot.Type.fromAws(s.snapshotType()), DbSnapshotStatus.of(s.status()), s.snapshotCreateTime(), s.engine(),
        s.allocatedStorage() == null ? 0 : s.allocatedStorage(), tags(s.tagList()));
  }

  static DatabaseInstance instance(DBInstance i) {
    return new DatabaseInstance(DbInstanceId.of(i.dbInstanceIdentifier()), DbInstanceStatus.of(i.dbInstanceStatus()),
        i.engine(), i.dbInstanceClass(), i.allocatedStorage() == null ? 0 : i.allocatedStorage(),
        i.endpoint() == null ? null : i.endpoint().address(),
        i.endpoint() == null || i.endpoint().port() == null ? 0 : i.endpoint().port(), tags(i.tagList()));
  }

  static Map<String, String> tags(Collection<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value() == null ? "" : t.value()));
    return map;
  }

  static List<Tag> sdkTags(Tags tags) {
    return tags.asMap().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  /**
   * The live tags of a resource that a new resource made from it may carry: all but those the one tag rule
   * ({@link Tags}) refuses on a new resource, which are AWS's own ({@code aws:...}, any case).
   */
  static Tags copiable(Collection<Tag> live) {
    Map<String, String> kept = new LinkedHashMap<>();
    tags(live).forEach((key, value) -> {
      try {
        Tags.checkKey(key);
        kept.put(key, value);
      } catch (ValidationException e) {
        // AWS's own tag (aws:...): AWS sets it, a caller may not.
      }
    });
    return Tags.of("tags", kept);
  }

  /**
   * The tags OpsKit puts on what it creates from an RDS resource, one rule everywhere: the source's copiable
   * tags, then the context's default tags, then the caller's, then OpsKit's own (later ones win on a key),
   * checked as a whole (at most 50).
   */
  static Tags created(Collection<Tag> source, Map<String, String> defaults, Map<String, String> callers,
      Map<String, String> opskit) {
    return copiable(source).and(Tags.of("defaultTags", defaults)).and(callers).and(opskit);
  }
}
