package dev.opskit.monitoring.alarm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of a CloudWatch alarm, an open set: {@link #OK}, {@link #ALARM} and {@link #INSUFFICIENT_DATA} as
 * AWS documents them, and any other value AWS may answer with later kept as it was sent
 * ({@link #isUnknown()}), the way the SDK's {@code UNKNOWN_TO_SDK_VERSION} keeps an unknown value readable.
 * {@link #of(String)} never throws. Equal when the values are equal; the documented states are single
 * instances, so {@code ==} works for them too.
 *
 * <pre>{@code
 * if (alarms.get("HighCPUUtilization").orElseThrow().state() == AlarmState.ALARM) { ... }
 * }</pre>
 */
public final class AlarmState {
  /** {@code OK}: the metric is within the threshold. */
  public static final AlarmState OK = new AlarmState("OK");
  /** {@code ALARM}: the metric breached the threshold. */
  public static final AlarmState ALARM = new AlarmState("ALARM");
  /** {@code INSUFFICIENT_DATA}: not enough data to decide (the state of a new alarm). */
  public static final AlarmState INSUFFICIENT_DATA = new AlarmState("INSUFFICIENT_DATA");

  private static final List<AlarmState> KNOWN = List.of(OK, ALARM, INSUFFICIENT_DATA);

  private final String value;

  private AlarmState(String value) {
    this.value = value;
  }

  /**
   * The state of AWS's value; never throws.
   *
   * @param value such as {@code ALARM}; null when AWS sent none
   * @return the documented state, or an unknown one keeping {@code value} (empty for null)
   */
  public static AlarmState of(@Nullable String value) {
    for (AlarmState s : KNOWN) {
      if (s.value.equals(value)) {
        return s;
      }
    }
    return new AlarmState(value == null ? "" : value);
  }

  /** {@return the documented states: {@code OK}, {@code ALARM}, {@code INSUFFICIENT_DATA}} */
  public static List<AlarmState> values() {
    return KNOWN;
  }

  /** {@return AWS's value, such as {@code INSUFFICIENT_DATA}, or the unknown value as AWS sent it} */
  public String value() {
    return value;
  }

  /** {@return whether AWS answered with a state it does not document (yet)} */
  public boolean isUnknown() {
    return !KNOWN.contains(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmState other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** AWS's value, such as {@code ALARM}; {@code unknown state 'X'} for an undocumented one. */
  @Override
  public String toString() {
    return isUnknown() ? "unknown state '" + value + "'" : value;
  }
}
