package dev.opskit.monitoring.logs;

import java.util.List;

/** The guide's log groups ("Centralized Logging"). */
public final class LogGroupPresets {
  private LogGroupPresets() {}

  /**
   * {@code /aws/ecs/api-service} and {@code /aws/lambda/data-processor}, each kept 30 days.
   *
   * @return the two definitions
   */
  public static List<LogGroupDefinition> guide() {
    return List.of(LogGroupDefinition.of("/aws/ecs/api-service", 30),
        LogGroupDefinition.of("/aws/lambda/data-processor", 30));
  }
}
