package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An RDS DB instance as the backup operations see it (for example the one a restore made).
 *
 * @param id the DB instance identifier
 * @param status AWS's status ({@code creating}, {@code available}...), or {@value DbSnapshot#PLANNED} in a dry run
 * @param engine the engine, such as {@code postgres}; null when unknown
 * @param instanceClass the class, such as {@code db.t3.micro}; null when unknown
 * @param allocatedStorageGiB the allocated storage in GiB (0 when unknown)
 * @param endpointAddress the host name clients connect to; null until AWS has one
 * @param port the port; 0 until AWS has one
 * @param tags the instance's tags
 */
public record DatabaseInstance(
    String id,
    String status,
    @Nullable String engine,
    @Nullable String instanceClass,
    int allocatedStorageGiB,
    @Nullable String endpointAddress,
    int port,
    Map<String, String> tags) {

  /** Validates and copies the tags (sorted by key). */
  public DatabaseInstance {
    Checks.present("id", id, "a value (required)");
    Checks.present("status", status, "a value (required)");
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** Whether the instance is {@code available}. */
  public boolean isAvailable() {
    return "available".equals(status);
  }

  /** Whether this is only the plan of a dry run. */
  public boolean isPlanned() {
    return DbSnapshot.PLANNED.equals(status);
  }

  /** {@code host:port}, or null when AWS has no endpoint yet. */
  public @Nullable String endpoint() {
    return endpointAddress == null ? null : endpointAddress + ":" + port;
  }
}
