package dev.opskit.monitoring.performance;

import dev.opskit.core.value.Checks;
import dev.opskit.core.value.DbInstanceId;

/**
 * Performance Insights enabled on an instance with a retention: the desired state of the guide's
 * {@code aws rds modify-db-instance --enable-performance-insights --performance-insights-retention-period 7}.
 *
 * @param instance the DB instance, by name
 * @param retention how long PI keeps data
 */
public record PiSettings(DbInstanceId instance, PiRetention retention) {

  /**
   * Validates.
   *
   * @param instance the DB instance, by name
   * @param retention how long PI keeps data
   */
  public PiSettings {
    Checks.present("instance", instance, "a DB instance identifier, such as prod-database");
    Checks.present("retention", retention, "a PiRetention, such as PiRetention.FREE_TIER");
  }

  /**
   * PI enabled on an instance.
   *
   * @param instance such as {@code prod-database}
   * @param retention the retention
   * @return the settings
   */
  public static PiSettings enabled(String instance, PiRetention retention) {
    return new PiSettings(DbInstanceId.of(instance), retention);
  }
}
