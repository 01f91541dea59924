package dev.opskit.backup;

import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * A backup index a rule makes with each backup (AWS's {@code IndexAction}); a rule has at most one.
 *
 * @param resourceTypes the resource types indexed ({@code ResourceTypes}), such as {@code EBS} or {@code S3}
 */
public record BackupIndexAction(List<String> resourceTypes) {
  /**
   * Validates and copies.
   *
   * @param resourceTypes the resource types indexed ({@code ResourceTypes}), such as {@code EBS} or {@code S3}
   */
  public BackupIndexAction {
    resourceTypes = Checks.list("IndexActions.ResourceTypes", resourceTypes, "resource types, such as EBS or S3");
    Checks.require(!resourceTypes.isEmpty(), "IndexActions.ResourceTypes", resourceTypes, "at least one resource type, such as EBS");
    resourceTypes.forEach(t -> Checks.length("IndexActions.ResourceTypes", t, 1, 50));
  }

  /**
   * An index of one resource type.
   *
   * @param resourceType such as {@code EBS}
   * @return the index action
   */
  public static BackupIndexAction of(String resourceType) {
    return new BackupIndexAction(Checks.elements("IndexActions.ResourceTypes", "a resource type, such as EBS", resourceType));
  }
}
