package dev.opskit.backup.internal;

import dev.opskit.backup.BucketReplicationRule;
import dev.opskit.backup.ReplicationDefinition;
import dev.opskit.backup.S3Replication;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.ResourceNotFoundException;
import dev.opskit.core.ValidationException;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplication;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.Destination;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketReplicationRequest;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleFilter;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * One bucket's replication as desired state. The comparison is of what {@code PutBucketReplication} would send
 * with what {@code GetBucketReplication} answers, member by member, rules matched by {@code ID}; an empty filter
 * prefix counts as no filter.
 */
final class S3ReplicationImpl implements S3Replication {
  static final String RESOURCE_TYPE = "bucket replication";
  static final String NO_REPLICATION = "ReplicationConfigurationNotFoundError";
  private static final Map<String, String> KEYS = Map.of("Rules", "ID");

  private final OpsContext ctx;
  private final S3Client s3;
  private final BucketName bucket;

  S3ReplicationImpl(OpsContext ctx, S3Client s3, BucketName bucket) {
    this.ctx = ctx;
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public Plan plan(Collection<? extends ReplicationDefinition> definitions) {
    return planned(definitions).plan();
  }

  /** A plan and the prerequisites it found missing (read only when the plan changes something). */
  private record Planned(Plan plan, List<String> missing) {}

  private Planned planned(Collection<? extends ReplicationDefinition> definitions) {
    List<ReplicationDefinition> all = Checks.list("replication", definitions, "at most one replication definition");
    Checks.require(all.size() <= 1, "replication", all.size() + " definitions",
        "at most one: a bucket has one replication configuration (none to remove it)");
    String name = bucket.value();
    Optional<ReplicationConfiguration> live = liveConfiguration();
    if (all.isEmpty()) {
      return new Planned(Plan.of("replication of " + name, List.of(live.isEmpty() ? ResourceChange.unchanged(RESOURCE_TYPE, name)
          : ResourceChange.delete(RESOURCE_TYPE, name, List.of(delete())))), List.of());
    }
    ReplicationDefinition definition = all.get(0);
    definition.rules().forEach(r -> Checks.require(r.storageClass() != StorageClass.UNKNOWN_TO_SDK_VERSION,
        "replicationRule.storageClass", r.storageClass(), "one of " + StorageClass.knownValues() + ", or null for the source's"));
    definition.rules().forEach(r -> Checks.require(r.status().isKnown(), "replicationRule.status", r.status(),
        "Enabled or Disabled"));
    ReplicationConfiguration desired = toAws(definition);
    ResourceChange change;
    if (live.isEmpty()) {
      change = ResourceChange.create(RESOURCE_TYPE, name, List.of(put(desired)));
    } else {
      List<FieldDiff> diffs = MemberTree.diff(normalized(live.get()), normalized(desired), KEYS);
      change = diffs.isEmpty() ? ResourceChange.unchanged(RESOURCE_TYPE, name)
          : ResourceChange.update(RESOURCE_TYPE, name, diffs, List.of(put(desired)));
    }
    List<String> missing = change.isChange() ? missingPrerequisites(definition) : List.of();
    return new Planned(Plan.of("replication of " + name + (missing.isEmpty() ? ""
        : "; not ready, apply refuses until fixed: " + String.join("; ", missing)), List.of(change)), missing);
  }

  /**
   * Plans and applies in one step: the prerequisites the plan has just read are not read again (S3 itself
   * refuses a configuration whose versioning was turned off in between).
   */
  @Override
  public ApplyResult apply(Collection<? extends ReplicationDefinition> definitions) {
    Planned planned = planned(definitions);
    if (!planned.missing().isEmpty()) {
      throw notReady(planned.plan(), planned.missing());
    }
    return ctx.gate().apply(planned.plan());
  }

  /**
   * Refuses, before any change, a plan whose replication cannot be configured yet: the prerequisites are read
   * again, so a plan made before versioning was enabled applies once it is.
   */
  @Override
  public ApplyResult apply(Plan plan) {
    Checks.present("plan", plan, "a plan from plan(...)");
    for (ResourceChange change : plan.changes()) {
      for (Change<?> step : change.steps()) {
        if (step.request() instanceof PutBucketReplicationRequest put) {
          List<String> missing = missing(put.bucket(), put.replicationConfiguration().rules().stream()
              .map(r -> bucketOf(r.destination().bucket())).toList());
          if (!missing.isEmpty()) {
            throw notReady(plan, missing);
          }
        }
      }
    }
    return ctx.gate().apply(plan);
  }

  private static ValidationException notReady(Plan plan, List<String> missing) {
    return ValidationException.of("plan", plan.title(), "a plan whose prerequisites are met; missing: "
        + String.join("; ", missing) + ". Enable versioning on both buckets first (S3Protection.versioning().enable())");
  }

  @Override
  public List<String> missingPrerequisites(ReplicationDefinition definition) {
    Checks.present("replication", definition, "a replication definition");
    return missing(bucket.value(), definition.rules().stream().map(r -> r.destinationBucket().value()).toList());
  }

  private List<String> missing(String source, List<String> destinations) {
    List<String> missing = new ArrayList<>();
    if (!S3VersioningImpl.live(s3, BucketName.of(source)).isEnabled()) {
      missing.add("versioning is not enabled on source bucket " + source);
    }
    Set<String> distinct = new LinkedHashSet<>(destinations);
    for (String destination : distinct) {
      if (destination.equals(source)) {
        missing.add("destination bucket " + destination + " is the source bucket");
        continue;
      }
      try {
        if (!S3VersioningImpl.live(s3, BucketName.of(destination)).isEnabled()) {
          missing.add("versioning is not enabled on destination bucket " + destination);
        }
      } catch (ResourceNotFoundException e) {
        missing.add("destination bucket " + destination + " does not exist");
      }
    }
    return missing;
  }

  private Change<?> put(ReplicationConfiguration configuration) {
    PutBucketReplicationRequest request = PutBucketReplicationRequest.builder()
        .bucket(bucket.value())
        .replicationConfiguration(configuration)
        .build();
    return Change.of("s3:PutBucketReplication", bucket.value(), request, s3::putBucketReplication).build();
  }

  private Change<?> delete() {
    DeleteBucketReplicationRequest request = DeleteBucketReplicationRequest.builder().bucket(bucket.value()).build();
    return Change.of("s3:DeleteBucketReplication", bucket.value(), request, s3::deleteBucketReplication).build();
  }

  static ReplicationConfiguration toAws(ReplicationDefinition definition) {
    List<ReplicationRule> rules = new ArrayList<>();
    for (int i = 0; i < definition.rules().size(); i++) {
      BucketReplicationRule rule = definition.rules().get(i);
      rules.add(ReplicationRule.builder()
          .id(rule.id())
          .status(rule.status().value())
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

  /** An empty prefix filter is the whole bucket, as no filter is. */
  private static Map<String, Object> normalized(ReplicationConfiguration configuration) {
    Map<String, Object> tree = MemberTree.of(configuration);
    for (Map<String, Object> rule : MemberTree.children(tree, "Rules")) {
      MemberTree.dropIf(rule, "Prefix", "");
      Map<String, Object> filter = MemberTree.child(rule, "Filter");
      if (filter != null) {
        MemberTree.dropIf(filter, "Prefix", "");
      }
    }
    MemberTree.prune(tree);
    return tree;
  }

  private Optional<ReplicationConfiguration> liveConfiguration() {
    ReplicationConfiguration config;
    try {
      config = Reads.read("s3:GetBucketReplication", bucket.value(), () ->
          s3.getBucketReplication(GetBucketReplicationRequest.builder().bucket(bucket.value()).build()).replicationConfiguration());
    } catch (ResourceNotFoundException e) {
      if (NO_REPLICATION.equals(e.awsErrorCode())) {
        return Optional.empty();
      }
      throw e;
    }
    return config == null || config.rules().isEmpty() ? Optional.empty() : Optional.of(config);
  }

  @Override
  public Optional<ReplicationDefinition> live() {
    return liveConfiguration().map(config -> new ReplicationDefinition(Arn.parse(config.role()), config.rules().stream()
        .map(r -> new BucketReplicationRule(r.id(), BucketReplicationRule.Status.of(r.statusAsString()),
            BucketName.of(bucketOf(r.destination().bucket())), r.destination().storageClass()))
        .toList()));
  }

  static String bucketOf(String destination) {
    return destination.startsWith("arn:") ? destination.substring(destination.lastIndexOf(':') + 1) : destination;
  }
}
