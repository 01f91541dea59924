package dev.opskit.cost.lifecycle;

import dev.opskit.core.value.BucketName;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import dev.opskit.cost.lifecycle.internal.TieringJson;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One S3 Intelligent-Tiering configuration of a bucket, as the guide's Terraform
 * {@code aws_s3_bucket_intelligent_tiering_configuration} means it: which objects (the whole bucket, or a prefix
 * and tags), whether it is enabled, and after how many days without access objects move to each archive tier.
 *
 * <pre>{@code
 * IntelligentTieringDefinition entire = IntelligentTieringDefinition.guide(BucketName.of("my-data"));
 * IntelligentTieringDefinition logs = entire.withId("logs").withPrefix("logs/").withTiering(AccessTier.ARCHIVE_ACCESS, 90);
 * }</pre>
 *
 * @param bucket the bucket
 * @param id the configuration's id, 1 to 64 letters, digits, dots, dashes and underscores
 * @param enabled whether the configuration is {@code Enabled} (else {@code Disabled})
 * @param prefix the key prefix the configuration applies to, or null for the whole bucket
 * @param tags the object tags the configuration applies to (all of them must match); empty for any
 * @param tierings days without access before each archive tier (at least one tier; ARCHIVE_ACCESS 90 to 730,
 *     DEEP_ARCHIVE_ACCESS 180 to 730)
 */
public record IntelligentTieringDefinition(BucketName bucket, String id, boolean enabled, @Nullable String prefix,
    Map<String, String> tags, Map<AccessTier, Integer> tierings) {
  /** The most configurations S3 keeps on one bucket. */
  public static final int MAX_PER_BUCKET = 1000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Validates and copies.
   *
   * @param bucket the bucket
   * @param id the configuration's id, 1 to 64 letters, digits, dots, dashes and underscores
   * @param enabled whether the configuration is {@code Enabled} (else {@code Disabled})
   * @param prefix the key prefix the configuration applies to, or null for the whole bucket
   * @param tags the object tags the configuration applies to (all of them must match); empty for any
   * @param tierings days without access before each archive tier (at least one tier; ARCHIVE_ACCESS 90 to 730,
   *     DEEP_ARCHIVE_ACCESS 180 to 730)
   * @throws dev.opskit.core.ValidationException naming the field, the value and what is allowed
   */
  public IntelligentTieringDefinition {
    Checks.present("bucket", bucket, "a bucket name");
    Checks.present("id", id, "1 to 64 letters, digits, dots, dashes and underscores, such as entire-bucket");
    Checks.require(id.length() <= 64 && ID.matcher(id).matches(), "id", id,
        "1 to 64 letters, digits, dots, dashes and underscores, such as entire-bucket");
    if (prefix != null) {
      Checks.length("prefix", prefix, 1, 1024);
    }
    tags = Tags.of("tags", Checks.map("tags", tags, "object tags the configuration applies to")).asMap();
    Map<AccessTier, Integer> copy = new EnumMap<>(AccessTier.class);
    copy.putAll(Checks.map("tierings", tierings, "days per access tier"));
    Checks.require(!copy.isEmpty(), "tierings", "{}",
        "at least one tier: ARCHIVE_ACCESS after 90 to 730 days, DEEP_ARCHIVE_ACCESS after 180 to 730");
    copy.forEach((tier, days) -> Checks.range("tierings." + tier, days, tier.minDays(), tier.maxDays(),
        tier.minDays() + " to " + tier.maxDays() + " days for " + tier));
    tierings = Collections.unmodifiableMap(copy);
  }

  /**
   * The guide's configuration: {@code entire-bucket}, enabled, the whole bucket, DEEP_ARCHIVE_ACCESS after 180 days.
   *
   * @param bucket the bucket
   * @return the definition
   */
  public static IntelligentTieringDefinition guide(BucketName bucket) {
    return new IntelligentTieringDefinition(bucket, "entire-bucket", true, null, Map.of(),
        Map.of(AccessTier.DEEP_ARCHIVE_ACCESS, 180));
  }

  /**
   * The same configuration under another id.
   *
   * @param value the id
   * @return the definition
   */
  public IntelligentTieringDefinition withId(String value) {
    return new IntelligentTieringDefinition(bucket, value, enabled, prefix, tags, tierings);
  }

  /**
   * The same configuration, enabled or disabled.
   *
   * @param value whether it is enabled
   * @return the definition
   */
  public IntelligentTieringDefinition withEnabled(boolean value) {
    return new IntelligentTieringDefinition(bucket, id, value, prefix, tags, tierings);
  }

  /**
   * The same configuration for a key prefix.
   *
   * @param value the prefix, or null for the whole bucket
   * @return the definition
   */
  public IntelligentTieringDefinition withPrefix(@Nullable String value) {
    return new IntelligentTieringDefinition(bucket, id, enabled, value, tags, tierings);
  }

  /**
   * The same configuration for objects with these tags.
   *
   * @param value the tags
   * @return the definition
   */
  public IntelligentTieringDefinition withTags(Map<String, String> value) {
    return new IntelligentTieringDefinition(bucket, id, enabled, prefix, value, tierings);
  }

  /**
   * The same configuration with a tier's days set.
   *
   * @param tier the tier
   * @param days days without access before it
   * @return the definition
   */
  public IntelligentTieringDefinition withTiering(AccessTier tier, int days) {
    Checks.present("tier", tier, "ARCHIVE_ACCESS or DEEP_ARCHIVE_ACCESS");
    Map<AccessTier, Integer> copy = new EnumMap<>(AccessTier.class);
    copy.putAll(tierings);
    copy.put(tier, days);
    return new IntelligentTieringDefinition(bucket, id, enabled, prefix, tags, copy);
  }

  /**
   * The same configuration with exactly these tiers.
   *
   * @param value days per tier
   * @return the definition
   */
  public IntelligentTieringDefinition withTierings(Map<AccessTier, Integer> value) {
    return new IntelligentTieringDefinition(bucket, id, enabled, prefix, tags, value);
  }

  /**
   * The definition as JSON: {@code {"Bucket", "Id", "Status", "Filter": {"Prefix", "Tags": [{"Key","Value"}]},
   * "Tierings": [{"AccessTier", "Days"}]}}, the members of S3's {@code IntelligentTieringConfiguration} plus the bucket.
   *
   * @return the JSON text
   */
  public String toJson() {
    return TieringJson.write(this);
  }

  /**
   * Reads a definition from {@link #toJson()}'s shape.
   *
   * @param json the text
   * @return the definition
   * @throws dev.opskit.core.ValidationException when the text is not such a definition
   */
  public static IntelligentTieringDefinition fromJson(String json) {
    return TieringJson.read(json);
  }
}
