package dev.opskit.monitoring.alarm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What kind of entry of an alarm's history (DescribeAlarmHistory {@code HistoryItemType}), an open set: the
 * documented kinds, and any other value AWS may answer with later kept as it was sent
 * ({@link #isUnknown()}). {@link #of(String)} never throws. Equal when the values are equal; the documented
 * kinds are single instances.
 */
public final class AlarmHistoryType {
  /** {@code ConfigurationUpdate}: the alarm was created, updated or deleted. */
  public static final AlarmHistoryType CONFIGURATION_UPDATE = new AlarmHistoryType("ConfigurationUpdate");
  /** {@code StateUpdate}: the alarm changed state (a drill's SetAlarmState included). */
  public static final AlarmHistoryType STATE_UPDATE = new AlarmHistoryType("StateUpdate");
  /** {@code Action}: an action of the alarm ran (or failed to). */
  public static final AlarmHistoryType ACTION = new AlarmHistoryType("Action");
  /** {@code AlarmContributorStateUpdate}: a contributor of a multi-time-series alarm changed state. */
  public static final AlarmHistoryType ALARM_CONTRIBUTOR_STATE_UPDATE =
      new AlarmHistoryType("AlarmContributorStateUpdate");
  /** {@code AlarmContributorAction}: an action ran for a contributor of a multi-time-series alarm. */
  public static final AlarmHistoryType ALARM_CONTRIBUTOR_ACTION = new AlarmHistoryType("AlarmContributorAction");

  private static final List<AlarmHistoryType> KNOWN = List.of(CONFIGURATION_UPDATE, STATE_UPDATE, ACTION,
      ALARM_CONTRIBUTOR_STATE_UPDATE, ALARM_CONTRIBUTOR_ACTION);

  private final String value;

  private AlarmHistoryType(String value) {
    this.value = value;
  }

  /**
   * The kind of AWS's value; never throws.
   *
   * @param value such as {@code StateUpdate}; null when AWS sent none
   * @return the documented kind, or an unknown one keeping {@code value} (empty for null)
   */
  public static AlarmHistoryType of(@Nullable String value) {
    for (AlarmHistoryType t : KNOWN) {
      if (t.value.equals(value)) {
        return t;
      }
    }
    return new AlarmHistoryType(value == null ? "" : value);
  }

  /** {@return the documented kinds} */
  public static List<AlarmHistoryType> values() {
    return KNOWN;
  }

  /** {@return AWS's value, such as {@code StateUpdate}, or the unknown value as AWS sent it} */
  public String value() {
    return value;
  }

  /** {@return whether AWS answered with a kind it does not document (yet)} */
  public boolean isUnknown() {
    return !KNOWN.contains(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmHistoryType other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** AWS's value, such as {@code StateUpdate}; {@code unknown kind 'X'} for an undocumented one. */
  @Override
  public String toString() {
    return isUnknown() ? "unknown kind '" + value + "'" : value;
  }
}
