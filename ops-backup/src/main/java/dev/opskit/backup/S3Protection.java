package dev.opskit.backup;

import dev.opskit.core.value.BucketName;

/**
 * Versioning and replication of one S3 bucket, the guide's cross-region replication, both as desired state.
 * Obtain with {@link Backups#s3(String)}.
 *
 * <pre>{@code
 * S3Protection appData = Backups.using(ctx).s3("app-data");
 * appData.versioning().enable();
 * Plan plan = appData.replication().plan(ReplicationDefinition.of(role,
 *     BucketReplicationRule.of("replicate_all", "app-data-replica", StorageClass.STANDARD_IA)));
 * System.out.println(plan.render());      // names missing prerequisites in its title
 * appData.replication().apply(plan);
 * }</pre>
 */
public interface S3Protection {

  /** {@return the bucket these operations act on} */
  BucketName bucket();

  /** {@return the bucket's versioning as desired state ({@code Enabled} or {@code Suspended})} */
  S3Versioning versioning();

  /** {@return the bucket's replication configuration as desired state} */
  S3Replication replication();
}
