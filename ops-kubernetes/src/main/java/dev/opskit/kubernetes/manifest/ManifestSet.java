package dev.opskit.kubernetes.manifest;

import dev.opskit.core.value.Checks;
import java.util.List;

/**
 * The objects of a set of manifest files, in the order they were read (files by name, documents in order, a
 * {@code List}'s items in order), or of a backup.
 *
 * @param manifests the objects
 */
public record ManifestSet(List<Manifest> manifests) {
  /**
   * Copies.
   *
   * @param manifests the objects
   * @throws dev.opskit.core.ValidationException when null
   */
  public ManifestSet {
    manifests = List.copyOf(Checks.present("manifests", manifests, "a list of manifests"));
  }

  /** {@return how many objects} */
  public int size() {
    return manifests.size();
  }

  @Override
  public String toString() {
    return manifests.size() + " manifests: " + manifests.stream().map(Manifest::id).toList();
  }
}
