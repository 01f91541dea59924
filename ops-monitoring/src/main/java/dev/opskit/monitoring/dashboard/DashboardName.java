package dev.opskit.monitoring.dashboard;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;

/**
 * A CloudWatch dashboard name: 1 to 255 letters, digits, hyphens and underscores (CloudWatch's rule).
 *
 * @param value the dashboard name
 */
public record DashboardName(String value) {
  private static final String FIELD = "dashboardName";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  /**
   * Validates the name; throws {@link dev.opskit.core.ValidationException}.
   *
   * @param value the dashboard name
   */
  public DashboardName {
    Checks.length(FIELD, value, 1, 255);
    Checks.matches(NAME, FIELD, value,
        "1 to 255 letters, digits, hyphens and underscores (CloudWatch's rule for dashboard names)");
  }

  /**
   * Validates a dashboard name.
   *
   * @param value the name, such as {@code infrastructure-overview}
   * @return the dashboard name
   * @throws dev.opskit.core.ValidationException when {@code value} breaks the rule
   */
  public static DashboardName of(String value) {
    return new DashboardName(value);
  }

  /** Returns the dashboard name. */
  @Override
  public String toString() {
    return value;
  }
}
