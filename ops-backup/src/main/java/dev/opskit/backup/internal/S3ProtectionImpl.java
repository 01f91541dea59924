package dev.opskit.backup.internal;

import dev.opskit.backup.S3Protection;
import dev.opskit.backup.S3Replication;
import dev.opskit.backup.S3Versioning;
import dev.opskit.core.OpsContext;
import dev.opskit.core.value.BucketName;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 versioning and replication of one bucket. */
public final class S3ProtectionImpl implements S3Protection {
  private final BucketName bucket;
  private final S3VersioningImpl versioning;
  private final S3ReplicationImpl replication;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param s3 the S3 client
   * @param bucket the bucket
   * @throws dev.opskit.core.ValidationException when it is not a bucket name
   */
  public S3ProtectionImpl(OpsContext ctx, S3Client s3, String bucket) {
    this(ctx, s3, BucketName.of(bucket));
  }

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param s3 the S3 client
   * @param bucket the bucket
   */
  public S3ProtectionImpl(OpsContext ctx, S3Client s3, BucketName bucket) {
    this.bucket = dev.opskit.core.value.Checks.present("bucketName", bucket, "an S3 bucket name");
    this.versioning = new S3VersioningImpl(ctx, s3, bucket);
    this.replication = new S3ReplicationImpl(ctx, s3, bucket);
  }

  @Override
  public BucketName bucket() {
    return bucket;
  }

  @Override
  public S3Versioning versioning() {
    return versioning;
  }

  @Override
  public S3Replication replication() {
    return replication;
  }
}
