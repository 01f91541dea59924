package dev.opskit.cost.lifecycle;

import dev.opskit.core.value.Checks;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One schedule of an EBS snapshot lifecycle policy: a snapshot every few hours (at a time of day, UTC), the newest
 * few kept, the volume's tags copied or not.
 *
 * @param name the schedule's name, 1 to 120 letters, digits, spaces, dashes and underscores
 * @param intervalHours hours between snapshots: 1, 2, 3, 4, 6, 8, 12 or 24
 * @param times the time of day (UTC, whole minutes) the first snapshot starts; at most one, none for AWS's choice
 * @param retainCount how many snapshots are kept, 1 to 1,000
 * @param copyTags whether the volume's tags are copied to its snapshots
 */
public record SnapshotSchedule(String name, int intervalHours, List<LocalTime> times, int retainCount, boolean copyTags) {
  /** The intervals DLM accepts, in hours. */
  public static final Set<Integer> INTERVALS = Set.of(1, 2, 3, 4, 6, 8, 12, 24);
  static final Pattern NAME = Pattern.compile("[0-9A-Za-z _-]+");

  /**
   * Validates and copies.
   *
   * @param name the schedule's name, 1 to 120 letters, digits, spaces, dashes and underscores
   * @param intervalHours hours between snapshots: 1, 2, 3, 4, 6, 8, 12 or 24
   * @param times the time of day (UTC, whole minutes) the first snapshot starts; at most one, none for AWS's choice
   * @param retainCount how many snapshots are kept, 1 to 1,000
   * @param copyTags whether the volume's tags are copied to its snapshots
   * @throws dev.opskit.core.ValidationException naming the field, the value and what is allowed
   */
  public SnapshotSchedule {
    Checks.length("schedule.name", name, 1, 120);
    Checks.matches(NAME, "schedule.name", name, "1 to 120 letters, digits, spaces, dashes and underscores");
    Checks.require(INTERVALS.contains(intervalHours), "schedule.intervalHours", intervalHours,
        "1, 2, 3, 4, 6, 8, 12 or 24 hours");
    times = Checks.list("schedule.times", times, "at most one time of day (UTC), such as 23:45");
    Checks.require(times.size() <= 1, "schedule.times", times, "at most one time of day (UTC), such as 23:45");
    times.forEach(t -> Checks.require(t.getSecond() == 0 && t.getNano() == 0, "schedule.times", t,
        "a time of day in whole minutes (hh:mm, UTC)"));
    Checks.range("schedule.retainCount", retainCount, 1, 1000, "1 to 1000 snapshots");
  }

  /** {@return the guide's {@code daily-snapshots}: every 24 hours at 23:45, the newest 7 kept, tags copied} */
  public static SnapshotSchedule guideDaily() {
    return new SnapshotSchedule("daily-snapshots", 24, List.of(LocalTime.of(23, 45)), 7, true);
  }

  /**
   * The same schedule keeping another number of snapshots.
   *
   * @param value how many are kept
   * @return the schedule
   */
  public SnapshotSchedule withRetainCount(int value) {
    return new SnapshotSchedule(name, intervalHours, times, value, copyTags);
  }
}
