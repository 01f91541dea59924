package dev.opskit.backup;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * One S3 replication rule, as in the guide: replicate every object to a destination bucket, in a storage
 * class. Applied with the whole bucket prefix, delete markers not replicated, priorities in the definition's
 * order (the first rule highest).
 *
 * @param id the rule id ({@code ID}), 1 to 255 characters, such as {@code replicate_all}
 * @param status whether the rule is on ({@code Status})
 * @param destinationBucket the bucket objects are copied to ({@code Destination.Bucket}; versioning must be on there too)
 * @param storageClass the storage class of the copies ({@code Destination.StorageClass}), such as
 *     {@link StorageClass#STANDARD_IA}; null for the source object's class, as S3 does by default
 */
public record BucketReplicationRule(String id, Status status, BucketName destinationBucket, @Nullable StorageClass storageClass) {

  /**
   * Validates.
   *
   * @param id the rule id ({@code ID}), 1 to 255 characters, such as {@code replicate_all}
   * @param status whether the rule is on ({@code Status})
   * @param destinationBucket the bucket objects are copied to ({@code Destination.Bucket}; versioning must be on there too)
   * @param storageClass the storage class of the copies ({@code Destination.StorageClass}), such as     {@link StorageClass#STANDARD_IA}; null for the source object's class, as S3 does by default
   */
  public BucketReplicationRule {
    if (id == null || id.isEmpty() || id.length() > 255) {
      throw ValidationException.of("replicationRule.id", id, "1 to 255 characters");
    }
    Checks.present("replicationRule.status", status, "ENABLED or DISABLED");
    Checks.present("replicationRule.destinationBucket", destinationBucket, "the destination bucket's name");
  }

  /**
   * An enabled rule replicating everything.
   *
   * @param id the rule id
   * @param destinationBucket the destination bucket's name
   * @param storageClass the copies' storage class
   * @return the rule
   */
  public static BucketReplicationRule of(String id, String destinationBucket, StorageClass storageClass) {
    return new BucketReplicationRule(id, Status.ENABLED, BucketName.of(destinationBucket),
        Checks.present("replicationRule.storageClass", storageClass, "a storage class, such as STANDARD_IA"));
  }

  /** {@return whether the rule is on} */
  public boolean isEnabled() {
    return Status.ENABLED.equals(status);
  }

  /**
   * This rule switched off (kept, replicating nothing).
   *
   * @return the new rule
   */
  public BucketReplicationRule disabled() {
    return new BucketReplicationRule(id, Status.DISABLED, destinationBucket, storageClass);
  }

  /**
   * The status of a replication rule ({@code Status}), an open set: {@code Enabled}, {@code Disabled}, and any
   * other value kept as given ({@link #isKnown()} false).
   */
  public static final class Status extends AwsStatus {
    /** The rule replicates. */
    public static final Status ENABLED = new Status("Enabled", true);
    /** The rule is kept and replicates nothing. */
    public static final Status DISABLED = new Status("Disabled", true);

    private static final List<Status> KNOWN = List.of(ENABLED, DISABLED);

    private Status(String value, boolean known) {
      super(value, known);
    }

    /**
     * The status for S3's word; never throws.
     *
     * @param value {@code Enabled} or {@code Disabled}; null or empty is an unknown, empty status
     * @return the constant, or an unknown status keeping the value
     */
    public static Status of(@Nullable String value) {
      return exact(KNOWN, value, v -> new Status(v, false));
    }
  }
}
