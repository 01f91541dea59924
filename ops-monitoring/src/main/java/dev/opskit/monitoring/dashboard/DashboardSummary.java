package dev.opskit.monitoring.dashboard;

import dev.opskit.core.value.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A live dashboard as ListDashboards describes it.
 *
 * @param name the name
 * @param arn the ARN, or null when AWS did not say
 * @param lastModified when it last changed, or null
 * @param size the body size in bytes, or null
 */
public record DashboardSummary(DashboardName name, @Nullable String arn, @Nullable Instant lastModified, @Nullable Long size) {
  /**
   * Validates.
   *
   * @param name the name
   * @param arn the ARN, or null when AWS did not say
   * @param lastModified when it last changed, or null
   * @param size the body size in bytes, or null
   */
  public DashboardSummary {
    Checks.present("name", name, "a value (required)");
  }
}
