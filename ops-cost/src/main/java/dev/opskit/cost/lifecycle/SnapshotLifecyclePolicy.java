package dev.opskit.cost.lifecycle;

import dev.opskit.core.value.Arn;
import dev.opskit.core.value.Checks;
import dev.opskit.core.value.Tags;
import dev.opskit.cost.lifecycle.internal.LifecyclePolicyJson;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An EBS snapshot lifecycle policy of Data Lifecycle Manager, as the guide's Terraform
 * {@code aws_dlm_lifecycle_policy} means it. DLM policies have no name, so OpsKit finds its own by the tag
 * {@value #NAME_TAG} = {@link #name()}, set when it creates one.
 *
 * <pre>{@code
 * SnapshotLifecyclePolicy policy = SnapshotLifecyclePolicy.guide(Arn.parse("arn:aws:iam::123456789012:role/dlm-lifecycle"));
 * SnapshotLifecycle.using(ctx).apply(List.of(policy));
 * }</pre>
 *
 * @param name the policy's name, OpsKit's handle on it (a tag value: 1 to 256 characters)
 * @param description the description, 1 to 500 letters, digits, spaces, dashes and underscores
 * @param executionRole the IAM role DLM acts as
 * @param enabled whether the policy is {@code ENABLED} (else {@code DISABLED})
 * @param resourceTypes what is snapshotted: VOLUME or INSTANCE (one of them)
 * @param targetTags the tags that select the volumes or instances (1 to 50; all resources with any of them)
 * @param schedules the schedules, 1 to 4
 */
public record SnapshotLifecyclePolicy(String name, String description, Arn executionRole, boolean enabled,
    List<ResourceType> resourceTypes, Map<String, String> targetTags, List<SnapshotSchedule> schedules) {
  /** The tag that holds the policy's name. */
  public static final String NAME_TAG = "opskit:name";
  private static final Pattern DESCRIPTION = Pattern.compile("[0-9A-Za-z _-]+");

  /** What a policy snapshots. */
  public enum ResourceType {
    /** EBS volumes with the target tags. */
    VOLUME,
    /** Every volume of EC2 instances with the target tags (multi-volume snapshots). */
    INSTANCE
  }

  /**
   * Validates and copies.
   *
   * @param name the policy's name, OpsKit's handle on it (a tag value: 1 to 256 characters)
   * @param description the description, 1 to 500 letters, digits, spaces, dashes and underscores
   * @param executionRole the IAM role DLM acts as
   * @param enabled whether the policy is {@code ENABLED} (else {@code DISABLED})
   * @param resourceTypes what is snapshotted: VOLUME or INSTANCE (one of them)
   * @param targetTags the tags that select the volumes or instances (1 to 50; all resources with any of them)
   * @param schedules the schedules, 1 to 4
   * @throws dev.opskit.core.ValidationException naming the field, the value and what is allowed
   */
  public SnapshotLifecyclePolicy {
    Checks.present("name", name, "1 to 256 characters");
    Tags.checkValue("name", NAME_TAG, name);
    Checks.require(!name.isEmpty(), "name", name, "1 to 256 characters");
    Checks.length("description", description, 1, 500);
    Checks.matches(DESCRIPTION, "description", description, "1 to 500 letters, digits, spaces, dashes and underscores");
    Checks.iamRole("executionRole", executionRole);
    resourceTypes = Checks.list("resourceTypes", resourceTypes, "VOLUME or INSTANCE");
    Checks.require(resourceTypes.size() == 1, "resourceTypes", resourceTypes, "one of VOLUME or INSTANCE");
    targetTags = Tags.of("targetTags", Checks.map("targetTags", targetTags, "1 to 50 tags")).asMap();
    Checks.require(!targetTags.isEmpty(), "targetTags", "{}", "1 to 50 tags that select the resources");
    schedules = Checks.list("schedules", schedules, "1 to 4 schedules");
    Checks.require(!schedules.isEmpty() && schedules.size() <= 4, "schedules", schedules.size() + " schedules",
        "1 to 4 schedules");
    Checks.require(schedules.stream().map(SnapshotSchedule::name).distinct().count() == schedules.size(), "schedules",
        schedules.stream().map(SnapshotSchedule::name).toList(), "schedules with different names");
  }

  /**
   * The guide's policy: "EBS snapshot lifecycle policy", enabled, volumes tagged {@code Backup=true},
   * {@code daily-snapshots} every 24 hours at 23:45 keeping 7, tags copied; named {@code ebs-snapshots}.
   *
   * @param executionRole the IAM role DLM acts as (the guide's {@code dlm_lifecycle_role})
   * @return the policy
   */
  public static SnapshotLifecyclePolicy guide(Arn executionRole) {
    return new SnapshotLifecyclePolicy("ebs-snapshots", "EBS snapshot lifecycle policy", executionRole, true,
        List.of(ResourceType.VOLUME), Map.of("Backup", "true"), List.of(SnapshotSchedule.guideDaily()));
  }

  /**
   * The same policy with other schedules.
   *
   * @param value the schedules
   * @return the policy
   */
  public SnapshotLifecyclePolicy withSchedules(List<SnapshotSchedule> value) {
    return new SnapshotLifecyclePolicy(name, description, executionRole, enabled, resourceTypes, targetTags, value);
  }

  /**
   * The same policy selecting resources by other tags.
   *
   * @param value the target tags
   * @return the policy
   */
  public SnapshotLifecyclePolicy withTargetTags(Map<String, String> value) {
    return new SnapshotLifecyclePolicy(name, description, executionRole, enabled, resourceTypes, value, schedules);
  }

  /**
   * The same policy, enabled or disabled.
   *
   * @param value whether it is enabled
   * @return the policy
   */
  public SnapshotLifecyclePolicy withEnabled(boolean value) {
    return new SnapshotLifecyclePolicy(name, description, executionRole, value, resourceTypes, targetTags, schedules);
  }

  /**
   * The policy as DLM's CreateLifecyclePolicy JSON: {@code Description}, {@code ExecutionRoleArn}, {@code State},
   * {@code PolicyDetails} ({@code PolicyType}, {@code ResourceTypes}, {@code TargetTags}, {@code Schedules} with
   * {@code Name}, {@code CreateRule}, {@code RetainRule}, {@code CopyTags}) and {@code Tags} holding the name.
   *
   * @return the JSON text
   */
  public String toJson() {
    return LifecyclePolicyJson.write(this);
  }

  /**
   * Reads a policy from DLM's CreateLifecyclePolicy JSON (the name from {@code Tags}' {@value #NAME_TAG}).
   *
   * @param json the text
   * @return the policy
   * @throws dev.opskit.core.ValidationException when the text is not such a policy
   */
  public static SnapshotLifecyclePolicy fromJson(String json) {
    return LifecyclePolicyJson.read(json);
  }
}
