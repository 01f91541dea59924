package dev.opskit.core.change;

import dev.opskit.core.OpsException;
import java.util.List;

/**
 * Applying a {@link Plan} failed part-way: some resource changes were made, one failed, the rest were
 * not attempted. The one part-way failure of every desired-state apply in OpsKit. Nothing made is undone;
 * plan again and apply to finish (the new plan holds exactly what is left), or fix the cause first.
 *
 * <p>The cause is the {@link OpsException} of the call that failed.
 */
public final class PartialApplyException extends OpsException {
  private static final long serialVersionUID = 1L;

  private final transient List<ApplyResult.Applied> applied;
  private final transient ResourceChange failed;
  private final transient List<ResourceChange> notAttempted;

  /**
   * Creates the exception.
   *
   * @param applied the changes made before the failure, with their results
   * @param failed the change that failed (calls of it before the failing one were made)
   * @param notAttempted the changes not attempted
   * @param cause why it failed
   */
  public PartialApplyException(
      List<ApplyResult.Applied> applied, ResourceChange failed, List<ResourceChange> notAttempted, OpsException cause) {
    super(describe(cause.operation(), failed.resource(), message(applied, failed, notAttempted, cause)),
        cause.operation(), failed.resource(), cause.awsErrorCode(), cause.requestId(), cause);
    this.applied = List.copyOf(applied);
    this.failed = failed;
    this.notAttempted = List.copyOf(notAttempted);
  }

  private static String message(
      List<ApplyResult.Applied> applied, ResourceChange failed, List<ResourceChange> notAttempted, OpsException cause) {
    return "apply failed part-way at " + failed.kind().verb() + " " + failed.resourceType() + " " + failed.resource()
        + " (" + cause.getMessage() + "). Applied " + applied.size() + ": "
        + applied.stream().map(a -> a.change().resource()).toList() + "; not attempted " + notAttempted.size() + ": "
        + notAttempted.stream().map(ResourceChange::resource).toList()
        + ". Nothing applied was undone: plan again and apply to finish, once the cause is fixed.";
  }

  /** {@return the changes made before the failure} */
  public List<ApplyResult.Applied> applied() {
    return applied;
  }

  /** {@return the change that failed} */
  public ResourceChange failed() {
    return failed;
  }

  /** {@return the changes not attempted} */
  public List<ResourceChange> notAttempted() {
    return notAttempted;
  }
}
