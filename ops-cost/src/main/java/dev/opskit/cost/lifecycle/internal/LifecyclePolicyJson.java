package dev.opskit.cost.lifecycle.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.internal.JsonFields;
import dev.opskit.core.value.Arn;
import dev.opskit.cost.lifecycle.SnapshotLifecyclePolicy;
import dev.opskit.cost.lifecycle.SnapshotSchedule;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** DLM's CreateLifecyclePolicy JSON shape of {@link SnapshotLifecyclePolicy}. */
public final class LifecyclePolicyJson {
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private LifecyclePolicyJson() {}

  /**
   * Writes a policy.
   *
   * @param p the policy
   * @return the JSON text
   */
  public static String write(SnapshotLifecyclePolicy p) {
    ObjectNode root = Json.object();
    root.put("Description", p.description());
    root.put("ExecutionRoleArn", p.executionRole().toString());
    root.put("State", p.enabled() ? "ENABLED" : "DISABLED");
    ObjectNode details = root.putObject("PolicyDetails");
    details.put("PolicyType", "EBS_SNAPSHOT_MANAGEMENT");
    ArrayNode types = details.putArray("ResourceTypes");
    p.resourceTypes().forEach(t -> types.add(t.name()));
    details.set("TargetTags", JsonFields.pairsNode(p.targetTags(), "Key", "Value"));
    ArrayNode schedules = details.putArray("Schedules");
    for (SnapshotSchedule s : p.schedules()) {
      ObjectNode node = schedules.addObject();
      node.put("Name", s.name());
      ObjectNode create = node.putObject("CreateRule");
      create.put("Interval", s.intervalHours());
      create.put("IntervalUnit", "HOURS");
      if (!s.times().isEmpty()) {
        ArrayNode times = create.putArray("Times");
        s.times().forEach(t -> times.add(t.toString()));
      }
      node.putObject("RetainRule").put("Count", s.retainCount());
      node.put("CopyTags", s.copyTags());
    }
    root.putObject("Tags").put(SnapshotLifecyclePolicy.NAME_TAG, p.name());
    return Json.write(root);
  }

  /**
   * Reads a policy.
   *
   * @param json the text
   * @return the policy
   * @throws ValidationException when the text is not a policy
   */
  public static SnapshotLifecyclePolicy read(String json) {
    JsonFields root = JsonFields.parse(json, "lifecycle policy JSON");
    root.onlyKnown(Set.of("Description", "ExecutionRoleArn", "State", "PolicyDetails", "Tags"));
    String state = root.requiredText("State");
    if (!state.equals("ENABLED") && !state.equals("DISABLED")) {
      throw ValidationException.of("State", state, "ENABLED or DISABLED");
    }
    JsonFields details = root.object("PolicyDetails");
    details.onlyKnown(Set.of("PolicyType", "ResourceTypes", "TargetTags", "Schedules"));
    String type = details.text("PolicyType");
    if (type != null && !type.equals("EBS_SNAPSHOT_MANAGEMENT")) {
      throw ValidationException.of("PolicyDetails.PolicyType", type, "EBS_SNAPSHOT_MANAGEMENT (the only type OpsKit manages)");
    }
    List<SnapshotLifecyclePolicy.ResourceType> types = new ArrayList<>();
    for (String t : details.texts("ResourceTypes")) {
      types.add(switch (t) {
        case "VOLUME" -> SnapshotLifecyclePolicy.ResourceType.VOLUME;
        case "INSTANCE" -> SnapshotLifecyclePolicy.ResourceType.INSTANCE;
        default -> throw ValidationException.of("PolicyDetails.ResourceTypes", t, "VOLUME or INSTANCE");
      });
    }
    List<SnapshotSchedule> schedules = new ArrayList<>();
    for (JsonNode node : details.array("Schedules")) {
      schedules.add(schedule(JsonFields.of(node, "PolicyDetails.Schedules", "PolicyDetails.Schedules.")));
    }
    JsonFields tags = root.object("Tags");
    String name = tags.text(SnapshotLifecyclePolicy.NAME_TAG);
    if (name == null) {
      throw ValidationException.of("Tags." + SnapshotLifecyclePolicy.NAME_TAG, null, "the policy's name (a string)");
    }
    String role = root.requiredText("ExecutionRoleArn");
    if (!Arn.isValid(role)) {
      throw ValidationException.of("ExecutionRoleArn", role, "an IAM role ARN, arn:aws:iam::<account>:role/<name>");
    }
    Map<String, String> targetTags = details.pairs("TargetTags", "Key", "Value");
    return new SnapshotLifecyclePolicy(name, root.requiredText("Description"), Arn.parse(role), state.equals("ENABLED"),
        types, targetTags, schedules);
  }

  private static SnapshotSchedule schedule(JsonFields s) {
    s.onlyKnown(Set.of("Name", "CreateRule", "RetainRule", "CopyTags"));
    JsonFields create = s.object("CreateRule");
    create.onlyKnown(Set.of("Interval", "IntervalUnit", "Times"));
    String unit = create.text("IntervalUnit");
    if (unit != null && !unit.equals("HOURS")) {
      throw ValidationException.of(create.name("IntervalUnit"), unit, "HOURS");
    }
    Integer interval = create.integer("Interval");
    if (interval == null) {
      throw ValidationException.of(create.name("Interval"), null, "1, 2, 3, 4, 6, 8, 12 or 24 hours");
    }
    List<LocalTime> times = new ArrayList<>();
    for (String t : create.texts("Times")) {
      if (t.length() != 5 || !TIME.matcher(t).matches()) {
        throw ValidationException.of(create.name("Times"), t, "a time of day hh:mm (UTC), such as 23:45");
      }
      times.add(LocalTime.parse(t));
    }
    JsonFields retain = s.object("RetainRule");
    retain.onlyKnown(Set.of("Count"));
    Integer count = retain.integer("Count");
    if (count == null) {
      throw ValidationException.of(retain.name("Count"), null, "1 to 1000 snapshots");
    }
    Boolean copy = s.bool("CopyTags");
    return new SnapshotSchedule(s.requiredText("Name"), interval, times, count, Boolean.TRUE.equals(copy));
  }
}
