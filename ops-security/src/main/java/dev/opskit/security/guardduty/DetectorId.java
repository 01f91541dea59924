package dev.opskit.security.guardduty;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * A GuardDuty detector id (the guide's {@code $DETECTOR_ID}).
 *
 * @param value the id: 1 to 300 letters and digits
 */
public record DetectorId(String value) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+");

  /**
   * Validates.
   *
   * @param value the id: 1 to 300 letters and digits
   */
  public DetectorId {
    Checks.length("detectorId", value, 1, 300);
    Checks.matches(ID, "detectorId", value, "a GuardDuty detector id: 1 to 300 letters and digits");
  }

  /**
   * Parses an id.
   *
   * @param value the id
   * @return the id
   * @throws dev.opskit.core.ValidationException when it is not a detector id
   */
  public static DetectorId of(String value) {
    return new DetectorId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
