package dev.opskit.monitoring.performance;

import dev.opskit.core.value.Checks;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An RDS instance's {@code DbiResourceId} ({@code db-ABCDEFGHIJKLMNOPQRSTU1VW2X}), the identifier Performance
 * Insights takes. Users name the instance; {@link PerformanceInsights#resourceId} finds this for them.
 *
 * @param value the id, {@code db-} and upper-case letters and digits
 */
public record DbiResourceId(String value) {
  private static final Pattern FORM = Pattern.compile("db-[A-Z0-9]+");

  /**
   * Validates.
   *
   * @param value the id, {@code db-} and upper-case letters and digits
   */
  public DbiResourceId {
    Checks.length("DbiResourceId", value, 4, 255);
    Checks.matches(FORM, "DbiResourceId", value, "db- followed by upper-case letters and digits, such as db-ABCDEFGHIJKLMNOPQRSTU1VW2X");
  }

  /**
   * Parses an id.
   *
   * @param value such as {@code db-ABCDEFGHIJKLMNOPQRSTU1VW2X}
   * @return the id
   */
  public static DbiResourceId of(@Nullable String value) {
    return new DbiResourceId(Checks.present("DbiResourceId", value, "a DbiResourceId, such as db-ABCDEFGHIJKLMNOPQRSTU1VW2X"));
  }

  @Override
  public String toString() {
    return value;
  }
}
