package dev.opskit.backup.internal;

import dev.opskit.core.ServiceException;
import dev.opskit.core.value.DbSnapshotId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/** The guide's snapshot names, {@code <instance>-manual-<yyyyMMdd>}, with {@code -2}, {@code -3}... when taken. */
final class SnapshotNames {
  static final int MAX_ATTEMPTS = 1000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private SnapshotNames() {}

  /** The n-th candidate (1 is the plain name). */
  static DbSnapshotId candidate(String instanceId, LocalDate day, int n) {
    String base = instanceId + "-manual-" + DAY.format(day);
    return DbSnapshotId.of(n == 1 ? base : base + "-" + n);
  }

  /**
   * The first candidate that is not taken.
   *
   * @param taken whether a snapshot with this id exists
   */
  static DbSnapshotId firstFree(String instanceId, LocalDate day, Predicate<String> taken) {
    for (int n = 1; n <= MAX_ATTEMPTS; n++) {
      DbSnapshotId id = candidate(instanceId, day, n);
      if (!taken.test(id.value())) {
        return id;
      }
    }
    throw new ServiceException("all " + MAX_ATTEMPTS + " snapshot names for " + day + " are taken; give the snapshot a name",
        "rds:CreateDBSnapshot", instanceId, null);
  }
}
