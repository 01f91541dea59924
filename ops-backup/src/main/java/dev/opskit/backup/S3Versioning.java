package dev.opskit.backup;

import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.DesiredState;
import java.util.List;

/**
 * One bucket's versioning as desired state: {@link #plan} takes exactly one definition, {@link BucketVersioning#enabled()}
 * or {@link BucketVersioning#suspended()} (S3 cannot turn versioning off once it was on). A bucket whose versioning
 * was never enabled is planned as a create, any other difference as an update of {@code Status}; one
 * {@code PutBucketVersioning} either way.
 *
 * <pre>{@code
 * S3Versioning versioning = Backups.using(ctx).s3("app-data").versioning();
 * ApplyResult result = versioning.enable();        // nothing sent when already enabled
 * }</pre>
 */
public interface S3Versioning extends DesiredState<BucketVersioning> {

  /** {@return the bucket's versioning as S3 reports it. Reads only} */
  BucketVersioning live();

  /**
   * Turns versioning on: plans and applies {@link BucketVersioning#enabled()}.
   *
   * @return what was done (an empty plan's result when it already is on; only planned results in a dry run)
   * @throws dev.opskit.core.ResourceNotFoundException when the bucket does not exist
   */
  default ApplyResult enable() {
    return apply(List.of(BucketVersioning.enabled()));
  }

  /**
   * Suspends versioning: plans and applies {@link BucketVersioning#suspended()}.
   *
   * @return what was done
   * @throws dev.opskit.core.ResourceNotFoundException when the bucket does not exist
   */
  default ApplyResult suspend() {
    return apply(List.of(BucketVersioning.suspended()));
  }
}
