package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.value.DbInstanceId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An RDS DB instance as the backup operations see it (for example the one a restore made).
 *
 * @param id the DB instance identifier
 * @param status AWS's status ({@link DbInstanceStatus#CREATING}, {@link DbInstanceStatus#AVAILABLE}...)
 * @param engine the engine, such as {@code postgres}; null when unknown
 * @param instanceClass the class, such as {@code db.t3.micro}; null when unknown
 * @param allocatedStorageGiB the allocated storage in GiB (0 when unknown)
 * @param endpointAddress the host name clients connect to; null until AWS has one
 * @param port the port; 0 until AWS has one
 * @param tags the instance's tags
 */
public record DatabaseInstance(
    DbInstanceId id,
    DbInstanceStatus status,
    @Nullable String engine,
    @Nullable String instanceClass,
    int allocatedStorageGiB,
    @Nullable String endpointAddress,
    int port,
    Map<String, String> tags) {

  /**
   * Validates and copies the tags (sorted by key).
   *
   * @param id the DB instance identifier
   * @param status AWS's status ({@link DbInstanceStatus#CREATING}, {@link DbInstanceStatus#AVAILABLE}...)
   * @param engine the engine, such as {@code postgres}; null when unknown
   * @param instanceClass the class, such as {@code db.t3.micro}; null when unknown
   * @param allocatedStorageGiB the allocated storage in GiB (0 when unknown)
   * @param endpointAddress the host name clients connect to; null until AWS has one
   * @param port the port; 0 until AWS has one
   * @param tags the instance's tags
   */
  public DatabaseInstance {
    Checks.present("id", id, "a value (required)");
    Checks.present("status", status, "a value (required)");
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(Checks.map("tags", tags, "the instance's tags")));
  }

  /** {@return whether the instance is {@code available}} */
  public boolean isAvailable() {
    return status.equals(DbInstanceStatus.AVAILABLE);
  }

  /** {@return {@code host:port}, or empty while AWS has no endpoint} */
  public Optional<String> endpoint() {
    return endpointAddress == null ? Optional.empty() : Optional.of(endpointAddress + ":" + port);
  }
}
