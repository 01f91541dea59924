package dev.opskit.monitoring.logs;

import dev.opskit.core.value.Checks;
import dev.opskit.core.value.LogGroupName;
import dev.opskit.monitoring.internal.Inputs;
import org.jspecify.annotations.Nullable;

/**
 * A log group as it should be: its name and retention ({@code null}: never expire).
 *
 * @param name the log group name
 * @param retention the retention, or null to keep events forever
 */
public record LogGroupDefinition(LogGroupName name, @Nullable Retention retention) {

  /**
   * Validates.
   *
   * @param name the log group name
   * @param retention the retention
   */
  public LogGroupDefinition {
    Checks.present("name", name, "a log group name");
  }

  /**
   * A log group with a retention.
   *
   * @param logGroupName such as {@code /aws/ecs/api-service}
   * @param retentionInDays one of {@link Retention#ACCEPTED}
   * @return the definition
   * @throws dev.opskit.core.ValidationException for a malformed name or a retention CloudWatch Logs does not accept
   */
  public static LogGroupDefinition of(String logGroupName, int retentionInDays) {
    return new LogGroupDefinition(Inputs.named("logGroupName", logGroupName, LogGroupName::of),
        Retention.days(retentionInDays));
  }

  /**
   * A log group whose events never expire.
   *
   * @param logGroupName the name
   * @return the definition
   * @throws dev.opskit.core.ValidationException for a malformed name
   */
  public static LogGroupDefinition neverExpiring(String logGroupName) {
    return new LogGroupDefinition(Inputs.named("logGroupName", logGroupName, LogGroupName::of), null);
  }
}
