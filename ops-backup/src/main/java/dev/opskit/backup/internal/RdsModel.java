package dev.opskit.backup.internal;

import dev.opskit.backup.DatabaseInstance;
import dev.opskit.backup.DbSnapshot;
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
    return new DbSnapshot(s.dbSnapshotIdentifier(), s.dbInstanceIdentifier(), DbSnapshot.Type.fromAws(s.snapshotType()),
        s.status() == null ? "unknown" : s.status(), s.snapshotCreateTime(), s.engine(),
        s.allocatedStorage() == null ? 0 : s.allocatedStorage(), tags(s.tagList()));
  }

  static DatabaseInstance instance(DBInstance i) {
    return new DatabaseInstance(i.dbInstanceIdentifier(), i.dbInstanceStatus() == null ? "unknown" : i.dbInstanceStatus(),
        i.engine(), i.dbInstanceClass(), i.allocatedStorage() == null ? 0 : i.allocatedStorage(),
        i.endpoint() == null ? null : i.endpoint().address(),
        i.endpoint() == null || i.endpoint().port() == null ? 0 : i.endpoint().port(), tags(i.tagList()));
  }

  static Map<String, String> tags(Collection<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value() == null ? "" : t.value()));
    return map;
  }

  static List<Tag> sdkTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  /** The tags OpsKit puts on what it creates from an instance: the instance's, the context's defaults, then extras. */
  @SafeVarargs
  static Map<String, String> merged(Map<String, String>... layers) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (Map<String, String> layer : layers) {
      layer.forEach((k, v) -> {
        if (!k.startsWith("aws:")) {
          merged.put(k, v);
        }
      });
    }
    return merged;
  }
}
