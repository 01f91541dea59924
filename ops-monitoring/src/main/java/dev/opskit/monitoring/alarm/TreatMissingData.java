package dev.opskit.monitoring.alarm;

import dev.opskit.core.ValidationException;

/** How an alarm treats missing data points (PutMetricAlarm {@code TreatMissingData}). */
public enum TreatMissingData {
  /** {@code breaching}: missing data counts as breaching the threshold. */
  BREACHING("breaching"),
  /** {@code notBreaching}: missing data counts as within the threshold. */
  NOT_BREACHING("notBreaching"),
  /** {@code ignore}: the alarm keeps its current state. */
  IGNORE("ignore"),
  /** {@code missing}: AWS's default; the alarm looks further back for data points. */
  MISSING("missing");

  private final String value;

  TreatMissingData(String value) {
    this.value = value;
  }

  /** {@return the value AWS uses, such as {@code notBreaching}} */
  public String value() {
    return value;
  }

  /**
   * Parses AWS's value.
   *
   * @param value {@code breaching}, {@code notBreaching}, {@code ignore} or {@code missing}
   * @return the constant
   * @throws ValidationException for any other value
   */
  public static TreatMissingData of(String value) {
    for (TreatMissingData t : values()) {
      if (t.value.equals(value)) {
        return t;
      }
    }
    throw ValidationException.of("TreatMissingData", value, "breaching, notBreaching, ignore or missing");
  }

  @Override
  public String toString() {
    return value;
  }
}
