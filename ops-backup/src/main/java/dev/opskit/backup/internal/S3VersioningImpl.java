package dev.opskit.backup.internal;

import dev.opskit.backup.BucketVersioning;
import dev.opskit.backup.S3Versioning;
import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.Checks;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.VersioningConfiguration;

/** One bucket's versioning as desired state. */
final class S3VersioningImpl implements S3Versioning {
  static final String RESOURCE_TYPE = "bucket versioning";

  private final OpsContext ctx;
  private final S3Client s3;
  private final BucketName bucket;

  S3VersioningImpl(OpsContext ctx, S3Client s3, BucketName bucket) {
    this.ctx = ctx;
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public BucketVersioning live() {
    return live(s3, bucket);
  }

  static BucketVersioning live(S3Client s3, BucketName bucket) {
    return new BucketVersioning(BucketVersioning.Status.of(Reads.read("s3:GetBucketVersioning", bucket.value(), () ->
        s3.getBucketVersioning(GetBucketVersioningRequest.builder().bucket(bucket.value()).build()).statusAsString())));
  }

  @Override
  public Plan plan(Collection<? extends BucketVersioning> definitions) {
    List<BucketVersioning> all = Checks.list("versioning", definitions, "exactly one versioning definition");
    Checks.require(all.size() == 1, "versioning", all.size() + " definitions",
        "exactly one: a bucket has one versioning state, BucketVersioning.enabled() or suspended()");
    BucketVersioning.Status desired = all.get(0).status();
    Checks.require(desired.equals(BucketVersioning.Status.ENABLED) || desired.equals(BucketVersioning.Status.SUSPENDED),
        "versioning.status", desired, "Enabled or Suspended (S3 cannot turn versioning off once it was on)");
    BucketVersioning.Status live = live().status();
    String name = bucket.value();
    ResourceChange change;
    if (live.equals(desired)) {
      change = ResourceChange.unchanged(RESOURCE_TYPE, name);
    } else if (live.equals(BucketVersioning.Status.NEVER_ENABLED)) {
      change = ResourceChange.create(RESOURCE_TYPE, name, List.of(put(desired)));
    } else {
      change = ResourceChange.update(RESOURCE_TYPE, name, List.of(FieldDiff.of("Status", live.value(), desired.value())),
          List.of(put(desired)));
    }
    return Plan.of("versioning of " + name, List.of(change));
  }

  private Change<PutBucketVersioningResponse> put(BucketVersioning.Status status) {
    PutBucketVersioningRequest request = PutBucketVersioningRequest.builder()
        .bucket(bucket.value())
        .versioningConfiguration(VersioningConfiguration.builder().status(status.value()).build())
        .build();
    return Change.of("s3:PutBucketVersioning", bucket.value(), request, s3::putBucketVersioning).build();
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan from plan(...)"));
  }
}
