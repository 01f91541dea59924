package dev.opskit.monitoring.scaling;

import java.util.Objects;

/**
 * The status of a scaling activity: AWS's documented codes as constants; any other text AWS sends is kept as
 * sent ({@link #of} never throws).
 *
 * @param value the status code as AWS sends it
 */
public record ActivityStatus(String value) {
  /** {@code Pending}. */
  public static final ActivityStatus PENDING = new ActivityStatus("Pending");
  /** {@code InProgress}. */
  public static final ActivityStatus IN_PROGRESS = new ActivityStatus("InProgress");
  /** {@code Successful}. */
  public static final ActivityStatus SUCCESSFUL = new ActivityStatus("Successful");
  /** {@code Overridden}. */
  public static final ActivityStatus OVERRIDDEN = new ActivityStatus("Overridden");
  /** {@code Unfulfilled}. */
  public static final ActivityStatus UNFULFILLED = new ActivityStatus("Unfulfilled");
  /** {@code Failed}. */
  public static final ActivityStatus FAILED = new ActivityStatus("Failed");

  /**
   * Keeps the value.
   *
   * @param value the status code as AWS sends it
   */
  public ActivityStatus {
    value = Objects.requireNonNullElse(value, "");
  }

  /**
   * The status of a code.
   *
   * @param value the code; unknown ones are kept
   * @return the status
   */
  public static ActivityStatus of(String value) {
    return new ActivityStatus(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
