package dev.opskit.backup.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opskit.backup.BackupCopyAction;
import dev.opskit.backup.BackupLifecycle;
import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanRule;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** AWS's JSON shape of a backup plan ({@code BackupPlanInput}), both ways. */
public final class BackupPlanJson {
  private static final Set<String> PLAN = Set.of("BackupPlanName", "Rules");
  private static final Set<String> RULE = Set.of("RuleName", "TargetBackupVaultName", "ScheduleExpression",
      "StartWindowMinutes", "CompletionWindowMinutes", "Lifecycle", "CopyActions");
  private static final Set<String> LIFECYCLE = Set.of("MoveToColdStorageAfterDays", "DeleteAfterDays");
  private static final Set<String> COPY = Set.of("DestinationBackupVaultArn", "Lifecycle");

  private BackupPlanJson() {}

  /**
   * Writes a plan.
   *
   * @param plan the plan
   * @return pretty-printed JSON
   */
  public static String write(BackupPlanDefinition plan) {
    ObjectNode root = Json.object();
    root.put("BackupPlanName", plan.name());
    ArrayNode rules = root.putArray("Rules");
    for (BackupPlanRule r : plan.rules()) {
      ObjectNode rule = rules.addObject();
      rule.put("RuleName", r.name());
      rule.put("TargetBackupVaultName", r.targetVault().value());
      rule.put("ScheduleExpression", r.schedule().expression());
      if (r.startWindow() != null) {
        rule.put("StartWindowMinutes", r.startWindow().toMinutes());
      }
      if (r.completionWindow() != null) {
        rule.put("CompletionWindowMinutes", r.completionWindow().toMinutes());
      }
      if (r.lifecycle() != null) {
        lifecycle(rule.putObject("Lifecycle"), r.lifecycle());
      }
      if (!r.copyActions().isEmpty()) {
        ArrayNode copies = rule.putArray("CopyActions");
        for (BackupCopyAction c : r.copyActions()) {
          ObjectNode copy = copies.addObject();
          copy.put("DestinationBackupVaultArn", c.destinationVaultArn().toString());
          if (c.lifecycle() != null) {
            lifecycle(copy.putObject("Lifecycle"), c.lifecycle());
          }
        }
      }
    }
    return Json.writePretty(root);
  }

  private static void lifecycle(ObjectNode node, BackupLifecycle l) {
    if (l.moveToColdStorageAfter() != null) {
      node.put("MoveToColdStorageAfterDays", l.moveToColdStorageAfter().toDays());
    }
    if (l.deleteAfter() != null) {
      node.put("DeleteAfterDays", l.deleteAfter().toDays());
    }
  }

  /**
   * Reads a plan.
   *
   * @param json the JSON
   * @return the plan
   */
  public static BackupPlanDefinition read(@Nullable String json) {
    JsonNode root = Json.readTree("backupPlan", json,
        "a JSON object of AWS's BackupPlanInput shape, {\"BackupPlanName\": ..., \"Rules\": [...]}");
    object(root, "backupPlan", PLAN);
    List<BackupPlanRule> rules = new ArrayList<>();
    for (JsonNode r : array(root, "Rules", true)) {
      object(r, "Rules[]", RULE);
      List<BackupCopyAction> copies = new ArrayList<>();
      for (JsonNode c : array(r, "CopyActions", false)) {
        object(c, "CopyActions[]", COPY);
        copies.add(new BackupCopyAction(Arn.parse(text(c, "DestinationBackupVaultArn")), lifecycle(c.get("Lifecycle"))));
      }
      rules.add(new BackupPlanRule(text(r, "RuleName"), BackupVaultName.of(text(r, "TargetBackupVaultName")),
          Schedule.parse(text(r, "ScheduleExpression")), minutes(r, "StartWindowMinutes"), minutes(r, "CompletionWindowMinutes"),
          lifecycle(r.get("Lifecycle")), copies));
    }
    return new BackupPlanDefinition(text(root, "BackupPlanName"), rules);
  }

  private static void object(@Nullable JsonNode node, String where, Set<String> known) {
    if (node == null || !node.isObject()) {
      throw ValidationException.of(where, node, "a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ValidationException.of(where + "." + name, node.get(name), "one of the members OpsKit knows: " + new java.util.TreeSet<>(known));
      }
    }
  }

  private static JsonNode array(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw ValidationException.of(field, null, "an array of rules");
      }
      return Json.array();
    }
    if (!value.isArray()) {
      throw ValidationException.of(field, value, required ? "an array of rules" : "an array");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw ValidationException.of(field, value, "a string");
    }
    return value.asText();
  }

  /** A whole number from 0 to {@code max}, so that making a duration of it cannot overflow. */
  private static @Nullable Long number(JsonNode node, String field, long max) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > max) {
      throw ValidationException.of(field, value, "a whole number from 0 to " + max);
    }
    return value.asLong();
  }

  private static @Nullable Duration minutes(JsonNode node, String field) {
    Long n = number(node, field, BackupPlanRule.MAX_WINDOW.toMinutes());
    return n == null ? null : Duration.ofMinutes(n);
  }

  private static @Nullable BackupLifecycle lifecycle(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    object(node, "Lifecycle", LIFECYCLE);
    Long cold = number(node, "MoveToColdStorageAfterDays", BackupLifecycle.MAX_DAYS);
    Long delete = number(node, "DeleteAfterDays", BackupLifecycle.MAX_DAYS);
    return new BackupLifecycle(cold == null ? null : Duration.ofDays(cold), delete == null ? null : Duration.ofDays(delete));
  }
}
