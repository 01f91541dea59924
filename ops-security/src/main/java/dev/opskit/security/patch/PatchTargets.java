package dev.opskit.security.patch;

import dev.opskit.core.ValidationException;
import dev.opskit.core.value.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a command runs: up to 5 targets ({@code Key=tag:Environment,Values=production}) or up to 50 instance
 * ids, never both (SSM's {@code SendCommand} limits).
 *
 * <pre>{@code
 * PatchTargets production = PatchTargets.tag("Environment", "production");
 * PatchTargets two = PatchTargets.instances("i-0123456789abcdef0", "i-0fedcba9876543210");
 * }</pre>
 *
 * @param targets the targets: key ({@code tag:Environment}, {@code tag-key}, {@code resource-groups:Name})
 *     to values, in order; empty with instance ids
 * @param instanceIds the instance ids; empty with targets
 */
public record PatchTargets(Map<String, List<String>> targets, List<String> instanceIds) {
  /** SSM's most targets per command. */
  public static final int MAX_TARGETS = 5;
  /** SSM's most instance ids per command. */
  public static final int MAX_INSTANCES = 50;
  private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]+");
  private static final Pattern INSTANCE = Pattern.compile("i-(?:[0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17}");

  /**
   * Validates and copies.
   *
   * @param targets the targets
   * @param instanceIds the instance ids
   */
  public PatchTargets {
    Map<String, List<String>> t = Checks.map("targets", targets, "targets as key to values");
    List<String> ids = Checks.list("instanceIds", instanceIds, "instance ids");
    if (t.isEmpty() == ids.isEmpty()) {
      throw ValidationException.of("targets", t.isEmpty() ? "none" : t + " and instance ids " + ids,
          "either 1 to 5 targets or 1 to 50 instance ids, not both");
    }
    Checks.range("targets", t.size(), 0, MAX_TARGETS, "at most " + MAX_TARGETS + " targets");
    Checks.range("instanceIds", ids.size(), 0, MAX_INSTANCES, "at most " + MAX_INSTANCES + " instance ids");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    t.forEach((key, values) -> {
      Checks.length("targets.Key", key, 1, 163);
      Checks.matches(KEY, "targets.Key", key, "a target key such as tag:Environment, tag-key or resource-groups:Name");
      List<String> v = Checks.list("targets.Values", values, "target values");
      Checks.range("targets.Values", v.size(), 1, 50, "1 to 50 values for " + key);
      v.forEach(value -> Checks.length("targets.Values", value, 1, 256));
      copy.put(key, v);
    });
    checkInstanceIds(ids);
    targets = java.util.Collections.unmodifiableMap(copy);
    instanceIds = ids;
  }

  /**
   * The instances with a tag, such as the guide's {@code Key=tag:Environment,Values=production}.
   *
   * @param key the tag key
   * @param values the tag values
   * @return the targets
   */
  public static PatchTargets tag(String key, String... values) {
    Checks.length("tag key", key, 1, 128);
    return new PatchTargets(Map.of("tag:" + key, Checks.elements("targets.Values", "tag values", values)), List.of());
  }

  /**
   * Up to 50 instances by id.
   *
   * @param ids the instance ids
   * @return the targets
   */
  public static PatchTargets instances(String... ids) {
    return new PatchTargets(Map.of(), Checks.elements("instanceIds", "instance ids", ids));
  }

  /**
   * These targets and one more (at most 5 in all).
   *
   * @param key the target key, such as {@code tag:Role}
   * @param values the values
   * @return the targets
   */
  public PatchTargets and(String key, String... values) {
    Map<String, List<String>> more = new LinkedHashMap<>(targets);
    if (more.put(key, Checks.elements("targets.Values", "target values", values)) != null) {
      throw ValidationException.of("targets.Key", key, "each target key once");
    }
    return new PatchTargets(more, instanceIds);
  }

  static void checkInstanceIds(List<String> ids) {
    for (String id : ids) {
      Checks.length("instanceIds", id, 10, 20);
      Checks.matches(INSTANCE, "instanceIds", id, "an instance id such as i-0123456789abcdef0 or mi-...");
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw ValidationException.of("instanceIds", ids, "each instance id once");
    }
  }

  List<software.amazon.awssdk.services.ssm.model.Target> sdkTargets() {
    List<software.amazon.awssdk.services.ssm.model.Target> out = new ArrayList<>();
    targets.forEach((k, v) -> out.add(software.amazon.awssdk.services.ssm.model.Target.builder().key(k).values(v).build()));
    return out;
  }

  /** {@code Key=tag:Environment,Values=production} or {@code InstanceIds=i-...,i-...}, as the CLI writes them. */
  @Override
  public String toString() {
    if (!instanceIds.isEmpty()) {
      return "InstanceIds=" + String.join(",", instanceIds);
    }
    List<String> parts = new ArrayList<>();
    targets.forEach((k, v) -> parts.add("Key=" + k + ",Values=" + String.join(",", v)));
    return String.join(" ", parts);
  }
}
