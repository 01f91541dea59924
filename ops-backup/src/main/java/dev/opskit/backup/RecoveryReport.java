package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of the recovery procedure: the verified new instance and its endpoint, for the traffic
 * switch.
 *
 * @param sourceInstanceId the instance recovered
 * @param restorePoint where it was restored to
 * @param newInstance the restored instance (status {@value DbSnapshot#PLANNED} in a dry run)
 * @param checks the verification checks, all passed (empty in a dry run)
 * @param trafficSwitched whether the traffic switch hook ran
 */
public record RecoveryReport(
    String sourceInstanceId,
    RestorePoint restorePoint,
    DatabaseInstance newInstance,
    List<Check> checks,
    boolean trafficSwitched) {

  /** Validates and copies. */
  public RecoveryReport {
    Checks.present("sourceInstanceId", sourceInstanceId, "a value (required)");
    Checks.present("restorePoint", restorePoint, "a value (required)");
    Checks.present("newInstance", newInstance, "a value (required)");
    checks = List.copyOf(checks);
  }

  /** The new instance's {@code host:port}, or null in a dry run. */
  public @Nullable String endpoint() {
    return newInstance.endpoint();
  }

  /** Whether this was only planned (dry run). */
  public boolean isPlanned() {
    return newInstance.isPlanned();
  }

  /**
   * One verification of the new instance against the source.
   *
   * @param property what was compared: {@code status}, {@code engine}, {@code instanceClass},
   *     {@code allocatedStorageGiB} or {@code tags}
   * @param expected the source's value (or {@code available} for the status)
   * @param actual the new instance's value
   * @param passed whether they agree
   */
  public record Check(String property, String expected, String actual, boolean passed) {
    /** Validates. */
    public Check {
      Checks.present("property", property, "a value (required)");
      Checks.present("expected", expected, "a value (required)");
      Checks.present("actual", actual, "a value (required)");
    }

    @Override
    public String toString() {
      return property + ": expected " + expected + ", got " + actual + (passed ? " (ok)" : " (MISMATCH)");
    }
  }
}
