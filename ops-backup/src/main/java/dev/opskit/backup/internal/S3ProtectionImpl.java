package dev.opskit.backup.internal;

import dev.opskit.core.Reads;
import dev.opskit.backup.BucketVersioning;
import dev.opskit.backup.PlanOutcome;
import dev.opskit.backup.ReplicationDefinition;
import dev.opskit.backup.ReplicationPlan;
import dev.opskit.backup.ReplicationRule;
import dev.opskit.backup.S3Protection;
import dev.opskit.core.OpsContext;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ResourceStateException;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.ChangeResult;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplication;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.Destination;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRuleFilter;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.VersioningConfiguration;

/** S3 versioning and replication of one bucket. */
public final class S3ProtectionImpl implements S3Protection {
  static final String NO_REPLICATION = "ReplicationConfigurationNotFoundError";

  private final OpsContext ctx;
  private final S3Client s3;
  private final String bucket;

  /**
   * Creates the operations.
   *
   * @param ctx the context
   * @param s3 the S3 client
   * @param bucket the bucket
   */
  public S3ProtectionImpl(OpsContext ctx, S3Client s3, String bucket) {
    this.ctx = ctx;
    this.s3 = s3;
    this.bucket = BucketName.of(bucket).value();
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public BucketVersioning versioning() {
    return versioning(s3, bucket);
  }

  static BucketVersioning versioning(S3Client s3, String bucket) {
    return BucketVersioning.fromAws(Reads.read("s3:GetBucketVersioning", bucket, () ->
        s3.getBucketVersioning(GetBucketVersioningRequest.builder().bucket(bucket).build()).statusAsString()));
  }

  @Override
  public BucketVersioning enableVersioning() {
    BucketVersioning current = versioning();
    if (current == BucketVersioning.ENABLED) {
      return current;
    }
    PutBucketVersioningRequest request = PutBucketVersioningRequest.builder()
        .bucket(bucket)
        .versioningConfiguration(VersioningConfiguration.builder().status(BucketVersioningStatus.ENABLED).build())
        .build();
    ChangeResult<?> result = ctx.gate().submit(Change.of("s3:PutBucketVersioning", bucket, request, s3::putBucketVersioning).build());
    return result.isPlanned() ? current : versioning();
  }

  @Override
  public ReplicationPlan plan(ReplicationDefinition definition) {
    return plan(definition, PlanOutcome.COMPARED);
  }

  private ReplicationPlan plan(ReplicationDefinition definition, PlanOutcome outcome) {
    Checks.present("replication", definition, "a replication definition");
    List<String> missing = new ArrayList<>();
    if (versioning() != BucketVersioning.ENABLED) {
      missing.add("versioning is not enabled on source bucket " + bucket);
    }
    for (String destination : definition.rules().stream().map(r -> r.destinationBucket().value()).distinct().toList()) {
      if (destination.equals(bucket)) {
        missing.add("destination bucket " + destination + " is the source bucket");
        continue;
      }
      try {
        if (versioning(s3, destination) != BucketVersioning.ENABLED) {
          missing.add("versioning is not enabled on destination bucket " + destination);
        }
      } catch (ResourceNotFoundException e) {
        missing.add("destination bucket " + destination + " does not exist");
      }
    }
    return new ReplicationPlan(bucket, definition, readReplication().orElse(null), missing, outcome);
  }

  @Override
  public ReplicationPlan apply(ReplicationDefinition definition) {
    ReplicationPlan plan = plan(definition);
    if (!plan.isReady()) {
      throw new ResourceStateException("replication cannot be configured yet: " + String.join("; ", plan.missingPrerequisites())
          + ". Enable versioning on both buckets first (S3Protection.enableVersioning)", "s3:PutBucketReplication", bucket, null);
    }
    if (plan.isUpToDate()) {
      return withOutcome(plan, PlanOutcome.UP_TO_DATE);
    }
    PutBucketReplicationRequest request = PutBucketReplicationRequest.builder()
        .bucket(bucket)
        .replicationConfiguration(toAws(definition))
        .build();
    ChangeResult<?> result = ctx.gate().submit(Change.of("s3:PutBucketReplication", bucket, request, s3::putBucketReplication).build());
    return withOutcome(plan, result.isPlanned() ? PlanOutcome.PLANNED : PlanOutcome.APPLIED);
  }

  private static ReplicationPlan withOutcome(ReplicationPlan plan, PlanOutcome outcome) {
    return new ReplicationPlan(plan.bucket(), plan.desired(), plan.current(), plan.missingPrerequisites(), outcome);
  }

  static ReplicationConfiguration toAws(ReplicationDefinition definition) {
    List<software.amazon.awssdk.services.s3.model.ReplicationRule> rules = new ArrayList<>();
    for (int i = 0; i < definition.rules().size(); i++) {
      ReplicationRule rule = definition.rules().get(i);
      rules.add(software.amazon.awssdk.services.s3.model.ReplicationRule.builder()
          .id(rule.id())
          .status(rule.enabled() ? ReplicationRuleStatus.ENABLED : ReplicationRuleStatus.DISABLED)
          .priority(definition.rules().size() - i)
          .filter(ReplicationRuleFilter.builder().prefix("").build())
          .deleteMarkerReplication(DeleteMarkerReplication.builder().status(DeleteMarkerReplicationStatus.DISABLED).build())
          .destination(Destination.builder()
              .bucket("arn:aws:s3:::" + rule.destinationBucket().value())
              .storageClass(rule.storageClass())
              .build())
          .build());
    }
    return ReplicationConfiguration.builder().role(definition.role().toString()).rules(rules).build();
  }

  @Override
  public Optional<ReplicationDefinition> readReplication() {
    ReplicationConfiguration config;
    try {
      config = Reads.read("s3:GetBucketReplication", bucket, () ->
          s3.getBucketReplication(GetBucketReplicationRequest.builder().bucket(bucket).build()).replicationConfiguration());
    } catch (ResourceNotFoundException e) {
      if (NO_REPLICATION.equals(e.awsErrorCode())) {
        return Optional.empty();
      }
      throw e;
    }
    if (config == null || config.rules().isEmpty()) {
      return Optional.empty();
    }
    List<ReplicationRule> rules = config.rules().stream().map(r -> new ReplicationRule(
        r.id(), r.status() == ReplicationRuleStatus.ENABLED, BucketName.of(bucketOf(r.destination().bucket())),
        r.destination().storageClass() == null ? software.amazon.awssdk.services.s3.model.StorageClass.STANDARD
            : r.destination().storageClass())).toList();
    return Optional.of(new ReplicationDefinition(Arn.parse(config.role()), rules));
  }

  private static String bucketOf(String destination) {
    return destination.startsWith("arn:") ? destination.substring(destination.lastIndexOf(':') + 1) : destination;
  }
}
