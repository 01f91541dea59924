package dev.opskit.backup;

import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Checks;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An AWS Backup job as AWS describes it ({@code DescribeBackupJob}).
 *
 * @param id the job id
 * @param state its state; an unknown state is kept, never an error
 * @param vault the vault the recovery point goes to; null when not reported
 * @param resourceArn the resource backed up; null when not reported
 * @param recoveryPointArn the recovery point made; null until known
 * @param percentDone progress as AWS reports it, such as {@code 40.0}; null when not reported
 * @param statusMessage AWS's message (why it failed); null when none
 * @param createdAt when the job was created; null when not reported
 * @param completedAt when it ended; null while running
 */
public record BackupJobDetails(
    String id,
    State state,
    @Nullable BackupVaultName vault,
    @Nullable Arn resourceArn,
    @Nullable Arn recoveryPointArn,
    @Nullable String percentDone,
    @Nullable String statusMessage,
    @Nullable Instant createdAt,
    @Nullable Instant completedAt) {

  /**
   * Validates.
   *
   * @param id the job id
   * @param state its state; an unknown state is kept, never an error
   * @param vault the vault the recovery point goes to; null when not reported
   * @param resourceArn the resource backed up; null when not reported
   * @param recoveryPointArn the recovery point made; null until known
   * @param percentDone progress as AWS reports it, such as {@code 40.0}; null when not reported
   * @param statusMessage AWS's message (why it failed); null when none
   * @param createdAt when the job was created; null when not reported
   * @param completedAt when it ended; null while running
   */
  public BackupJobDetails {
    Checks.present("id", id, "a value (required)");
    Checks.present("state", state, "a value (required)");
  }

  /** {@return whether the job has ended, successfully or not} */
  public boolean hasEnded() {
    return state.hasEnded();
  }

  /** {@return whether the job completed} */
  public boolean isCompleted() {
    return State.COMPLETED.equals(state);
  }

  /**
   * The state of a backup job ({@code State}), an open set: a constant for each state AWS documents, and any
   * other value AWS may add kept as given ({@link #isKnown()} false), so reading a job never fails on it.
   */
  public static final class State extends AwsStatus {
    /** The job was made. */
    public static final State CREATED = new State("CREATED", false);
    /** The job waits to run. */
    public static final State PENDING = new State("PENDING", false);
    /** The job runs. */
    public static final State RUNNING = new State("RUNNING", false);
    /** The job is being stopped. */
    public static final State ABORTING = new State("ABORTING", false);
    /** The job was stopped. */
    public static final State ABORTED = new State("ABORTED", true);
    /** The job made its recovery point. */
    public static final State COMPLETED = new State("COMPLETED", true);
    /** The job failed ({@code statusMessage} says why). */
    public static final State FAILED = new State("FAILED", true);
    /** The job expired before it could run. */
    public static final State EXPIRED = new State("EXPIRED", true);
    /** The job backed up part of the resource. */
    public static final State PARTIAL = new State("PARTIAL", true);

    private static final List<State> KNOWN = List.of(CREATED, PENDING, RUNNING, ABORTING, ABORTED, COMPLETED, FAILED,
        EXPIRED, PARTIAL);

    private final boolean ended;

    private State(String value, boolean ended) {
      this(value, ended, true);
    }

    private State(String value, boolean ended, boolean known) {
      super(value, known);
      this.ended = ended;
    }

    /**
     * The state for AWS's word; never throws.
     *
     * @param value such as {@code RUNNING}; null or empty is an unknown, empty state
     * @return the constant, or an unknown state keeping the value
     */
    public static State of(@Nullable String value) {
      return exact(KNOWN, value, v -> new State(v, false, false));
    }

    /** {@return whether a job in this state has ended (an unknown state has not)} */
    public boolean hasEnded() {
      return ended;
    }
  }
}
