package dev.opskit.backup.internal;

import dev.opskit.core.internal.JsonNode;
import dev.opskit.core.internal.ArrayNode;
import dev.opskit.core.internal.ObjectNode;
import dev.opskit.backup.AdvancedBackupOptions;
import dev.opskit.backup.BackupCopyAction;
import dev.opskit.backup.BackupIndexAction;
import dev.opskit.backup.BackupLifecycle;
import dev.opskit.backup.BackupPlanDefinition;
import dev.opskit.backup.BackupPlanRule;
import dev.opskit.backup.MalwareScanAction;
import dev.opskit.backup.MalwareScanSetting;
import dev.opskit.core.ValidationException;
import dev.opskit.core.internal.Json;
import dev.opskit.core.value.Arn;
import dev.opskit.core.value.BackupVaultName;
import dev.opskit.core.value.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.backup.model.MalwareScanner;
import software.amazon.awssdk.services.backup.model.ScanMode;

/**
 * AWS's JSON shape of a backup plan, both ways: {@code BackupPlanInput} (the {@code --backup-plan} file), or the
 * {@code CreateBackupPlan} request with {@code BackupPlan} and {@code BackupPlanTags} (the {@code --cli-input-json}
 * file). Every member of the AWS API's {@code BackupPlanInput}, {@code BackupRuleInput}, {@code Lifecycle},
 * {@code CopyAction}, {@code IndexAction}, {@code ScanAction}, {@code AdvancedBackupSetting} and {@code ScanSetting}
 * is read; any other member is a {@link ValidationException} naming the members AWS has.
 */
public final class BackupPlanJson {
  private static final Set<String> REQUEST = Set.of("BackupPlan", "BackupPlanTags", "CreatorRequestId");
  private static final Set<String> PLAN = Set.of("BackupPlanName", "Rules", "AdvancedBackupSettings", "ScanSettings");
  private static final Set<String> RULE = Set.of("RuleName", "TargetBackupVaultName", "TargetLogicallyAirGappedBackupVaultArn",
      "ScheduleExpression", "ScheduleExpressionTimezone", "StartWindowMinutes", "CompletionWindowMinutes", "Lifecycle",
      "RecoveryPointTags", "CopyActions", "EnableContinuousBackup", "IndexActions", "ScanActions");
  private static final Set<String> LIFECYCLE = Set.of("MoveToColdStorageAfterDays", "DeleteAfterDays",
      "OptInToArchiveForSupportedResources");
  private static final Set<String> COPY = Set.of("DestinationBackupVaultArn", "Lifecycle");
  private static final Set<String> INDEX = Set.of("ResourceTypes");
  private static final Set<String> SCAN_ACTION = Set.of("MalwareScanner", "ScanMode");
  private static final Set<String> ADVANCED = Set.of("ResourceType", "BackupOptions");
  private static final Set<String> SCAN_SETTING = Set.of("MalwareScanner", "ResourceTypes", "ScannerRoleArn");

  private BackupPlanJson() {}

  /**
   * Writes a plan: the {@code BackupPlanInput} shape, or the request shape when the plan has tags.
   *
   * @param plan the plan
   * @return pretty-printed JSON
   */
  public static String write(BackupPlanDefinition plan) {
    ObjectNode body = plan(plan);
    if (plan.tags().isEmpty()) {
      return Json.writePretty(body);
    }
    ObjectNode request = Json.object();
    request.set("BackupPlan", body);
    ObjectNode tags = request.putObject("BackupPlanTags");
    plan.tags().asMap().forEach(tags::put);
    return Json.writePretty(request);
  }

  private static ObjectNode plan(BackupPlanDefinition plan) {
    ObjectNode root = Json.object();
    root.put("BackupPlanName", plan.name());
    ArrayNode rules = root.putArray("Rules");
    plan.rules().forEach(r -> rule(rules.addObject(), r));
    if (!plan.advancedBackupSettings().isEmpty()) {
      ArrayNode settings = root.putArray("AdvancedBackupSettings");
      for (AdvancedBackupOptions a : plan.advancedBackupSettings()) {
        ObjectNode setting = settings.addObject();
        setting.put("ResourceType", a.resourceType());
        ObjectNode options = setting.putObject("BackupOptions");
        a.backupOptions().forEach(options::put);
      }
    }
    if (!plan.scanSettings().isEmpty()) {
      ArrayNode settings = root.putArray("ScanSettings");
      for (MalwareScanSetting s : plan.scanSettings()) {
        ObjectNode setting = settings.addObject();
        setting.put("MalwareScanner", s.malwareScanner().toString());
        ArrayNode types = setting.putArray("ResourceTypes");
        s.resourceTypes().forEach(types::add);
        setting.put("ScannerRoleArn", s.scannerRole().toString());
      }
    }
    return root;
  }

  private static void rule(ObjectNode rule, BackupPlanRule r) {
    rule.put("RuleName", r.name());
    rule.put("TargetBackupVaultName", r.targetVault().value());
    if (r.targetLogicallyAirGappedVault() != null) {
      rule.put("TargetLogicallyAirGappedBackupVaultArn", r.targetLogicallyAirGappedVault().toString());
    }
    if (r.schedule() != null) {
      rule.put("ScheduleExpression", r.schedule().expression());
    }
    if (r.scheduleTimezone() != null) {
      rule.put("ScheduleExpressionTimezone", r.scheduleTimezone().getId());
    }
    if (r.startWindow() != null) {
      rule.put("StartWindowMinutes", r.startWindow().toMinutes());
    }
    if (r.completionWindow() != null) {
      rule.put("CompletionWindowMinutes", r.completionWindow().toMinutes());
    }
    if (r.lifecycle() != null) {
      lifecycle(rule.putObject("Lifecycle"), r.lifecycle());
    }
    if (!r.recoveryPointTags().isEmpty()) {
      ObjectNode tags = rule.putObject("RecoveryPointTags");
      r.recoveryPointTags().asMap().forEach(tags::put);
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
    if (r.continuousBackup()) {
      rule.put("EnableContinuousBackup", true);
    }
    if (!r.indexActions().isEmpty()) {
      ArrayNode indexes = rule.putArray("IndexActions");
      for (BackupIndexAction i : r.indexActions()) {
        ArrayNode types = indexes.addObject().putArray("ResourceTypes");
        i.resourceTypes().forEach(types::add);
      }
    }
    if (!r.scanActions().isEmpty()) {
      ArrayNode scans = rule.putArray("ScanActions");
      for (MalwareScanAction s : r.scanActions()) {
        ObjectNode scan = scans.addObject();
        scan.put("MalwareScanner", s.malwareScanner().toString());
        scan.put("ScanMode", s.scanMode().toString());
      }
    }
  }

  private static void lifecycle(ObjectNode node, BackupLifecycle l) {
    if (l.moveToColdStorageAfter() != null) {
      node.put("MoveToColdStorageAfterDays", l.moveToColdStorageAfter().toDays());
    }
    if (l.deleteAfter() != null) {
      node.put("DeleteAfterDays", l.deleteAfter().toDays());
    }
    if (l.optInToArchiveForSupportedResources()) {
      node.put("OptInToArchiveForSupportedResources", true);
    }
  }

  /**
   * Reads a plan.
   *
   * @param json the JSON
   * @return the plan
   * @throws ValidationException when it is not AWS's shape or a value is invalid
   */
  public static BackupPlanDefinition read(@Nullable String json) {
    JsonNode root = Json.readTree("backupPlan", json,
        "a JSON object of AWS's BackupPlanInput shape, {\"BackupPlanName\": ..., \"Rules\": [...]}, or of the"
            + " CreateBackupPlan request, {\"BackupPlan\": {...}, \"BackupPlanTags\": {...}}");
    Map<String, String> tags = Map.of();
    JsonNode plan = root;
    if (root.isObject() && root.has("BackupPlan")) {
      object(root, "backupPlan", REQUEST);
      plan = root.path("BackupPlan");
      tags = strings(root, "BackupPlanTags");
    }
    object(plan, "backupPlan", PLAN);
    BackupPlanDefinition.Builder b = BackupPlanDefinition.builder().name(text(plan, "BackupPlanName")).tags(tags);
    List<BackupPlanRule> rules = new ArrayList<>();
    for (JsonNode r : array(plan, "Rules", "an array of rules", true)) {
      rules.add(rule(r));
    }
    b.rules(rules);
    for (JsonNode a : array(plan, "AdvancedBackupSettings", "an array", false)) {
      object(a, "AdvancedBackupSettings[]", ADVANCED);
      b.advancedBackupSetting(new AdvancedBackupOptions(text(a, "ResourceType"), strings(a, "BackupOptions")));
    }
    for (JsonNode s : array(plan, "ScanSettings", "an array", false)) {
      object(s, "ScanSettings[]", SCAN_SETTING);
      b.scanSetting(new MalwareScanSetting(scanner(s), textList(s, "ResourceTypes"), Arn.parse(text(s, "ScannerRoleArn"))));
    }
    return b.build();
  }

  private static BackupPlanRule rule(JsonNode r) {
    object(r, "Rules[]", RULE);
    BackupPlanRule.Builder b = BackupPlanRule.builder()
        .name(text(r, "RuleName"))
        .targetVault(BackupVaultName.of(text(r, "TargetBackupVaultName")))
        .windows(minutes(r, "StartWindowMinutes"), minutes(r, "CompletionWindowMinutes"))
        .lifecycle(lifecycle(r.get("Lifecycle")))
        .recoveryPointTags(strings(r, "RecoveryPointTags"))
        .continuousBackup(bool(r, "EnableContinuousBackup"));
    String airGapped = optionalText(r, "TargetLogicallyAirGappedBackupVaultArn");
    if (airGapped != null) {
      b.targetLogicallyAirGappedVault(Arn.parse(airGapped));
    }
    String schedule = optionalText(r, "ScheduleExpression");
    if (schedule != null) {
      b.schedule(Schedule.parse(schedule));
    }
    String zone = optionalText(r, "ScheduleExpressionTimezone");
    if (zone != null) {
      b.scheduleTimezone(zone);
    }
    for (JsonNode c : array(r, "CopyActions", "an array", false)) {
      object(c, "CopyActions[]", COPY);
      b.copyTo(new BackupCopyAction(Arn.parse(text(c, "DestinationBackupVaultArn")), lifecycle(c.get("Lifecycle"))));
    }
    List<BackupIndexAction> indexes = new ArrayList<>();
    for (JsonNode i : array(r, "IndexActions", "an array", false)) {
      object(i, "IndexActions[]", INDEX);
      indexes.add(new BackupIndexAction(textList(i, "ResourceTypes")));
    }
    b.indexActions(indexes);
    for (JsonNode s : array(r, "ScanActions", "an array", false)) {
      object(s, "ScanActions[]", SCAN_ACTION);
      String modeText = text(s, "ScanMode");
      ScanMode mode = ScanMode.fromValue(modeText);
      if (mode == ScanMode.UNKNOWN_TO_SDK_VERSION) {
        throw ValidationException.of("ScanMode", modeText, "one of " + ScanMode.knownValues());
      }
      b.scanAction(new MalwareScanAction(scanner(s), mode));
    }
    return b.build();
  }

  private static MalwareScanner scanner(JsonNode node) {
    String text = text(node, "MalwareScanner");
    MalwareScanner scanner = MalwareScanner.fromValue(text);
    if (scanner == MalwareScanner.UNKNOWN_TO_SDK_VERSION) {
      throw ValidationException.of("MalwareScanner", text, "one of " + MalwareScanner.knownValues());
    }
    return scanner;
  }

  private static void object(@Nullable JsonNode node, String where, Set<String> known) {
    if (node == null || !node.isObject()) {
      throw ValidationException.of(where, node, "a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ValidationException.of(where + "." + name, node.get(name), "one of AWS's members: " + new TreeSet<>(known));
      }
    }
  }

  private static JsonNode array(JsonNode node, String field, String allowed, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw ValidationException.of(field, null, allowed);
      }
      return Json.array();
    }
    if (!value.isArray()) {
      throw ValidationException.of(field, value, allowed);
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

  private static @Nullable String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : text(node, field);
  }

  private static List<String> textList(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode v : array(node, field, "an array of strings", false)) {
      if (!v.isTextual()) {
        throw ValidationException.of(field, v, "an array of strings");
      }
      values.add(v.asText());
    }
    return values;
  }

  private static Map<String, String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw ValidationException.of(field, value, "a JSON object of string values");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!e.getValue().isTextual()) {
        throw ValidationException.of(field + "." + e.getKey(), e.getValue(), "a string");
      }
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw ValidationException.of(field, value, "true or false");
    }
    return value.asBoolean();
  }

  /**
   * A whole number from {@code min} to {@code max}, so that making a duration of it cannot overflow; null when
   * absent.
   */
  private static @Nullable Long number(JsonNode node, String field, long min, long max) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
      throw ValidationException.of(field, value, "a whole number from " + min + " to " + max);
    }
    return value.asLong();
  }

  private static @Nullable Duration minutes(JsonNode node, String field) {
    Long n = number(node, field, 0, BackupPlanRule.MAX_WINDOW.toMinutes());
    return n == null ? null : Duration.ofMinutes(n);
  }

  private static @Nullable BackupLifecycle lifecycle(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    object(node, "Lifecycle", LIFECYCLE);
    Long cold = days(node, "MoveToColdStorageAfterDays");
    Long delete = days(node, "DeleteAfterDays");
    return new BackupLifecycle(cold == null ? null : Duration.ofDays(cold), delete == null ? null : Duration.ofDays(delete),
        bool(node, "OptInToArchiveForSupportedResources"));
  }

  /** Days, or null when absent or -1 (AWS's "no such setting"). */
  private static @Nullable Long days(JsonNode node, String field) {
    Long n = number(node, field, -1, BackupLifecycle.MAX_DAYS);
    return n == null || n == -1 ? null : n;
  }
}
