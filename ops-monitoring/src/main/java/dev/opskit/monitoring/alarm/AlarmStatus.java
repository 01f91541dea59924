package dev.opskit.monitoring.alarm;

import dev.opskit.core.value.AlarmName;
import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A live alarm: its state, why, since when, and what it is.
 *
 * <p>Reading a state is the common case (a drill, a status page, "which alarms are in ALARM"), so the live
 * alarm's typed definition is made only when it is first asked for ({@link #definition()}), from what AWS
 * answered, and then kept. Equal when every part is equal, the definition included, like a record's
 * components.
 */
public final class AlarmStatus {
  private final AlarmName name;
  private final @Nullable String arn;
  private final boolean composite;
  private final AlarmState state;
  private final @Nullable String stateReason;
  private final @Nullable Instant stateUpdated;
  private final boolean actionsEnabled;
  /** Makes the definition; null once it has been made. Guarded by {@code this}. */
  private @Nullable Supplier<? extends @Nullable AlarmSpec> pending;
  /** The definition, once made. Guarded by {@code this}. */
  private @Nullable AlarmSpec liveDefinition;

  /**
   * A status with its definition made already.
   *
   * @param name the alarm name
   * @param arn the alarm ARN, or null when AWS did not say
   * @param composite whether it is a composite alarm
   * @param state its state (an {@linkplain AlarmState#isUnknown() unknown} one keeps AWS's value)
   * @param stateReason AWS's explanation of the state, or null
   * @param stateUpdated when the state last changed, or null
   * @param actionsEnabled whether its actions are enabled
   * @param liveDefinition the live alarm as a definition (without tags), or null when it cannot be one
   * @throws dev.opskit.core.ValidationException when the name or the state is null
   */
  public AlarmStatus(AlarmName name, @Nullable String arn, boolean composite, AlarmState state,
      @Nullable String stateReason, @Nullable Instant stateUpdated, boolean actionsEnabled,
      @Nullable AlarmSpec liveDefinition) {
    this(name, arn, composite, state, stateReason, stateUpdated, actionsEnabled, null, liveDefinition);
  }

  private AlarmStatus(AlarmName name, @Nullable String arn, boolean composite, AlarmState state,
      @Nullable String stateReason, @Nullable Instant stateUpdated, boolean actionsEnabled,
      @Nullable Supplier<? extends @Nullable AlarmSpec> pending, @Nullable AlarmSpec liveDefinition) {
    this.name = Checks.present("name", name, "a value (required)");
    this.arn = arn;
    this.composite = composite;
    this.state = Checks.present("state", state, "a value (required)");
    this.stateReason = stateReason;
    this.stateUpdated = stateUpdated;
    this.actionsEnabled = actionsEnabled;
    this.pending = pending;
    this.liveDefinition = liveDefinition;
  }

  /**
   * A status whose definition is made when it is first asked for, once, whichever thread asks first; for
   * implementations of {@link Alarms} that read alarms from AWS (or a fake of it).
   *
   * @param name the alarm name
   * @param arn the alarm ARN, or null when AWS did not say
   * @param composite whether it is a composite alarm
   * @param state its state (an {@linkplain AlarmState#isUnknown() unknown} one keeps AWS's value)
   * @param stateReason AWS's explanation of the state, or null
   * @param stateUpdated when the state last changed, or null
   * @param actionsEnabled whether its actions are enabled
   * @param liveDefinition makes the live alarm as a definition (without tags), or null when it cannot be one;
   *     when it throws, the exception reaches the caller of {@link #definition()} and the next call tries again
   * @return the status
   * @throws dev.opskit.core.ValidationException when the name, the state or the supplier is null
   */
  public static AlarmStatus deferred(AlarmName name, @Nullable String arn, boolean composite, AlarmState state,
      @Nullable String stateReason, @Nullable Instant stateUpdated, boolean actionsEnabled,
      Supplier<? extends @Nullable AlarmSpec> liveDefinition) {
    Checks.present("liveDefinition", liveDefinition, "a supplier of the definition");
    return new AlarmStatus(name, arn, composite, state, stateReason, stateUpdated, actionsEnabled, liveDefinition,
        null);
  }

  /** {@return the alarm name} */
  public AlarmName name() {
    return name;
  }

  /** {@return the alarm ARN, or null when AWS did not say} */
  public @Nullable String arn() {
    return arn;
  }

  /** {@return whether it is a composite alarm} */
  public boolean composite() {
    return composite;
  }

  /** {@return its state (an {@linkplain AlarmState#isUnknown() unknown} one keeps AWS's value)} */
  public AlarmState state() {
    return state;
  }

  /** {@return AWS's explanation of the state, or null} */
  public @Nullable String stateReason() {
    return stateReason;
  }

  /** {@return when the state last changed, or null} */
  public @Nullable Instant stateUpdated() {
    return stateUpdated;
  }

  /** {@return whether its actions are enabled} */
  public boolean actionsEnabled() {
    return actionsEnabled;
  }

  /** {@return the live alarm as a definition (without tags), or null when it cannot be one} */
  public synchronized @Nullable AlarmSpec liveDefinition() {
    Supplier<? extends @Nullable AlarmSpec> make = pending;
    if (make != null) {
      liveDefinition = make.get();
      pending = null;
    }
    return liveDefinition;
  }

  /** {@return the live alarm as a definition (without tags), when it can be expressed as one} */
  public Optional<AlarmSpec> definition() {
    return Optional.ofNullable(liveDefinition());
  }

  /** Equal when the name, ARN, kind, state, reason, time, actions flag and definition are equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AlarmStatus s && name.equals(s.name) && Objects.equals(arn, s.arn)
        && composite == s.composite && state.equals(s.state) && Objects.equals(stateReason, s.stateReason)
        && Objects.equals(stateUpdated, s.stateUpdated) && actionsEnabled == s.actionsEnabled
        && Objects.equals(liveDefinition(), s.liveDefinition());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, arn, composite, state, stateReason, stateUpdated, actionsEnabled, liveDefinition());
  }

  /** {@code HighCPUUtilization: ALARM (Threshold Crossed: ...)}, for people. */
  @Override
  public String toString() {
    return name + ": " + state + (stateReason == null ? "" : " (" + stateReason + ")");
  }
}
