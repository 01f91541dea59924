package dev.opskit.incident.run;

import dev.opskit.core.value.Checks;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The status of an execution or a step, in SSM Automation's words ({@code Success}, {@code Failed}...), plus
 * OpsKit's {@code Planned} for a dry run and {@code Skipped}. An open set: a status AWS adds later is kept as
 * AWS sent it; {@link #of} never throws for a non-blank text.
 */
public final class RunStatus {
  /** Not started yet. */
  public static final RunStatus PENDING = new RunStatus("Pending");
  /** Running. */
  public static final RunStatus IN_PROGRESS = new RunStatus("InProgress");
  /** Waiting (for an approval, a sleep or a property). */
  public static final RunStatus WAITING = new RunStatus("Waiting");
  /** Finished well. */
  public static final RunStatus SUCCESS = new RunStatus("Success");
  /** Failed. */
  public static final RunStatus FAILED = new RunStatus("Failed");
  /** Ran out of time. */
  public static final RunStatus TIMED_OUT = new RunStatus("TimedOut");
  /** Cancelled. */
  public static final RunStatus CANCELLED = new RunStatus("Cancelled");
  /** Dry run: planned, nothing sent. */
  public static final RunStatus PLANNED = new RunStatus("Planned");
  /** Not run because the runbook went elsewhere. */
  public static final RunStatus SKIPPED = new RunStatus("Skipped");

  private static final List<RunStatus> KNOWN =
      List.of(PENDING, IN_PROGRESS, WAITING, SUCCESS, FAILED, TIMED_OUT, CANCELLED, PLANNED, SKIPPED);

  private final String value;

  private RunStatus(String value) {
    this.value = value;
  }

  /**
   * The status of a text, such as AWS's {@code StepExecutionStatus}.
   *
   * @param text the text
   * @return the known constant, or a status keeping the text
   * @throws dev.opskit.core.ValidationException when the text is null or blank
   */
  public static RunStatus of(String text) {
    Checks.length("status", text, 1, 100);
    for (RunStatus s : KNOWN) {
      if (s.value.equals(text)) {
        return s;
      }
    }
    return new RunStatus(text);
  }

  /** {@return the text, as AWS writes it} */
  public String value() {
    return value;
  }

  /** {@return whether this is a status nothing follows (Success, Failed, TimedOut, Cancelled, Planned, Skipped)} */
  public boolean isFinal() {
    return this.equals(SUCCESS) || this.equals(FAILED) || this.equals(TIMED_OUT) || this.equals(CANCELLED)
        || this.equals(PLANNED) || this.equals(SKIPPED)
        || value.equals("CompletedWithSuccess") || value.equals("CompletedWithFailure") || value.equals("Rejected");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RunStatus s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
