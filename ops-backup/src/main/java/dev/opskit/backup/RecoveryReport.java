package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.DbInstanceId;
import java.util.List;
import java.util.Optional;

/**
 * The result of the recovery procedure: the restore (a change), the verified new instance and its
 * endpoint, for the traffic switch. In a dry run the restore is a {@link ChangeResult.Planned}, nothing was
 * verified and traffic was not switched.
 *
 * @param sourceInstanceId the instance recovered
 * @param restorePoint where it was restored to
 * @param restore the restore change; when applied, its value is the new instance as it was verified
 * @param checks the verification checks, all passed (empty in a dry run)
 * @param trafficSwitched whether the traffic switch hook ran
 */
public record RecoveryReport(
    DbInstanceId sourceInstanceId,
    RestorePoint restorePoint,
    ChangeResult<DatabaseInstance> restore,
    List<Check> checks,
    boolean trafficSwitched) {

  /**
   * Validates and copies.
   *
   * @param sourceInstanceId the instance recovered
   * @param restorePoint where it was restored to
   * @param restore the restore change; when applied, its value is the new instance as it was verified
   * @param checks the verification checks, all passed (empty in a dry run)
   * @param trafficSwitched whether the traffic switch hook ran
   */
  public RecoveryReport {
    Checks.present("sourceInstanceId", sourceInstanceId, "a value (required)");
    Checks.present("restorePoint", restorePoint, "a value (required)");
    Checks.present("restore", restore, "the result of the restore change");
    checks = Checks.list("checks", checks, "the verification checks");
  }

  /** {@return whether this was only planned (dry run): nothing was restored} */
  public boolean isPlanned() {
    return restore.isPlanned();
  }

  /**
   * The restored instance.
   *
   * @return it, as verified
   * @throws dev.opskit.core.ResourceStateException in a dry run (nothing was restored; check {@link #isPlanned()})
   */
  public DatabaseInstance newInstance() {
    return restore.orElseThrow();
  }

  /** {@return the new instance's {@code host:port}; empty in a dry run or while AWS reports no endpoint} */
  public Optional<String> endpoint() {
    return restore.value().flatMap(DatabaseInstance::endpoint);
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
    /**
     * Validates.
     *
     * @param property what was compared: {@code status}, {@code engine}, {@code instanceClass},     {@code allocatedStorageGiB} or {@code tags}
     * @param expected the source's value (or {@code available} for the status)
     * @param actual the new instance's value
     * @param passed whether they agree
     */
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
