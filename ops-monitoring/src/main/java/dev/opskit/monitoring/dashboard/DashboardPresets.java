package dev.opskit.monitoring.dashboard;

import dev.opskit.monitoring.internal.Resources;

/** Ready-made dashboards from the guide. */
public final class DashboardPresets {
  /** The name the guide's core-metrics dashboard gets (CloudWatch names allow no spaces). */
  public static final String CORE_METRICS_NAME = "infrastructure-overview";

  private DashboardPresets() {}

  /**
   * The guide's "Core Metrics Dashboard": EC2 and RDS CPU, ALB requests, Lambda duration and EKS node count,
   * averaged over 5 minutes in us-east-1, read from the guide's JSON block as it is.
   *
   * @return the dashboard, named {@value #CORE_METRICS_NAME}
   */
  public static DashboardDefinition coreMetrics() {
    return DashboardDefinition.fromBodyJson(CORE_METRICS_NAME,
        Resources.text("/dev/opskit/monitoring/dashboard/core-metrics-dashboard.json"));
  }
}
