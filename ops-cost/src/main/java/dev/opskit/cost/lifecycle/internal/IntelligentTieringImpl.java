package dev.opskit.cost.lifecycle.internal;

import dev.opskit.core.OpsContext;
import dev.opskit.core.Reads;
import dev.opskit.core.change.ApplyResult;
import dev.opskit.core.change.Change;
import dev.opskit.core.change.FieldDiff;
import dev.opskit.core.change.Plan;
import dev.opskit.core.change.ResourceChange;
import dev.opskit.core.paging.Page;
import dev.opskit.core.paging.Pages;
import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.Checks;
import dev.opskit.cost.lifecycle.AccessTier;
import dev.opskit.cost.lifecycle.IntelligentTiering;
import dev.opskit.cost.lifecycle.IntelligentTieringDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.IntelligentTieringAndOperator;
import software.amazon.awssdk.services.s3.model.IntelligentTieringConfiguration;
import software.amazon.awssdk.services.s3.model.IntelligentTieringFilter;
import software.amazon.awssdk.services.s3.model.IntelligentTieringStatus;
import software.amazon.awssdk.services.s3.model.ListBucketIntelligentTieringConfigurationsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketIntelligentTieringConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.PutBucketIntelligentTieringConfigurationRequest;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tiering;

/** S3 Intelligent-Tiering configurations as desired state, planned per bucket. */
public final class IntelligentTieringImpl implements IntelligentTiering {
  static final String RESOURCE_TYPE = "intelligent-tiering configuration";

  private final OpsContext ctx;

  /**
   * The operations.
   *
   * @param ctx the context
   */
  public IntelligentTieringImpl(OpsContext ctx) {
    this.ctx = ctx;
  }

  private S3Client s3() {
    return ctx.client(S3Client.class, S3Client::builder);
  }

  @Override
  public List<IntelligentTieringDefinition> live(BucketName bucket) {
    Checks.present("bucket", bucket, "a bucket name");
    S3Client s3 = s3();
    try (var all = Reads.stream("s3:ListBucketIntelligentTieringConfigurations", bucket.value(),
        () -> Pages.stream("s3:ListBucketIntelligentTieringConfigurations", token -> page(s3, bucket, token)))) {
      return all.map(c -> fromLive(bucket, c)).toList();
    }
  }

  private static Page<IntelligentTieringConfiguration> page(S3Client s3, BucketName bucket, @Nullable String token) {
    ListBucketIntelligentTieringConfigurationsResponse r = s3.listBucketIntelligentTieringConfigurations(
        ListBucketIntelligentTieringConfigurationsRequest.builder().bucket(bucket.value()).continuationToken(token).build());
    String next = Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null;
    return Page.of(r.intelligentTieringConfigurationList(), next);
  }

  /** A live configuration as a definition; tiers AWS names that OpsKit does not know are left out. */
  static IntelligentTieringDefinition fromLive(BucketName bucket, IntelligentTieringConfiguration c) {
    String prefix = null;
    Map<String, String> tags = new LinkedHashMap<>();
    IntelligentTieringFilter filter = c.filter();
    if (filter != null) {
      IntelligentTieringAndOperator and = filter.and();
      prefix = and != null ? and.prefix() : filter.prefix();
      if (and != null) {
        and.tags().forEach(t -> tags.put(t.key(), t.value()));
      } else if (filter.tag() != null) {
        tags.put(filter.tag().key(), filter.tag().value());
      }
    }
    Map<AccessTier, Integer> tierings = new EnumMap<>(AccessTier.class);
    for (Tiering t : c.tierings()) {
      for (AccessTier tier : AccessTier.values()) {
        if (tier.name().equals(t.accessTierAsString()) && t.days() != null) {
          tierings.put(tier, t.days());
        }
      }
    }
    return new IntelligentTieringDefinition(bucket, c.id(), c.status() == IntelligentTieringStatus.ENABLED,
        prefix == null || prefix.isEmpty() ? null : prefix, tags, tierings);
  }

  /** The configuration S3 is sent: the filter as AWS's shapes need it (one condition alone, several under And). */
  static IntelligentTieringConfiguration toSdk(IntelligentTieringDefinition d) {
    IntelligentTieringConfiguration.Builder b = IntelligentTieringConfiguration.builder().id(d.id())
        .status(d.enabled() ? IntelligentTieringStatus.ENABLED : IntelligentTieringStatus.DISABLED)
        .tierings(d.tierings().entrySet().stream()
            .map(e -> Tiering.builder().accessTier(e.getKey().name()).days(e.getValue()).build()).toList());
    List<Tag> tags = d.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
    int conditions = (d.prefix() == null ? 0 : 1) + tags.size();
    if (conditions > 1) {
      b.filter(IntelligentTieringFilter.builder()
          .and(IntelligentTieringAndOperator.builder().prefix(d.prefix()).tags(tags).build()).build());
    } else if (d.prefix() != null) {
      b.filter(IntelligentTieringFilter.builder().prefix(d.prefix()).build());
    } else if (!tags.isEmpty()) {
      b.filter(IntelligentTieringFilter.builder().tag(tags.get(0)).build());
    }
    return b.build();
  }

  @Override
  public Plan plan(Collection<? extends IntelligentTieringDefinition> definitions) {
    List<IntelligentTieringDefinition> all = Checks.list("definitions", definitions, "intelligent-tiering definitions");
    Set<String> seen = new HashSet<>();
    Map<BucketName, List<IntelligentTieringDefinition>> byBucket = new LinkedHashMap<>();
    for (IntelligentTieringDefinition d : all) {
      Checks.require(seen.add(d.bucket().value() + "/" + d.id()), "definitions", d.bucket() + "/" + d.id(),
          "each configuration id once per bucket");
      byBucket.computeIfAbsent(d.bucket(), k -> new ArrayList<>()).add(d);
    }
    S3Client s3 = s3();
    List<ResourceChange> changes = new ArrayList<>();
    byBucket.forEach((bucket, defs) -> {
      Map<String, IntelligentTieringDefinition> live = new LinkedHashMap<>();
      live(bucket).forEach(l -> live.put(l.id(), l));
      long creates = defs.stream().filter(d -> !live.containsKey(d.id())).count();
      Checks.require(live.size() + creates <= IntelligentTieringDefinition.MAX_PER_BUCKET, "definitions",
          bucket + ": " + live.size() + " live + " + creates + " new",
          "at most " + IntelligentTieringDefinition.MAX_PER_BUCKET + " intelligent-tiering configurations per bucket");
      for (IntelligentTieringDefinition d : defs) {
        String name = bucket.value() + "/" + d.id();
        IntelligentTieringDefinition current = live.get(d.id());
        if (current == null) {
          changes.add(ResourceChange.create(RESOURCE_TYPE, name, List.of(put(s3, d))));
          continue;
        }
        List<FieldDiff> diffs = diff(current, d);
        changes.add(diffs.isEmpty() ? ResourceChange.unchanged(RESOURCE_TYPE, name)
            : ResourceChange.update(RESOURCE_TYPE, name, diffs, List.of(put(s3, d))));
      }
    });
    return Plan.of("intelligent-tiering configurations", changes);
  }

  /** The differences, named by S3's members. */
  static List<FieldDiff> diff(IntelligentTieringDefinition live, IntelligentTieringDefinition desired) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (live.enabled() != desired.enabled()) {
      diffs.add(FieldDiff.of("Status", status(live), status(desired)));
    }
    if (!Objects.equals(live.prefix(), desired.prefix())) {
      diffs.add(FieldDiff.of("Filter.Prefix", live.prefix(), desired.prefix()));
    }
    if (!live.tags().equals(desired.tags())) {
      diffs.add(FieldDiff.of("Filter.Tags", live.tags(), desired.tags()));
    }
    for (AccessTier tier : AccessTier.values()) {
      Integer was = live.tierings().get(tier);
      Integer want = desired.tierings().get(tier);
      if (!Objects.equals(was, want)) {
        diffs.add(FieldDiff.of("Tierings." + tier + ".Days", was, want));
      }
    }
    return diffs;
  }

  private static String status(IntelligentTieringDefinition d) {
    return d.enabled() ? "Enabled" : "Disabled";
  }

  private static Change<?> put(S3Client s3, IntelligentTieringDefinition d) {
    PutBucketIntelligentTieringConfigurationRequest request = PutBucketIntelligentTieringConfigurationRequest.builder()
        .bucket(d.bucket().value()).id(d.id()).intelligentTieringConfiguration(toSdk(d)).build();
    return Change.of("s3:PutBucketIntelligentTieringConfiguration", d.bucket().value() + "/" + d.id(), request,
        s3::putBucketIntelligentTieringConfiguration).build();
  }

  @Override
  public ApplyResult apply(Plan plan) {
    return ctx.gate().apply(Checks.present("plan", plan, "a plan from plan(...)"));
  }
}
