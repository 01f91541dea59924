package dev.opskit.incident.run;

import dev.opskit.core.value.Checks;
import dev.opskit.incident.internal.Values;
import java.time.Instant;
import java.util.Map;

/**
 * One line of an execution's journal.
 *
 * @param executionId the execution
 * @param kind what happened
 * @param time when
 * @param data what the runner needs to resume (plain values; secret values redacted)
 */
public record JournalEntry(String executionId, Kind kind, Instant time, Map<String, Object> data) {

  /** What a journal entry records. */
  public enum Kind {
    /** The execution started: runbook, arguments, dry run. */
    STARTED,
    /** A step finished: its result and the step that comes next. */
    STEP,
    /** The execution finished: its status. */
    FINISHED
  }

  /**
   * Validates and copies.
   *
   * @param executionId the execution
   * @param kind what happened
   * @param time when
   * @param data what the runner needs to resume
   */
  public JournalEntry {
    Checks.length("executionId", executionId, 1, 200);
    Checks.present("kind", kind, "an entry kind");
    Checks.present("time", time, "a time");
    data = Values.copyMap("data", data);
  }
}
