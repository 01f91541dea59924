package dev.opskit.backup;

import dev.opskit.backup.internal.Checks;
import dev.opskit.core.ValidationException;
import dev.opskit.core.value.BucketName;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * One S3 replication rule, as in the guide: replicate every object to a destination bucket in a
 * storage class.
 *
 * @param id the rule id, 1 to 255 characters, such as {@code replicate_all}
 * @param enabled whether the rule is on
 * @param destinationBucket the bucket objects are copied to (versioning must be on there too)
 * @param storageClass the storage class of the copies, such as {@link StorageClass#STANDARD_IA}
 */
public record ReplicationRule(String id, boolean enabled, BucketName destinationBucket, StorageClass storageClass) {

  /** Validates. */
  public ReplicationRule {
    if (id == null || id.isEmpty() || id.length() > 255) {
      throw ValidationException.of("replicationRule.id", id, "1 to 255 characters");
    }
    Checks.present("replicationRule.destinationBucket", destinationBucket, "the destination bucket's name");
    if (storageClass == null || storageClass == StorageClass.UNKNOWN_TO_SDK_VERSION) {
      throw ValidationException.of("replicationRule.storageClass", storageClass, "one of " + StorageClass.knownValues());
    }
  }

  /**
   * An enabled rule replicating everything.
   *
   * @param id the rule id
   * @param destinationBucket the destination bucket's name
   * @param storageClass the copies' storage class
   * @return the rule
   */
  public static ReplicationRule of(String id, String destinationBucket, StorageClass storageClass) {
    return new ReplicationRule(id, true, BucketName.of(destinationBucket), storageClass);
  }
}
