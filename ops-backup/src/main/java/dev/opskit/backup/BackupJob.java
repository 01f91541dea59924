package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An AWS Backup job.
 *
 * @param id the job id; null in a dry run
 * @param state AWS's state ({@code CREATED}, {@code RUNNING}, {@code COMPLETED}, {@code FAILED}...),
 *     or {@value DbSnapshot#PLANNED} in a dry run; an unknown state is kept as given
 * @param vault the vault
 * @param resourceArn the resource backed up; null when not reported
 * @param recoveryPointArn the recovery point made; null until known
 * @param percentDone progress as AWS reports it; null when not reported
 * @param statusMessage AWS's message (why it failed); null when none
 * @param createdAt when the job was created; null when not reported
 * @param completedAt when it ended; null while running
 */
public record BackupJob(
    @Nullable String id,
    String state,
    String vault,
    @Nullable String resourceArn,
    @Nullable String recoveryPointArn,
    @Nullable String percentDone,
    @Nullable String statusMessage,
    @Nullable Instant createdAt,
    @Nullable Instant completedAt) {
  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "ABORTED", "EXPIRED", "PARTIAL");

  /** Validates. */
  public BackupJob {
    Checks.present("state", state, "a value (required)");
    Checks.present("vault", vault, "a value (required)");
  }

  /** Whether the job has ended, successfully or not. */
  public boolean hasEnded() {
    return ENDED.contains(state);
  }

  /** Whether the job completed. */
  public boolean isCompleted() {
    return "COMPLETED".equals(state);
  }
}
