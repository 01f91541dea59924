package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A live alarm: its state, why, since when, and what it is.
 *
 * @param name the alarm name
 * @param arn the alarm ARN, or null when AWS did not say
 * @param composite whether it is a composite alarm
 * @param state its state (an {@linkplain AlarmState#isUnknown() unknown} one keeps AWS's value)
 * @param stateReason AWS's explanation of the state, or null
 * @param stateUpdated when the state last changed, or null
 * @param actionsEnabled whether its actions are enabled
 * @param liveDefinition the live alarm as a definition (without tags), or null when it cannot be one
 */
public record AlarmStatus(
    AlarmName name, @Nullable String arn, boolean composite, AlarmState state, @Nullable String stateReason,
    @Nullable Instant stateUpdated, boolean actionsEnabled, @Nullable AlarmSpec liveDefinition) {

  /**
   * Validates.
   *
   * @param name the alarm name
   * @param arn the alarm ARN, or null when AWS did not say
   * @param composite whether it is a composite alarm
   * @param state its state (an {@linkplain AlarmState#isUnknown() unknown} one keeps AWS's value)
   * @param stateReason AWS's explanation of the state, or null
   * @param stateUpdated when the state last changed, or null
   * @param actionsEnabled whether its actions are enabled
   * @param liveDefinition the live alarm as a definition (without tags), or null when it cannot be one
   */
  public AlarmStatus {
    Checks.present("name", name, "a value (required)");
    Checks.present("state", state, "a value (required)");
  }

  /** {@return the live alarm as a definition (without tags), when it can be expressed as one} */
  public Optional<AlarmSpec> definition() {
    return Optional.ofNullable(liveDefinition);
  }

  /** {@code HighCPUUtilization: ALARM (Threshold Crossed: ...)}, for people. */
  @Override
  public String toString() {
    return name + ": " + state + (stateReason == null ? "" : " (" + stateReason + ")");
  }
}
